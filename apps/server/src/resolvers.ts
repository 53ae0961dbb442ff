import {
  COVERAGE_LABELS,
  ENTITY_KIND_LABELS,
  ENTITY_KINDS,
  explainPath,
  explainRelation,
  FAMILY_LABELS,
  GOVERNANCE_FAMILIES,
  isIsoDate,
  isActorKind,
  PARTICIPATION_ROLE_LABELS,
  PARTICIPATION_ROLES,
  RELATION_FAMILIES,
  RELATION_KIND_NAMES,
  RELATION_KINDS,
  relationLabel,
  type Bilingual,
  type DecisionAreaEntity,
  type Entity,
  type EntityKind,
  type GraphPath,
  type Lang,
  type ParticipationRole,
  type Relation,
  type RelationFamily,
  type WorkshopQuestionEntity,
  summariseDecisionArea,
} from '@styrgraf/model';
import { type Change, type Direction, type OrgChartNode } from '@styrgraf/store';
import { GraphQLScalarType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { see, type Context } from './context.ts';
import { isActor, isDecisionArea, isProvision, isSourceDocument, isWorkshopQuestion, known, knownAll } from './known-entities.ts';
import { badInput, notFound } from './errors.ts';
import { checkLength, checkRange, LIMITS } from './limits.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { municipalityArgument } from './municipalities/lookup.ts';
import { capNeighbourhood } from './neighbourhood/cap.ts';

type LangArg = { lang?: 'SV' | 'EN' };
const lang = (args: LangArg): Lang => (args.lang === 'EN' ? 'en' : 'sv');
const pick = (text: Bilingual | undefined, args: LangArg) => text?.[lang(args)] ?? null;

/** Kinds a graph shows when the client names none: the organisation and its decisions, not the sources. */
const DEFAULT_GRAPH_KINDS: EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value !== 'string' || !isIsoDate(value)) throw badInput(`Dates are written YYYY-MM-DD (e.g. 2024-01-01); got ${JSON.stringify(value)}.`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) {
      throw badInput(`Dates are written YYYY-MM-DD (e.g. 2024-01-01); got ${ast.kind === Kind.STRING ? JSON.stringify(ast.value) : ast.kind}.`);
    }
    return ast.value;
  },
});

async function requireEntity(ctx: Context, id: string, argument: string): Promise<Entity> {
  checkLength(argument, id, LIMITS.idLength);
  const entity = await ctx.loaders.entity.load(id);
  if (entity) return entity;
  const [hint] = id.trim() ? await ctx.store.search({ text: id.replace(/[-_.]+/g, ' '), first: 1 }) : [];
  throw notFound(
    `No entity has the id "${id}" (argument "${argument}").${hint ? ` Did you mean "${hint.entity.id}" (${hint.entity.name.sv})?` : ''}`,
    argument,
    hint ? { id: hint.entity.id, name: hint.entity.name.sv } : undefined,
  );
}

const RELATION_ENDS = new Set(['from', 'to']);

