import { explainPath, explainRelation, FAMILY_LABELS, relationLabel, type Entity, type GraphPath, type Relation } from '@styrgraf/model';
import { type Change } from '@styrgraf/store';
import { isProvision, known, knownAll } from '../known-entities.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { lang, pick } from './arguments.ts';

/** Resolvers of relations, paths through them, and changes over time. */

export const relationResolvers: Resolvers = {
  Relation: {
    familyLabel: (r: Relation, args) => FAMILY_LABELS[r.family][lang(args)],
    label: (r: Relation, args) => relationLabel(r, lang(args), true),
    inverseLabel: (r: Relation, args) => relationLabel(r, lang(args), false),
    from: (r: Relation, _args, ctx) => known(ctx, r.from),
    to: (r: Relation, _args, ctx) => known(ctx, r.to),
    sentence: async (r: Relation, args, ctx) => {
      const [from, to] = await Promise.all([ctx.loaders.entity.load(r.from), ctx.loaders.entity.load(r.to)]);
      const byId = new Map([from, to].filter((e): e is Entity => !!e).map((e) => [e.id, e]));
      return explainRelation(r, (id) => byId.get(id), lang(args));
    },
    provisions: (r: Relation, _args, ctx) => knownAll(ctx, r.cites, isProvision),
    note: (r: Relation, args) => pick(r.note, args),
    validFrom: (r: Relation) => r.validFrom ?? null,
    validTo: (r: Relation) => r.validTo ?? null,
    derived: (r: Relation) => !!r.derivedFrom,
    origin: (r: Relation) => r.origin ?? null,
  },

  Path: {
    length: (p: GraphPath) => p.steps.length,
    nodes: (p: GraphPath, _args, ctx) => knownAll(ctx, p.nodes),
    steps: (p: GraphPath) => p.steps.map((s, i) => ({ ...s, fromId: p.nodes[i], toId: p.nodes[i + 1] })),
    explanation: async (p: GraphPath, args, ctx) => {
      const list = await knownAll(ctx, p.nodes);
      const byId = new Map(list.map((e) => [e.id, e]));
      return explainPath(p, (id) => byId.get(id), lang(args));
    },
  },

  PathStep: {
    from: (s: { fromId: string }, _args, ctx) => known(ctx, s.fromId),
    to: (s: { toId: string }, _args, ctx) => known(ctx, s.toId),
    label: (s: { relation: Relation; forward: boolean }, args) => relationLabel(s.relation, lang(args), s.forward),
  },

  Change: {
    description: async (c: Change, args, ctx) => {
      const l = lang(args);
      if (c.entity) {
        const name = c.entity.name[l];
        if (l === 'sv') return c.type === 'STARTED' ? `${name} tillkommer.` : `${name} upphör.`;
        return c.type === 'STARTED' ? `${name} is established.` : `${name} ceases.`;
      }
      const r = c.relation!;
      const [from, to] = await Promise.all([ctx.loaders.entity.load(r.from), ctx.loaders.entity.load(r.to)]);
      const byId = new Map([from, to].filter((e): e is Entity => !!e).map((e) => [e.id, e]));
      const sentence = explainRelation(r, (id) => byId.get(id), l);
      if (l === 'sv') return c.type === 'STARTED' ? `Från och med nu: ${sentence}` : `Upphör: ${sentence}`;
      return c.type === 'STARTED' ? `From now on: ${sentence}` : `No longer: ${sentence}`;
    },
    related: async (c: Change, _args, ctx) => {
      if (!c.entity) return [];
      const id = c.entity.id;
      const relations = await ctx.loaders.relations.load({ id, direction: 'BOTH', families: ['STRUCTURE'], asOf: null });
      const succession = relations.filter((r) => r.kind === 'SUCCEEDS');
      const ids = c.type === 'ENDED' ? succession.filter((r) => r.to === id).map((r) => r.from) : succession.filter((r) => r.from === id).map((r) => r.to);
      return knownAll(ctx, ids);
    },
  },
};
