import {
  ACTOR_KINDS,
  fold,
  inText,
  relationLabel,
  type Bilingual,
  type Entity,
  type EntityKind,
  type Relation,
  type RelationFamily,
  type RelationKind,
} from '@styrgraf/model';
import type { Store } from '@styrgraf/store';
import { QUESTION_TEMPLATES, type QuestionTemplate } from './templates.ts';

/**
 * The question bank: every question the graph supports, worked out once per
 * data set and date from the Store port alone (so the memory and the Neo4j
 * stores give the same bank). A quiz is a seeded draw from it.
 *
 * "Right" is what the graph says, and nothing the graph could be read to
 * support is ever offered as wrong: besides the other sources of the asked
 * relation, the bank keeps out of the wrong options whatever is part of, a
 * kind of, a member or the chair of a right answer (the ordförande of
 * kommunstyrelsen when kommunstyrelsen is right; utbildningsdirektören when
 * kontorschefen is), an owner's owner, and whoever holds the asked relation
 * to something the subject is part of (kommundirektören, who heads the whole
 * förvaltning, is not a wrong answer to who leads one kontor).
 */

/**
 * Whether a relation may be a quiz's answer: never one that rests on a
 * contested reading, or on a source that is uncertain today. A reading
 * (INTERPRETED) may be asked, and its explanation says that it is one.
 */
export function answerable(relation: Relation): boolean {
  const { status, confidence } = relation.evidence;
  return status !== 'CONTESTED' && !(status === 'SOURCED' && confidence === 'LOW');
}

/** The families a quiz draws on: everything but the rights and the source references. */
export const QUIZ_FAMILIES: readonly RelationFamily[] = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE'];

/** At least this many wrong options, or the question is not asked. */
export const MIN_DISTRACTORS = 2;
export const MAX_DISTRACTORS = 3;

export interface BankQuestion {
  /** Stable across seeds and stores: `<template>:<subject>`, plus `:<label>` where one subject has several wordings. */
  id: string;
  template: QuestionTemplate;
  subject: Entity;
  prompt: Bilingual;
  /** Every relation of the asked kind (and the kinds that count as right) into the subject; each source is a right answer. */
  right: Relation[];
  /** The right relations a quiz may show as the answer: those the prompt's wording fits, most specific first. */
  shown: Relation[];
  /** Plausible wrong options next to the subject in the graph (the other participants of the same decision area). */
  nearby: string[];
  /** The other plausible wrong options: sources of the template's pool relations. */
  pool: string[];
  /** Wrong options of the right kind to make up the number (the other nämnder, the other companies). */
  fillers: string[];
}

export interface QuestionBank {
  asOf: string;
  questions: BankQuestion[];
  byId: Map<string, BankQuestion>;
  entities: Map<string, Entity>;
  /** Governance relations between two entities, either way round, ordered by id. */
  between(a: string, b: string): Relation[];
}

const STRUCTURE_UP: readonly RelationKind[] = ['PART_OF', 'IS_A'];
const MEMBERSHIP: readonly RelationKind[] = ['MEMBER_OF', 'CHAIRS'];