/** True when the field's own selection (through fragments, one level down) names any of `fields`. */
function selects(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    !!selectionSet &&
    selectionSet.selections.some((s) =>
      s.kind === Kind.FIELD ? fields.has(s.name.value) : within(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

const entityFields = {
  kindLabel: (e: Entity, args: LangArg) => ENTITY_KIND_LABELS[e.kind][lang(args)],
  name: (e: Entity, args: LangArg) => e.name[lang(args)],
  names: (e: Entity) => e.name,
  description: (e: Entity, args: LangArg) => pick(e.description, args),
  note: (e: Entity, args: LangArg) => pick(e.note, args),
  validFrom: (e: Entity) => e.validFrom ?? null,
  validTo: (e: Entity) => e.validTo ?? null,
  confidence: (e: Entity) => e.confidence ?? null,
  provisions: (e: Entity, _args: unknown, ctx: Context) => knownAll(ctx, e.cites, isProvision),
  relations: async (e: Entity, args: { direction?: Direction; families?: RelationFamily[] | null; asOf?: string | null }, ctx: Context, info: GraphQLResolveInfo) => {
    const relations = await ctx.loaders.relations.load({ id: e.id, direction: args.direction ?? 'BOTH', families: args.families ?? null, asOf: args.asOf ?? null });
    // The ends the query asks for, fetched in the same batch they would be anyway, so that each relation completes at once rather than as two promises.
    if (selects(info, RELATION_ENDS)) await ctx.loaders.entity.loadMany(relations.flatMap((r) => [r.from, r.to]).filter((id) => !ctx.seen.has(id)));
    return relations;
  },
  origin: (e: Entity) => e.origin ?? null,
};

function participationRoles(roles: readonly ParticipationRole[] | null | undefined) {
  return (p: { role: ParticipationRole }) => !roles || roles.length === 0 || roles.includes(p.role);
}

async function decisionSummary(area: DecisionAreaEntity, l: Lang, ctx: Context): Promise<string> {
  const actors = new Map((await knownAll(ctx, area.participants.map((p) => p.actor))).map((e) => [e.id, e]));
  return summariseDecisionArea(area, (id) => actors.get(id), l);
}

function flattenChart(node: OrgChartNode, depth: number, parent: Entity | null, out: object[]): object[] {
  out.push({ entity: node.entity, depth, parent, via: node.via, childCount: node.children.length });
  for (const child of node.children) flattenChart(child, depth + 1, node.entity, out);
  return out;
}


export const resolvers: Resolvers = {
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
      if (!result) throw notFound(`"${root.name.sv}" (${root.id}) is not in force on ${asOf} (valid ${root.validFrom ?? '…'} – ${root.validTo ?? '…'}).`, 'asOf');
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
      return ctx.store.decisionAreas({ actorId: args.actorId ?? null, text: args.text ?? null, asOf: args.asOf ?? ctx.today, municipality: await municipalityArgument(ctx, args.municipality) });
    },

    decisionArea: async (_, { id }, ctx) => {
      const entity = await requireEntity(ctx, id, 'id');
      if (entity.kind !== 'DECISION_AREA') throw badInput(`"${id}" is a ${entity.kind}, not a decision area.`, 'id');
      return entity;
    },

    provisions: (_, args, ctx) => ctx.store.provisions({ documentId: args.documentId ?? null }),

    workshopQuestions: (_, args, ctx) =>
      ctx.store.workshopQuestions({ status: args.status ?? null }),

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

  About: {
    name: (a: { name: Bilingual }, args) => a.name[lang(args)],
    entitiesByKind: (a: { entitiesByKind: Record<string, number> }) => Object.entries(a.entitiesByKind).map(([kind, count]) => ({ kind, count })),
    relationsByFamily: (a: { relationsByFamily: Record<string, number> }) =>
      Object.entries(a.relationsByFamily).map(([family, count]) => ({ family, count })),
    gaps: (a: { gaps: Bilingual[] }, args) => a.gaps.map((g) => g[lang(args)]),
  },

  Entity: {
    __resolveType: (e: Entity): 'Actor' | 'DecisionArea' | 'Provision' | 'SourceDocument' | 'WorkshopQuestion' | 'GlossaryTerm' => {
      if (isActorKind(e.kind)) return 'Actor';
      return ({
        DECISION_AREA: 'DecisionArea',
        PROVISION: 'Provision',
        SOURCE_DOCUMENT: 'SourceDocument',
        WORKSHOP_QUESTION: 'WorkshopQuestion',
        GLOSSARY_TERM: 'GlossaryTerm',
      } as const)[e.kind as Exclude<EntityKind, 'POLITICAL_BODY' | 'ROLE' | 'UNIT' | 'COMPANY' | 'ORGANISATION'>];
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
      e.participants
        .filter(participationRoles(args.roles))
        .sort((a, b) => PARTICIPATION_ROLES.indexOf(a.role) - PARTICIPATION_ROLES.indexOf(b.role)),
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
      return knownAll(ctx, out.filter((r) => r.kind === 'ANSWERS').map((r) => r.to), isWorkshopQuestion);
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

  FamilyInfo: {
    label: (f: { family: RelationFamily }, args) => FAMILY_LABELS[f.family][lang(args)],
  },
  RelationKindInfo: {
    label: (k: { label: Bilingual }, args) => k.label[lang(args)],
    inverseLabel: (k: { inverse: Bilingual }, args) => k.inverse[lang(args)],
    fromKinds: (k: { from: readonly EntityKind[] }) => [...k.from],
    toKinds: (k: { to: readonly EntityKind[] }) => [...k.to],
    hierarchy: (k: { hierarchy?: string }) => !!k.hierarchy,
  },
  EntityKindInfo: {
    label: (k: { kind: EntityKind }, args) => ENTITY_KIND_LABELS[k.kind][lang(args)],
  },
};

