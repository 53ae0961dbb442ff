import {
  ENTITY_KINDS,
  GOVERNANCE_FAMILIES,
  PARTICIPATION_ROLES,
  RELATION_FAMILIES,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  type Entity,
  type WorkshopQuestionEntity,
} from '@styrgraf/model';
import { type OrgChartNode } from '@styrgraf/store';
import { see } from '../context.ts';
import { badInput, notFound } from '../errors.ts';
import { checkLength, checkRange, LIMITS } from '../limits.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { municipalityArgument } from '../municipalities/lookup.ts';
import { capNeighbourhood } from '../neighbourhood/cap.ts';
import { DateScalar, requireEntity, DEFAULT_GRAPH_KINDS } from './arguments.ts';

/** The root queries over the graph: lookup, listing, search, views, paths, org chart, decisions, changes. */

function flattenChart(node: OrgChartNode, depth: number, parent: Entity | null, out: object[]): object[] {
  out.push({ entity: node.entity, depth, parent, via: node.via, childCount: node.children.length });
  for (const child of node.children) flattenChart(child, depth + 1, node.entity, out);
  return out;
}

export const queryResolvers: Resolvers = {
  Date: DateScalar,

  Query: {
    about: async (_, _args, ctx) => ctx.store.info(),

    entity: (_, { id }, ctx) => requireEntity(ctx, id, 'id'),

    entities: async (_, args, ctx) => {
      const page = await ctx.store.listEntities({
        ...(args.kinds ? { kinds: args.kinds } : {}),
        first: checkRange('first', args.first, 0, LIMITS.first),
        after: args.after ?? null,
        asOf: args.asOf ?? null,
      });
      return { nodes: page.items, totalCount: page.totalCount, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
    },

    search: async (_, args, ctx) =>
      ctx.store.search({
        text: checkLength('text', args.text, LIMITS.searchTextLength),
        ...(args.kinds ? { kinds: args.kinds } : {}),
        first: checkRange('first', args.first, 1, LIMITS.searchFirst),
        asOf: args.asOf ?? null,
        municipality: await municipalityArgument(ctx, args.municipality),
      }),

    neighbourhood: async (_, args, ctx) => {
      const depth = checkRange('depth', args.depth, 1, LIMITS.depth);
      const first = args.first === null || args.first === undefined ? null : checkRange('first', args.first, 1, LIMITS.neighbourhoodFirst);
      const root = await requireEntity(ctx, args.id, 'id');
      const asOf = args.asOf ?? ctx.today;
      const result = await ctx.store.neighbourhood({
        id: args.id,
        depth,
        families: args.families ?? GOVERNANCE_FAMILIES,
        ...(args.kinds ? { kinds: args.kinds } : {}),
        asOf,
      });
      if (!result)
        throw notFound(`"${root.name.sv}" (${root.id}) is not in force on ${asOf} (valid ${root.validFrom ?? '…'} – ${root.validTo ?? '…'}).`, 'asOf');
      const answer = first === null ? result : capNeighbourhood(result, args.id, first);
      see(ctx, answer.nodes);
      return answer;
    },

    graph: async (_, args, ctx) => {
      const result = await ctx.store.graph({
        asOf: args.asOf ?? ctx.today,
        families: args.families ?? GOVERNANCE_FAMILIES,
        kinds: args.kinds ?? DEFAULT_GRAPH_KINDS,
        municipality: await municipalityArgument(ctx, args.municipality),
      });
      see(ctx, result.nodes);
      return result;
    },

    paths: async (_, args, ctx) => {
      const maxLength = checkRange('maxLength', args.maxLength, 1, LIMITS.maxLength);
      const first = checkRange('first', args.first, 1, LIMITS.pathFirst);
      await Promise.all([requireEntity(ctx, args.from, 'from'), requireEntity(ctx, args.to, 'to')]);
      if (args.from === args.to) throw badInput('"from" and "to" are the same entity; a path needs two.', 'to');
      return ctx.store.paths({
        from: args.from,
        to: args.to,
        maxLength,
        families: args.families ?? GOVERNANCE_FAMILIES,
        asOf: args.asOf ?? ctx.today,
        mode: args.mode,
        limit: first,
      });
    },

    orgChart: async (_, args, ctx) => {
      const root = await requireEntity(ctx, args.rootId, 'rootId');
      const asOf = args.asOf ?? ctx.today;
      const tree = await ctx.store.orgChart({ rootId: args.rootId, asOf });
      if (!tree) throw notFound(`"${root.name.sv}" (${root.id}) is not in force on ${asOf}.`, 'asOf');
      return { root: tree.entity, entries: flattenChart(tree, 0, null, []), asOf };
    },

    decisionAreas: async (_, args, ctx) => {
      if (args.actorId) await requireEntity(ctx, args.actorId, 'actorId');
      if (args.text) checkLength('text', args.text, LIMITS.searchTextLength);
      return ctx.store.decisionAreas({
        actorId: args.actorId ?? null,
        text: args.text ?? null,
        asOf: args.asOf ?? ctx.today,
        municipality: await municipalityArgument(ctx, args.municipality),
      });
    },

    decisionArea: async (_, { id }, ctx) => {
      const entity = await requireEntity(ctx, id, 'id');
      if (entity.kind !== 'DECISION_AREA') throw badInput(`"${id}" is a ${entity.kind}, not a decision area.`, 'id');
      return entity;
    },

    provisions: (_, args, ctx) => ctx.store.provisions({ documentId: args.documentId ?? null }),

    workshopQuestions: (_, args, ctx) => ctx.store.workshopQuestions({ status: args.status ?? null }),

    workshopCoverage: async (_, _args, ctx) => {
      const questions = await ctx.store.workshopQuestions({});
      const count = (list: WorkshopQuestionEntity[]) => ({
        total: list.length,
        answered: list.filter((q) => q.status === 'ANSWERED').length,
        partly: list.filter((q) => q.status === 'PARTLY').length,
        open: list.filter((q) => q.status === 'OPEN').length,
      });
      const sections = [...new Set(questions.map((q) => q.section))].map((name) => {
        const list = questions.filter((q) => q.section === name);
        return { name, ...count(list), questions: list };
      });
      return { ...count(questions), sections };
    },

    glossary: (_, _args, ctx) => ctx.store.glossary(),

    changes: async (_, args, ctx) => {
      if (args.from > args.to) throw badInput(`"from" (${args.from}) is after "to" (${args.to}).`, 'from');
      return ctx.store.changes({ from: args.from, to: args.to });
    },

    vocabulary: () => ({
      families: RELATION_FAMILIES.map((family) => ({ family })),
      relationKinds: RELATION_KIND_NAMES.map((kind) => ({ kind, ...RELATION_KINDS[kind] })),
      entityKinds: ENTITY_KINDS.map((kind) => ({ kind })),
      participationRoles: PARTICIPATION_ROLES,
    }),
  },
};
