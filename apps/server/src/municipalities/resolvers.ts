import { GOVERNANCE_FAMILIES, type Bilingual, type Entity, type EntityKind, type RelationFamily } from '@styrgraf/model';
import type { MunicipalitySummary } from '@styrgraf/store';
import { entityById, see, type Context } from '../context.ts';
import { DEFAULT_GRAPH_KINDS } from '../cost/profile.ts';
import { municipalitiesById, requireMunicipality } from './lookup.ts';

/** Resolvers of schema/municipalities.graphql; merged into the schema in schema.ts. */

type LangArg = { lang?: 'SV' | 'EN' };
const name = (n: Bilingual, args: LangArg) => (args.lang === 'EN' ? n.en : n.sv);

const municipalityOfEntity = async (e: Entity, _args: unknown, ctx: Context) => {
  const id = await ctx.loaders.municipalityOf.load(e.id);
  return id ? ((await municipalitiesById(ctx)).get(id) ?? null) : null;
};

export const municipalityResolvers = {
  Query: {
    municipalities: async (_: unknown, _args: unknown, ctx: Context) => (await ctx.store.municipalities()).municipalities,
    municipality: (_: unknown, { id }: { id: string }, ctx: Context) => requireMunicipality(ctx, id, 'id'),
    overview: async (_: unknown, args: { asOf?: string | null; families?: RelationFamily[]; kinds?: EntityKind[] }, ctx: Context) => {
      const result = await ctx.store.overview({ asOf: args.asOf ?? ctx.today, families: args.families ?? GOVERNANCE_FAMILIES, kinds: args.kinds ?? [...DEFAULT_GRAPH_KINDS] });
      see(ctx, result.nodes);
      return result;
    },
  },
  Municipality: {
    id: (m: MunicipalitySummary) => m.entity.id,
    name: (m: MunicipalitySummary, args: LangArg) => name(m.entity.name, args),
    entitiesByKind: (m: MunicipalitySummary) => Object.entries(m.entitiesByKind).map(([kind, count]) => ({ kind, count })),
    relationsByFamily: (m: MunicipalitySummary) => Object.entries(m.relationsByFamily).map(([family, count]) => ({ family, count })),
  },
  About: {
    municipalityCount: async (_: unknown, _args: unknown, ctx: Context) => (await municipalitiesById(ctx)).size,
  },
  Subgraph: {
    omitted: (s: { omitted?: number }) => s.omitted ?? 0,
    omittedNeighbours: (s: { omittedNeighbours?: { id: string; count: number }[] }) => s.omittedNeighbours ?? [],
  },
  OmittedNeighbours: {
    entity: (o: { id: string }, _args: unknown, ctx: Context) => entityById(ctx, o.id),
  },
  Actor: { municipality: municipalityOfEntity },
  DecisionArea: { municipality: municipalityOfEntity },
  Provision: { municipality: municipalityOfEntity },
  SourceDocument: { municipality: municipalityOfEntity },
  WorkshopQuestion: { municipality: municipalityOfEntity },
  GlossaryTerm: { municipality: municipalityOfEntity },
};
