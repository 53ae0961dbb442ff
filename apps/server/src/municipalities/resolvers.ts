import { GOVERNANCE_FAMILIES, type Bilingual, type Entity } from '@styrgraf/model';
import { see, type Context } from '../context.ts';
import { known } from '../known-entities.ts';
import { DEFAULT_GRAPH_KINDS } from '../cost/profile.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { municipalitiesById, requireMunicipality } from './lookup.ts';

/** Resolvers of schema/municipalities.graphql; merged into the schema in schema.ts. */

type LangArg = { lang?: 'SV' | 'EN' };
const name = (n: Bilingual, args: LangArg) => (args.lang === 'EN' ? n.en : n.sv);

const municipalityOfEntity = async (e: Entity, _args: unknown, ctx: Context) => {
  const id = await ctx.loaders.municipalityOf.load(e.id);
  return id ? ((await municipalitiesById(ctx)).get(id) ?? null) : null;
};

export const municipalityResolvers: Resolvers = {
  Query: {
    municipalities: async (_, _args, ctx) => (await ctx.store.municipalities()).municipalities,
    municipality: (_, { id }, ctx) => requireMunicipality(ctx, id, 'id'),
    overview: async (_, args, ctx) => {
      const result = await ctx.store.overview({
        asOf: args.asOf ?? ctx.today,
        families: args.families ?? GOVERNANCE_FAMILIES,
        kinds: args.kinds ?? [...DEFAULT_GRAPH_KINDS],
      });
      see(ctx, result.nodes);
      return result;
    },
  },
  Municipality: {
    id: (m) => m.entity.id,
    name: (m, args) => name(m.entity.name, args),
    entitiesByKind: (m) => Object.entries(m.entitiesByKind).map(([kind, count]) => ({ kind, count })),
    relationsByFamily: (m) => Object.entries(m.relationsByFamily).map(([family, count]) => ({ family, count })),
  },
  About: {
    municipalityCount: async (_, _args, ctx) => (await municipalitiesById(ctx)).size,
  },
  Subgraph: {
    omitted: (s: { omitted?: number }) => s.omitted ?? 0,
    omittedNeighbours: (s: { omittedNeighbours?: { id: string; count: number }[] }) => s.omittedNeighbours ?? [],
  },
  OmittedNeighbours: {
    entity: (o: { id: string }, _args, ctx) => known(ctx, o.id),
  },
  Actor: { municipality: municipalityOfEntity },
  DecisionArea: { municipality: municipalityOfEntity },
  Provision: { municipality: municipalityOfEntity },
  SourceDocument: { municipality: municipalityOfEntity },
  WorkshopQuestion: { municipality: municipalityOfEntity },
  GlossaryTerm: { municipality: municipalityOfEntity },
};
