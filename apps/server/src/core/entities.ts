import {
  COVERAGE_LABELS,
  ENTITY_KIND_LABELS,
  isActorKind,
  PARTICIPATION_ROLE_LABELS,
  PARTICIPATION_ROLES,
  type Bilingual,
  type DecisionAreaEntity,
  type Entity,
  type Lang,
  type ParticipationRole,
  type Relation,
  type RelationFamily,
  type WorkshopQuestionEntity,
  summariseDecisionArea,
} from '@styrgraf/model';
import { type Direction } from '@styrgraf/store';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { readIntoSeen, type Context } from '../context.ts';
import { isActor, isDecisionArea, isProvision, isSourceDocument, isWorkshopQuestion, known, knownAll } from '../known-entities.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { lang, pick, type LangArg } from './arguments.ts';

/** Resolvers of the entities and the data set: what each kind of record answers. */

export const RELATION_ENDS = new Set(['from', 'to']);

/** True when the field's own selection (through fragments, one level down) names any of `fields`. */
export function selects(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    !!selectionSet &&
    selectionSet.selections.some((s) =>
      s.kind === Kind.FIELD ? fields.has(s.name.value) : within(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

export const entityFields = {
  kindLabel: (e: Entity, args: LangArg) => ENTITY_KIND_LABELS[e.kind][lang(args)],
  name: (e: Entity, args: LangArg) => e.name[lang(args)],
  names: (e: Entity) => e.name,
  description: (e: Entity, args: LangArg) => pick(e.description, args),
  note: (e: Entity, args: LangArg) => pick(e.note, args),
  validFrom: (e: Entity) => e.validFrom ?? null,
  validTo: (e: Entity) => e.validTo ?? null,
  confidence: (e: Entity) => e.confidence ?? null,
  provisions: (e: Entity, _args: unknown, ctx: Context) => knownAll(ctx, e.cites, isProvision),
  relations: async (
    e: Entity,
    args: { direction?: Direction; families?: RelationFamily[] | null; asOf?: string | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    const relations = await ctx.loaders.relations.load({
      id: e.id,
      direction: args.direction ?? 'BOTH',
      families: args.families ?? null,
      asOf: args.asOf ?? null,
    });
    // The ends the query asks for, read before the list is returned, so that each relation completes at once rather than as two promises.
    if (selects(info, RELATION_ENDS)) await readIntoSeen(ctx, unseenEnds(ctx, relations));
    return relations;
  },
  origin: (e: Entity) => e.origin ?? null,
};

/**
 * The ends of these relations the request has not read yet, each once: the
 * entity whose relations they are is an end of every one, and a hub's
 * neighbours recur, so only what has to be read is asked for, each once; no
 * pair per relation.
 */
function unseenEnds(ctx: Context, relations: readonly Relation[]): string[] {
  const unseen = new Set<string>();
  for (const r of relations) {
    if (!ctx.seen.has(r.from)) unseen.add(r.from);
    if (!ctx.seen.has(r.to)) unseen.add(r.to);
  }
  return [...unseen];
}

export function participationRoles(roles: readonly ParticipationRole[] | null | undefined) {
  return (p: { role: ParticipationRole }) => !roles || roles.length === 0 || roles.includes(p.role);
}

export async function decisionSummary(area: DecisionAreaEntity, l: Lang, ctx: Context): Promise<string> {
  const actors = new Map(
    (
      await knownAll(
        ctx,
        area.participants.map((p) => p.actor),
      )
    ).map((e) => [e.id, e]),
  );
  return summariseDecisionArea(area, (id) => actors.get(id), l);
}

export const entityResolvers: Resolvers = {
  About: {
    name: (a: { name: Bilingual }, args) => a.name[lang(args)],
    entitiesByKind: (a: { entitiesByKind: Record<string, number> }) => Object.entries(a.entitiesByKind).map(([kind, count]) => ({ kind, count })),
    relationsByFamily: (a: { relationsByFamily: Record<string, number> }) => Object.entries(a.relationsByFamily).map(([family, count]) => ({ family, count })),
    gaps: (a: { gaps: Bilingual[] }, args) => a.gaps.map((g) => g[lang(args)]),
  },

  Entity: {
    __resolveType: (e: Entity): 'Actor' | 'DecisionArea' | 'Provision' | 'SourceDocument' | 'WorkshopQuestion' | 'GlossaryTerm' => {
      if (isActorKind(e.kind)) return 'Actor';
      return (
        {
          DECISION_AREA: 'DecisionArea',
          PROVISION: 'Provision',
          SOURCE_DOCUMENT: 'SourceDocument',
          WORKSHOP_QUESTION: 'WorkshopQuestion',
          GLOSSARY_TERM: 'GlossaryTerm',
        } as const
      )[e.kind];
    },
  },

  Actor: {
    ...entityFields,
    subtype: (e: Entity) => ('subtype' in e ? (e.subtype ?? null) : null),
    participations: async (e: Entity, args, ctx) => {
      const relations = await ctx.loaders.relations.load({ id: e.id, direction: 'OUT', families: ['DECISION', 'CONSULTATION'], asOf: args.asOf ?? null });
      return relations
        .filter((r) => r.derivedFrom === 'PARTICIPATION')
        .map((r) => ({ role: r.kind, decisionAreaId: r.to, cites: r.cites, evidence: r.evidence }));
    },
  },

  Participation: {
    roleLabel: (p: { role: ParticipationRole }, args) => PARTICIPATION_ROLE_LABELS[p.role].short[lang(args)],
    decisionArea: (p: { decisionAreaId: string }, _args, ctx) => known(ctx, p.decisionAreaId, isDecisionArea, 'a decision area'),
    provisions: (p: { cites: string[] }, _args, ctx) => knownAll(ctx, p.cites, isProvision),
  },

  DecisionArea: {
    ...entityFields,
    topic: (e: DecisionAreaEntity) => e.topic ?? null,
    participants: (e: DecisionAreaEntity, args) =>
      e.participants.filter(participationRoles(args.roles)).sort((a, b) => PARTICIPATION_ROLES.indexOf(a.role) - PARTICIPATION_ROLES.indexOf(b.role)),
    unsettled: (e: DecisionAreaEntity, args) => pick(e.unsettled, args),
    summary: (e: DecisionAreaEntity, args, ctx) => decisionSummary(e, lang(args), ctx),
  },

  Participant: {
    roleLabel: (p: { role: ParticipationRole }, args) => PARTICIPATION_ROLE_LABELS[p.role].short[lang(args)],
    actor: (p: { actor: string }, _args, ctx) => known(ctx, p.actor, isActor, 'an actor'),
    provisions: (p: { cites: string[] }, _args, ctx) => knownAll(ctx, p.cites, isProvision),
    note: (p: { note?: Bilingual }, args) => pick(p.note, args),
  },

  Provision: {
    ...entityFields,
    document: (e: { document: string }, _args, ctx) => known(ctx, e.document, isSourceDocument, 'a source document'),
    reference: (e: { reference?: string }) => e.reference ?? null,
    verified: (e: { verified?: boolean }) => e.verified ?? null,
    answers: async (e: Entity, _args, ctx) => {
      const out = await ctx.loaders.relations.load({ id: e.id, direction: 'OUT', families: ['REFERENCE'], asOf: null });
      return knownAll(
        ctx,
        out.filter((r) => r.kind === 'ANSWERS').map((r) => r.to),
        isWorkshopQuestion,
      );
    },
    citedBy: (e: Entity, args, ctx) => ctx.loaders.citedBy.load({ id: e.id, asOf: args.asOf ?? null }),
  },

  SourceDocument: {
    ...entityFields,
    reference: (e: { reference?: string }) => e.reference ?? null,
    adopted: (e: { adopted?: string }) => e.adopted ?? null,
    adoptedBy: (e: { adoptedBy?: string }, _args, ctx) => (e.adoptedBy ? known(ctx, e.adoptedBy, isActor, 'an adopting body') : null),
    replaces: (e: { replaces?: string }) => e.replaces ?? null,
    url: (e: { url?: string }) => e.url ?? null,
    provisions: (e: Entity, _args, ctx) => ctx.store.provisions({ documentId: e.id }),
  },

  WorkshopQuestion: {
    ...entityFields,
    provisions: (e: WorkshopQuestionEntity, _args, ctx) => knownAll(ctx, [...new Set([...e.provisions, ...e.cites])], isProvision),
    topic: (e: WorkshopQuestionEntity) => e.topic ?? null,
    statusLabel: (e: WorkshopQuestionEntity, args) => COVERAGE_LABELS[e.status][lang(args)],
    reason: (e: WorkshopQuestionEntity, args) => e.reason[lang(args)],
  },

  GlossaryTerm: {
    ...entityFields,
    definition: (e: { definition: Bilingual }, args) => e.definition[lang(args)],
    related: (e: { related: string[] }, _args, ctx) => knownAll(ctx, e.related),
  },
};
