import { relationSpec, type Entity, type Relation } from '@styrgraf/model';
import type { Context } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';

/**
 * The org chart both ways (schema/org-context.graphql), from the Store
 * port's relationsOf alone, batched through the request's loaders: the chain
 * above a root is walked one level at a time, and the dotted lines beside the
 * chart are the non-management relations of everything it shows.
 */

/** Relation kinds that place one entity beside another rather than above it: an org chart's dotted lines. */
export const BESIDE_KINDS = new Set(['SERVES', 'ASSIGNS', 'ASSISTS', 'DELEGATES_TO', 'SUBDELEGATES_TO']);
const MAX_HEIGHT = 8;

interface Chart {
  root: Entity;
  entries: { entity: Entity }[];
  asOf: string;
}

interface Link {
  entityId: string;
  belowId: string;
  height: number;
  via: Relation;
}

async function chainAbove(chart: Chart, ctx: Context): Promise<Link[]> {
  const links: Link[] = [];
  const seen = new Set([chart.root.id]);
  let level = [chart.root.id];
  for (let height = 1; height <= MAX_HEIGHT && level.length > 0; height++) {
    const relations = await ctx.loaders.relations.loadMany(
      level.map((id) => ({ id, direction: 'BOTH' as const, families: ['REPORTING', 'OWNERSHIP'] as const, asOf: chart.asOf })),
    );
    const next: string[] = [];
    level.forEach((id, i) => {
      const list = relations[i];
      if (!list || list instanceof Error) return;
      for (const r of list) {
        const direction = relationSpec(r.kind).hierarchy;
        if (!direction) continue;
        const [upper, lower] = direction === 'down' ? [r.from, r.to] : [r.to, r.from];
        if (lower !== id || seen.has(upper)) continue;
        seen.add(upper);
        links.push({ entityId: upper, belowId: id, height, via: r });
        next.push(upper);
      }
    });
    level = next;
  }
  return links;
}

export const orgContextResolvers: Resolvers = {
  OrgChart: {
    above: async (chart: Chart, _args, ctx) => {
      const links = await chainAbove(chart, ctx);
      const entities = new Map(
        (await ctx.loaders.entity.loadMany(links.flatMap((l) => [l.entityId, l.belowId])))
          .filter((e): e is Entity => !!e && !(e instanceof Error))
          .map((e) => [e.id, e]),
      );
      return links
        .filter((l) => entities.has(l.entityId) && entities.has(l.belowId))
        .map((l) => ({ entity: entities.get(l.entityId), below: entities.get(l.belowId), height: l.height, via: l.via }));
    },
    beside: async (chart: Chart, _args, ctx) => {
      const above = await chainAbove(chart, ctx);
      const ids = [...new Set([chart.root.id, ...chart.entries.map((e) => e.entity.id), ...above.map((l) => l.entityId)])];
      const lists = await ctx.loaders.relations.loadMany(ids.map((id) => ({ id, direction: 'BOTH' as const, families: null, asOf: chart.asOf })));
      const beside = new Map<string, Relation>();
      for (const list of lists) if (list && !(list instanceof Error)) for (const r of list) if (BESIDE_KINDS.has(r.kind)) beside.set(r.id, r);
      return [...beside.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  },
};