export async function buildQuestionBank(store: Store, asOf: string): Promise<QuestionBank> {
  const graph = await store.graph({ asOf, families: QUIZ_FAMILIES, kinds: [...ACTOR_KINDS, 'DECISION_AREA'] });
  const entities = new Map(graph.nodes.map((e) => [e.id, e]));
  const relations = [...graph.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new RelationIndex(relations);

  const questions: BankQuestion[] = [];
  for (const template of QUESTION_TEMPLATES) {
    const rightKinds = [template.kind, ...(template.alsoRight ?? [])];
    const subjects = [...new Set(relations.filter((r) => r.kind === template.kind).map((r) => r.to))].sort();
    for (const subjectId of subjects) {
      const subject = entities.get(subjectId)!;
      const right = index.into(subjectId, rightKinds).filter((r) => template.optionKinds.includes(entities.get(r.from)!.kind));
      const asked = right.filter((r) => r.kind === template.kind);
      if (asked.length === 0) continue;
      // What is right must be beyond dispute: one contested or uncertain right answer and the question is not asked.
      if (!right.every(answerable)) continue;
      // "Who is the managing director of Nodra AB? – The managing director of Nodra AB" teaches nothing.
      if (asked.every((r) => fold(entities.get(r.from)!.name.sv).includes(fold(subject.name.sv)))) continue;
      const rightIds = new Set(right.map((r) => r.from));
      const excluded = excludedOptions(template, subjectId, rightIds, index, entities);
      const isOption = (id: string) => !excluded.has(id) && template.optionKinds.includes(entities.get(id)?.kind as EntityKind);
      const sources = new Set(relations.filter((r) => template.poolKinds.includes(r.kind)).map((r) => r.from).filter(isOption));
      const nearby = [...new Set(index.neighbours(subjectId))].filter((id) => sources.has(id)).sort();
      const pool = [...sources].filter((id) => !nearby.includes(id)).sort();
      const fillers = [...new Set(relations.filter((r) => template.poolTargets?.includes(r.kind)).map((r) => r.to))]
        .filter((id) => isOption(id) && !sources.has(id))
        .sort();
      if (nearby.length + pool.length + fillers.length < MIN_DISTRACTORS) continue;

      // One question per wording: the same subject may be reached under two labels ("biträder i uppsikten", "ger stöd").
      const wordings = groupBy(asked, (r) => r.label?.sv ?? '');
      for (const [wording, relationsWithWording] of wordings) {
        const id = wordings.size === 1 ? `${template.id}:${subjectId}` : `${template.id}:${subjectId}:${fold(wording).replace(/ /g, '-') || 'default'}`;
        const first = relationsWithWording[0]!;
        const name = { sv: inText(subject, 'sv'), en: inText(subject, 'en') };
        const prompt = template.prompt?.(name) ?? {
          sv: `Vem ${relationLabel(first, 'sv')} ${name.sv}?`,
          en: `Who ${relationLabel(first, 'en')} ${name.en}?`,
        };
        questions.push({ id, template, subject, prompt, right, shown: mostSpecific(relationsWithWording, index), nearby, pool, fillers });
      }
    }
  }
  return {
    asOf,
    questions,
    byId: new Map(questions.map((q) => [q.id, q])),
    entities,
    between: (a, b) => index.between(a, b),
  };
}

/**
 * Everything that may not be offered as a wrong option: the subject, the
 * right answers and their structural kin, the subject's own kin, what holds
 * the relation to something the subject is part of, and, for a transitive
 * relation, every indirect source (an owner's owner).
 */
function excludedOptions(template: QuestionTemplate, subjectId: string, rightIds: Set<string>, index: RelationIndex, entities: Map<string, Entity>): Set<string> {
  const excluded = new Set<string>([subjectId, ...rightIds]);
  for (const id of rightIds) for (const kin of index.kin(id, [...STRUCTURE_UP, ...MEMBERSHIP])) excluded.add(kin);
  // A post and its generic role answer for each other: neither is wrong where the other is right.
  for (const id of rightIds) for (const kin of postKin(id, entities)) excluded.add(kin);
  const subjectKin = index.kin(subjectId, STRUCTURE_UP);
  for (const kin of subjectKin) excluded.add(kin);
  for (const ancestor of index.upward(subjectId, STRUCTURE_UP)) for (const r of index.into(ancestor, [template.kind])) excluded.add(r.from);
  // Sources point at what they own: the owners of the subject's owners are found against the relations' direction.
  const owners = template.transitive ? index.downward(subjectId, [template.kind]) : new Set<string>();
  for (const owner of owners) excluded.add(owner);
  if (template.neverWrong) for (const id of [subjectId, ...owners]) for (const r of index.into(id, template.neverWrong)) excluded.add(r.from);
  return excluded;
}

/** The generic role of a post, or the posts of a generic role. */
function postKin(id: string, entities: Map<string, Entity>): string[] {
  const entity = entities.get(id) as { role?: string; generic?: boolean } | undefined;
  if (entity?.role) return [entity.role];
  if (!entity?.generic) return [];
  return [...entities.values()].filter((e) => (e as { role?: string }).role === id).map((e) => e.id);
}

/** The right relations whose source has no more specific right answer beside it (kommunstyrelsens kontor before förvaltningen). */
function mostSpecific(relations: Relation[], index: RelationIndex): Relation[] {
  const sources = new Set(relations.map((r) => r.from));
  const general = new Set<string>();
  for (const id of sources) for (const ancestor of index.upward(id, STRUCTURE_UP)) if (sources.has(ancestor)) general.add(ancestor);
  const specific = relations.filter((r) => !general.has(r.from));
  return specific.length > 0 ? specific : relations;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

class RelationIndex {
  private readonly incoming = new Map<string, Relation[]>();
  private readonly outgoing = new Map<string, Relation[]>();

  constructor(relations: Relation[]) {
    for (const r of relations) {
      this.incoming.set(r.to, [...(this.incoming.get(r.to) ?? []), r]);
      this.outgoing.set(r.from, [...(this.outgoing.get(r.from) ?? []), r]);
    }
  }

  into(id: string, kinds: readonly RelationKind[]): Relation[] {
    return (this.incoming.get(id) ?? []).filter((r) => kinds.includes(r.kind));
  }

  between(a: string, b: string): Relation[] {
    return [...(this.outgoing.get(a) ?? []).filter((r) => r.to === b), ...(this.outgoing.get(b) ?? []).filter((r) => r.to === a)].sort((x, y) =>
      x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
    );
  }

  neighbours(id: string): string[] {
    return [...(this.incoming.get(id) ?? []).map((r) => r.from), ...(this.outgoing.get(id) ?? []).map((r) => r.to)];
  }

  /** Everything reached from `id` by following `kinds` from source to target, any number of steps. */
  upward(id: string, kinds: readonly RelationKind[]): Set<string> {
    return this.walk(id, (x) => (this.outgoing.get(x) ?? []).filter((r) => kinds.includes(r.kind)).map((r) => r.to));
  }

  /** The same, against the direction of the relations. */
  downward(id: string, kinds: readonly RelationKind[]): Set<string> {
    return this.walk(id, (x) => (this.incoming.get(x) ?? []).filter((r) => kinds.includes(r.kind)).map((r) => r.from));
  }

  /** What `id` is part of, a kind of, a member of or chairs, and what is those things of it: ancestors and descendants, never siblings. */
  kin(id: string, kinds: readonly RelationKind[]): Set<string> {
    return new Set([...this.upward(id, kinds), ...this.downward(id, kinds)]);
  }

  private walk(start: string, next: (id: string) => string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      for (const id of next(queue.shift()!)) {
        if (id === start || seen.has(id)) continue;
        seen.add(id);
        queue.push(id);
      }
    }
    return seen;
  }
}

/** Banks by data digest and date: a quiz and the answers checked against it cost one read of the graph, not one each. */
const banks = new Map<string, Promise<QuestionBank>>();
const BANKS_KEPT = 16;

export async function questionBank(store: Store, asOf: string): Promise<QuestionBank> {
  const { digest } = await store.info();
  const key = `${digest}|${asOf}`;
  let bank = banks.get(key);
  if (!bank) {
    bank = buildQuestionBank(store, asOf);
    banks.set(key, bank);
    // A failed read (the database away) is not kept: the next request tries again.
    bank.catch(() => banks.delete(key));
    if (banks.size > BANKS_KEPT) banks.delete(banks.keys().next().value!);
  }
  return bank;
}
