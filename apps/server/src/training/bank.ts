import { fold, inText, relationLabel, type Bilingual, type Entity, type Relation, type RelationKind } from '@styrgraf/model';
import { Slice, type Store } from '@styrgraf/store';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { QuizGraph } from './quiz-graph.ts';
import { QUESTION_TEMPLATES, type QuestionTemplate, type QuizTopic } from './templates.ts';

export { QUIZ_FAMILIES } from './quiz-graph.ts';

/**
 * The question bank: every question the graph supports on a date, worked out
 * from the Store port alone (so the memory and the Neo4j stores give the same
 * bank). A quiz is a seeded draw from it.
 *
 * "Right" is what the graph says, and nothing the graph could be read to
 * support is ever offered as wrong: besides the other sources of the asked
 * relation, the bank keeps out of the wrong options whatever is part of, a
 * kind of, a member or the chair of a right answer (the ordförande of
 * kommunstyrelsen when kommunstyrelsen is right; utbildningsdirektören when
 * kontorschefen is), an owner's owner, and whoever holds the asked relation
 * to something the subject is part of (kommundirektören, who heads the whole
 * förvaltning, is not a wrong answer to who leads one kontor).
 *
 * What it costs. On the national set a question's wrong options are drawn
 * from thousands of candidates, and the bank as first written kept them,
 * filtered, for every question (20 million ids at 120 municipalities, built
 * in minutes, per date asked). Here nothing grows with the product of the
 * two: the candidates of a template are one shared list of every date, worked
 * out once per data set (option-pool.ts), a question asks of a candidate only
 * whether it is in force on the date and not excluded, and a question's
 * wording, shown answer and nearby options are worked out when it is drawn,
 * so a new date costs what its quiz reads. Listing every question of a date
 * (for the counts per topic) is one pass over the relations asked about.
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

/** At least this many wrong options, or the question is not asked. */
export const MIN_DISTRACTORS = 2;
export const MAX_DISTRACTORS = 3;

const STRUCTURE_UP: readonly RelationKind[] = ['PART_OF', 'IS_A'];
const MEMBERSHIP: readonly RelationKind[] = ['MEMBER_OF', 'CHAIRS'];
const KIN: readonly RelationKind[] = [...STRUCTURE_UP, ...MEMBERSHIP];
/** Entities whose kin a bank keeps at once: the candidates a listing asks about first, and those drawn lately. */
const KIN_KEPT = 4_096;

/** One question: "who <relation> <subject>?", with what is right. Its wording, shown answer and nearby options are worked out when first asked for. */
export class BankQuestion {
  private promptText: Bilingual | undefined;
  private shownRelations: Relation[] | undefined;
  private nearbyIds: string[] | undefined;

  constructor(
    /** Stable across seeds and stores: `<template>:<subject>`, plus `:<label>` where one subject has several wordings. */
    readonly id: string,
    readonly template: QuestionTemplate,
    readonly subjectNode: number,
    readonly rightEdges: readonly number[],
    /** The relations of the asked kind that this wording asks about. */
    private readonly askedEdges: readonly number[],
    private readonly bank: QuestionBank,
  ) {}

  get subject(): Entity {
    return this.bank.graph.nodes[this.subjectNode]!;
  }

  /** Every relation of the asked kind (and the kinds that count as right) into the subject; each source is a right answer. */
  get right(): readonly Relation[] {
    return this.rightEdges.map((e) => this.bank.graph.edges[e]!);
  }

  get prompt(): Bilingual {
    if (!this.promptText) {
      const first = this.bank.graph.edges[this.askedEdges[0]!]!;
      const name = { sv: inText(this.subject, 'sv'), en: inText(this.subject, 'en') };
      this.promptText = this.template.prompt?.(name) ?? {
        sv: `Vem ${relationLabel(first, 'sv')} ${name.sv}?`,
        en: `Who ${relationLabel(first, 'en')} ${name.en}?`,
      };
    }
    return this.promptText;
  }

  /** The right relations a quiz may show as the answer: those the prompt's wording fits, most specific first. */
  get shown(): readonly Relation[] {
    this.shownRelations ??= this.bank.mostSpecific(this.askedEdges);
    return this.shownRelations;
  }

  /** Plausible wrong options next to the subject in the graph (the other participants of the same decision area), ordered by id. */
  get nearby(): readonly string[] {
    this.nearbyIds ??= this.bank.nearbyOptions(this);
    return this.nearbyIds;
  }

  isRight(optionId: string): boolean {
    return this.rightEdges.some((e) => this.bank.graph.edges[e]!.from === optionId);
  }

  /** Whether this wording asks about the relation: a subject reached under two labels has a question for each. */
  asks(edge: number): boolean {
    return this.askedEdges.includes(edge);
  }
}

/** Every question of a date, and the same by id and by topic. */
export interface QuestionList {
  questions: readonly BankQuestion[];
  byId: ReadonlyMap<string, BankQuestion>;
  byTopic: ReadonlyMap<QuizTopic, readonly BankQuestion[]>;
}

/** An option's kin by part, kind, membership and chair; by part and kind alone; and the targets of its relations by kind. */
interface OptionKin {
  kin: ReadonlySet<number>;
  structureKin: ReadonlySet<number>;
  targets: ReadonlyMap<RelationKind, ReadonlySet<number>>;
}

/** What counts as work, for tests that hold the bank to doing only what is asked. */
export interface BankCounters {
  /** Candidate questions (template and subject) worked out. */
  candidates: number;
  /** Questions whose exclusions were worked out. */
  exclusions: number;
  /** Options whose kin was walked. */
  kinWalks: number;
  /** Questions put in the listing of every question of the date (`all`). */
  listed: number;
}

/**
 * The questions of one version of the data (a stretch of days on which it
 * reads the same): any date in it gives the same bank.
 */
export class QuestionBank {
  readonly counters: BankCounters = { candidates: 0, exclusions: 0, kinWalks: 0, listed: 0 };
  private list: Promise<QuestionList> | undefined;
  /** The questions worked out one subject at a time (by a draw or a check), by template id and subject node. */
  private readonly found = new Map<string, readonly BankQuestion[]>();
  private readonly excluded = new WeakMap<BankQuestion, (node: number) => boolean>();
  private readonly kin = new Map<number, OptionKin>();

  constructor(
    readonly graph: QuizGraph,
    /** A date of the version; every date of it gives the same answers. */
    readonly asOf: string,
  ) {}

  get entities(): ReadonlyMap<string, Entity> {
    return this.graph.entities;
  }

  /** Governance relations between two entities on the bank's date, either way round, ordered by id. */
  between(a: string, b: string): Relation[] {
    return this.graph.between(a, b, this.asOf);
  }

  /**
   * Every question of the date, worked out once and shared by every request
   * that asks: it runs in slices of its own, carrying no request's signal,
   * so a request that gives up waiting cancels nothing of it.
   */
  all(): Promise<QuestionList> {
    this.list ??= this.listAll(new Slice());
    return this.list;
  }

  private async listAll(slice: Slice): Promise<QuestionList> {
    const { graph, asOf } = this;
    const questions: BankQuestion[] = [];
    for (const template of QUESTION_TEMPLATES) {
      // One pass over the relations that answer the template, grouped by subject: each subject's right answers, in relation id order.
      const rightOf = new Map<number, number[]>();
      const kinds = [template.kind, ...(template.alsoRight ?? [])];
      for (const kind of kinds) {
        graph.forEachOfKind(kind, asOf, (edge) => {
          if (!template.optionKinds.includes(graph.kindOf(graph.edgeFrom[edge]!))) return;
          const subject = graph.edgeTo[edge]!;
          const list = rightOf.get(subject);
          if (list) list.push(edge);
          else if (kind === template.kind) rightOf.set(subject, [edge]);
        });
        if (slice.due()) await slice.pause();
      }
      for (const [subject, right] of rightOf) {
        if (slice.due()) await slice.pause();
        if (kinds.length > 1) right.sort((a, b) => a - b);
        for (const q of this.questionsAbout(template, subject, right)) questions.push(q);
      }
    }
    this.counters.listed += questions.length;
    const byTopic = new Map<QuizTopic, BankQuestion[]>();
    for (const q of questions) {
      const list = byTopic.get(q.template.topic);
      if (list) list.push(q);
      else byTopic.set(q.template.topic, [q]);
    }
    return { questions, byId: new Map(questions.map((q) => [q.id, q])), byTopic };
  }

  /** One question by id, without listing the others; undefined when the date has no such question. */
  find(questionId: string): BankQuestion | undefined {
    const [templateId, subjectId] = questionId.split(':');
    const template = QUESTION_TEMPLATES.find((t) => t.id === templateId);
    const subject = subjectId === undefined ? undefined : this.graph.node(subjectId);
    if (!template || subject === undefined) return undefined;
    return this.questionsOf(template, subject).find((q) => q.id === questionId);
  }

  /**
   * The topic's questions in a seeded random order, each worked out when it
   * is read: a quiz of ten reads about ten, whatever the size of the bank.
   * The order is that of the relations asked about (a subject asked about by
   * two relations is twice as likely to come early), and a subject whose
   * question is not asked (an answer in dispute, too few wrong options) is
   * passed over. Read to the end, it gives every question of the topic once.
   */
  *drawTopic(topic: QuizTopic, rng: RandomGenerator): Generator<BankQuestion, void, undefined> {
    const { graph, asOf } = this;
    const templates = QUESTION_TEMPLATES.filter((t) => t.topic === topic);
    const asked = templates.map((t) => graph.edgesOfKind(t.kind));
    const total = asked.reduce((n, edges) => n + edges.length, 0);
    const given = new Set<BankQuestion>();
    for (let slot of randomIndices(rng, total)) {
      let t = 0;
      while (slot >= asked[t]!.length) slot -= asked[t++]!.length;
      const [template, edge] = [templates[t]!, asked[t]![slot]!];
      if (!graph.inForce(edge, asOf) || !template.optionKinds.includes(graph.kindOf(graph.edgeFrom[edge]!))) continue;
      const question = this.questionsOf(template, graph.edgeTo[edge]!).find((q) => q.asks(edge));
      if (!question || given.has(question)) continue;
      given.add(question);
      yield question;
    }
  }

  /** The questions a template asks about one subject on the bank's date, worked out once. */
  private questionsOf(template: QuestionTemplate, subject: number): readonly BankQuestion[] {
    const key = `${template.id}:${subject}`;
    let questions = this.found.get(key);
    if (!questions) {
      questions = [];
      if (this.graph.inForceNode(subject, this.asOf)) {
        const right = this.graph
          .into(subject, [template.kind, ...(template.alsoRight ?? [])], this.asOf)
          .filter((e) => template.optionKinds.includes(this.graph.kindOf(this.graph.edgeFrom[e]!)));
        questions = this.questionsAbout(template, subject, right);
      }
      this.found.set(key, questions);
    }
    return questions;
  }

  /**
   * The questions a template asks about a subject, given the relations into
   * it that answer the template (from an entity of an option kind, in force,
   * in id order): none when nothing of the asked kind points at it, when a
   * right answer is in dispute, when every answer names the subject, or when
   * fewer than two wrong options are left; else one per wording.
   */
  private questionsAbout(template: QuestionTemplate, subject: number, right: readonly number[]): BankQuestion[] {
    this.counters.candidates++;
    const { graph } = this;
    const asked = right.filter((e) => graph.edges[e]!.kind === template.kind);
    if (asked.length === 0) return [];
    // What is right must be beyond dispute: one contested or uncertain right answer and the question is not asked.
    if (!right.every((e) => answerable(graph.edges[e]!))) return [];
    // "Who is the managing director of Nodra AB? – The managing director of Nodra AB" teaches nothing.
    const subjectName = graph.foldedName(subject);
    if (asked.every((e) => graph.foldedName(graph.edgeFrom[e]!).includes(subjectName))) return [];
    const subjectId = graph.nodes[subject]!.id;
    const probe = new BankQuestion(`${template.id}:${subjectId}`, template, subject, right, asked, this);
    // Worked out afresh when the question is drawn: kept for every question of the date, they would outweigh the bank.
    if (!this.hasWrongOptions(this.workOutExclusions(probe), template)) return [];

    // One question per wording: the same subject may be reached under two labels ("biträder i uppsikten", "ger stöd").
    const wordings = new Map<string, number[]>();
    for (const e of asked) {
      const wording = graph.edges[e]!.label?.sv ?? '';
      const list = wordings.get(wording);
      if (list) list.push(e);
      else wordings.set(wording, [e]);
    }
    if (wordings.size === 1) return [probe];
    return [...wordings].map(
      ([wording, edges]) =>
        new BankQuestion(`${template.id}:${subjectId}:${fold(wording).replace(/ /g, '-') || 'default'}`, template, subject, right, edges, this),
    );
  }

  /** Whether at least MIN_DISTRACTORS wrong options are left once the question's exclusions are taken out. */
  private hasWrongOptions(excluded: (node: number) => boolean, template: QuestionTemplate): boolean {
    const pool = this.graph.pool(template);
    let count = 0;
    for (const node of pool.sources) if (pool.isSource(node, this.asOf) && !excluded(node) && ++count >= MIN_DISTRACTORS) return true;
    for (const node of pool.fillers) if (pool.isFiller(node, this.asOf) && !excluded(node) && ++count >= MIN_DISTRACTORS) return true;
    return false;
  }

  /** Whether `optionId` is one of the question's wrong options. */
  isWrongOption(question: BankQuestion, optionId: string): boolean {
    const node = this.graph.node(optionId);
    if (node === undefined) return false;
    const pool = this.graph.pool(question.template);
    return (pool.isSource(node, this.asOf) || pool.isFiller(node, this.asOf)) && !this.exclusions(question)(node);
  }

  /** The sources of pool relations next to the subject that are wrong options, ordered by id. */
  nearbyOptions(question: BankQuestion): string[] {
    const pool = this.graph.pool(question.template);
    const excluded = this.exclusions(question);
    const near = new Set(this.graph.neighbours(question.subjectNode, this.asOf));
    return [...near]
      .filter((node) => pool.isSource(node, this.asOf) && !excluded(node))
      .map((node) => this.graph.nodes[node]!.id)
      .sort();
  }

  /**
   * Every wrong option of the question, as the three lists a quiz draws from
   * in turn, each ordered by id. Thousands of ids on the national set: for
   * inspection and tests; a quiz draws with `drawWrong`, which reads only
   * what it takes.
   */
  wrongOptions(question: BankQuestion): { nearby: string[]; pool: string[]; fillers: string[] } {
    const pool = this.graph.pool(question.template);
    const excluded = this.exclusions(question);
    const nearby = new Set(question.nearby);
    const ids = (nodes: Int32Array, onDate: (node: number) => boolean) =>
      [...nodes].filter((node) => onDate(node) && !excluded(node)).map((node) => this.graph.nodes[node]!.id);
    return {
      nearby: [...nearby],
      pool: ids(pool.sources, (node) => pool.isSource(node, this.asOf))
        .filter((id) => !nearby.has(id))
        .sort(),
      fillers: ids(pool.fillers, (node) => pool.isFiller(node, this.asOf)).sort(),
    };
  }

  /**
   * Up to MAX_DISTRACTORS wrong options, seeded: up to two of the nearby (the
   * best wrong answers), then from the wider pool, then the fillers, then the
   * nearby again if still short. Each list is read in a seeded random order
   * only as far as the draw needs, skipping the question's exclusions.
   */
  drawWrong(question: BankQuestion, rng: RandomGenerator): string[] {
    const pool = this.graph.pool(question.template);
    const excluded = this.exclusions(question);
    const id = (node: number) => this.graph.nodes[node]!.id;
    const nearbySet = new Set(question.nearby);
    const near = randomOrder(rng, question.nearby);
    const wrong: string[] = [];
    const take = <T>(from: Iterator<T>, keep: (item: T) => string | null, upTo: number) => {
      while (wrong.length < upTo) {
        const next = from.next();
        if (next.done) return;
        const kept = keep(next.value);
        if (kept !== null) wrong.push(kept);
      }
    };
    take(near, (nearbyId) => nearbyId, MAX_DISTRACTORS - 1);
    take(
      randomOrder(rng, pool.sources),
      (node) => (!pool.isSource(node, this.asOf) || excluded(node) || nearbySet.has(id(node)) ? null : id(node)),
      MAX_DISTRACTORS,
    );
    take(randomOrder(rng, pool.fillers), (node) => (!pool.isFiller(node, this.asOf) || excluded(node) ? null : id(node)), MAX_DISTRACTORS);
    take(near, (nearbyId) => nearbyId, MAX_DISTRACTORS);
    return wrong;
  }

  /** The right relations whose source has no more specific right answer beside it (kommunstyrelsens kontor before förvaltningen). */
  mostSpecific(edges: readonly number[]): Relation[] {
    const { graph } = this;
    const sources = new Set(edges.map((e) => graph.edgeFrom[e]!));
    const general = new Set<number>();
    for (const node of sources) for (const ancestor of graph.upward(node, STRUCTURE_UP, this.asOf)) if (sources.has(ancestor)) general.add(ancestor);
    const specific = edges.filter((e) => !general.has(graph.edgeFrom[e]!));
    return (specific.length > 0 ? specific : edges).map((e) => graph.edges[e]!);
  }

  /**
   * What may not be offered as a wrong option: the subject, the right answers
   * and their structural kin, a right post's generic role and a right generic
   * role's posts, the subject's own kin, what holds the relation to something
   * the subject is part of, and, for a transitive relation, every indirect
   * source (an owner's owner).
   *
   * Asked of one option at a time, from the option's side: "is a right answer
   * kin of x" is "is x kin of a right answer" (kin is ancestors and
   * descendants, so the relation is symmetric), and x's kin is one short walk,
   * kept for the next question. Listing a date's questions asks this of the
   * first two candidates of each, which are mostly the same few entities, so
   * the listing costs a few set lookups per question, not walks.
   */
  private exclusions(question: BankQuestion): (node: number) => boolean {
    let excluded = this.excluded.get(question);
    if (!excluded) this.excluded.set(question, (excluded = this.workOutExclusions(question)));
    return excluded;
  }

  private workOutExclusions(question: BankQuestion): (node: number) => boolean {
    this.counters.exclusions++;
    const { graph, asOf } = this;
    const { template, subjectNode: subject } = question;
    const rightNodes = question.rightEdges.map((e) => graph.edgeFrom[e]!);
    // A post and its generic role answer for each other: neither is wrong where the other is right.
    const rolesOfRight: number[] = [];
    const genericRight: number[] = [];
    for (const node of rightNodes) {
      const role = graph.roleOf(node);
      if (role !== undefined) rolesOfRight.push(role);
      else if (graph.isGeneric(node)) genericRight.push(node);
    }
    // What the subject is part of, walked only when an option holds the asked relation to something.
    let ancestors: Set<number> | undefined;
    // Sources point at what they own: the owners of the subject's owners are found against the relations' direction.
    const owners = template.transitive ? graph.downward(subject, [template.kind], asOf) : null;
    const neverWrongTargets = template.neverWrong ? new Set([subject, ...(owners ?? [])]) : null;
    return (node) => {
      if (node === subject || rightNodes.includes(node) || rolesOfRight.includes(node) || owners?.has(node)) return true;
      const { kin, structureKin, targets } = this.kinOf(node);
      for (const right of rightNodes) if (kin.has(right)) return true;
      if (structureKin.has(subject)) return true;
      if (genericRight.length > 0) {
        const role = graph.roleOf(node);
        if (role !== undefined && genericRight.includes(role)) return true;
      }
      const holds = targets.get(template.kind);
      if (holds && meets(holds, (ancestors ??= graph.upward(subject, STRUCTURE_UP, asOf)))) return true;
      return !!neverWrongTargets && template.neverWrong!.some((kind) => meets(targets.get(kind), neverWrongTargets));
    };
  }

  /** What an exclusion asks of an option: its kin, and what it points at by each kind; kept for the next question (a bounded number of them). */
  private kinOf(node: number): OptionKin {
    let found = this.kin.get(node);
    if (!found) {
      this.counters.kinWalks++;
      if (this.kin.size >= KIN_KEPT) this.kin.clear();
      const targets = new Map<RelationKind, Set<number>>();
      for (const e of this.graph.outOf(node, this.asOf)) {
        const kind = this.graph.edges[e]!.kind;
        const set = targets.get(kind);
        if (set) set.add(this.graph.edgeTo[e]!);
        else targets.set(kind, new Set([this.graph.edgeTo[e]!]));
      }
      found = { kin: this.graph.kin(node, KIN, this.asOf), structureKin: this.graph.kin(node, STRUCTURE_UP, this.asOf), targets };
      this.kin.set(node, found);
    }
    return found;
  }
}

/** Whether two sets share a member (the smaller is walked). */
function meets(a: ReadonlySet<number> | undefined, b: ReadonlySet<number>): boolean {
  if (!a || a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const node of small) if (large.has(node)) return true;
  return false;
}

/** The items in a seeded random order, read only as far as asked. */
export function* randomOrder<T>(rng: RandomGenerator, items: ArrayLike<T>): Generator<T, void, undefined> {
  for (const i of randomIndices(rng, items.length)) yield items[i]!;
}

/** 0 … n - 1 in a seeded random order, read only as far as asked: a Fisher–Yates shuffle done one place at a time, keeping only the places it moved. */
export function* randomIndices(rng: RandomGenerator, n: number): Generator<number, void, undefined> {
  const moved = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const j = uniformInt(rng, i, n - 1);
    const atJ = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    yield atJ;
  }
}

/** Quiz graphs by data digest (two: the one served and, during a reload, the next), and banks by digest and version of the data. */
const graphs = new Map<string, Promise<QuizGraph>>();
const GRAPHS_KEPT = 2;
const banks = new Map<string, QuestionBank>();
/** Versions of the data kept at once: a data set has a handful (Norrköping four, the national set five), and any date maps to one. */
const BANKS_KEPT = 8;

/**
 * The bank of the served data on `asOf`. The quiz graph is read once per data
 * set, shared by every request: its read carries no request's signal, so a
 * request that gives up waiting (`signal`) stops waiting and cancels nothing
 * the others wait for. A failed read (the database away) is not kept.
 */
export async function questionBank(store: Store, asOf: string, signal?: AbortSignal): Promise<QuestionBank> {
  const { digest } = await store.info(signal ? { signal } : undefined);
  const read = await abortable(quizGraphOf(store, digest), signal);
  const key = `${digest}|${read.version(asOf)}`;
  let bank = banks.get(key);
  if (bank) {
    // Most recently used last, so that the oldest version is the one let go.
    banks.delete(key);
  } else {
    bank = new QuestionBank(read, asOf);
    if (banks.size >= BANKS_KEPT) banks.delete(banks.keys().next().value!);
  }
  banks.set(key, bank);
  return bank;
}

/** The quiz graph of the data set with this digest, read once and shared; a failed read (the database away) is not kept. */
function quizGraphOf(store: Store, digest: string): Promise<QuizGraph> {
  let graph = graphs.get(digest);
  if (!graph) {
    graph = readQuizGraph(store);
    graphs.set(digest, graph);
    graph.catch(() => graphs.delete(digest));
    if (graphs.size > GRAPHS_KEPT) graphs.delete(graphs.keys().next().value!);
  }
  return graph;
}

/**
 * Reads the quiz graph of the served data ahead of the first quiz, so that
 * no request waits for it (a third of a second on the national set): the
 * server calls it once it listens. What fails here is not kept, and the
 * first quiz reads again and reports it.
 */
export async function prepareQuiz(store: Store): Promise<void> {
  await quizGraphOf(store, (await store.info()).digest);
}

/** Every question of the bank, waited for no longer than the request wants. */
export function allQuestions(bank: QuestionBank, signal?: AbortSignal): Promise<QuestionList> {
  return abortable(bank.all(), signal);
}

/** Builds a bank from a store on its own, for tests and tools: no cache, nothing shared. */
export async function buildQuestionBank(store: Store, asOf: string): Promise<QuestionBank> {
  return new QuestionBank(await readQuizGraph(store), asOf);
}

/** Reads the quiz graph and works out what every date of it shares (each template's option pool), so that no new date pays for it. */
export async function readQuizGraph(store: Store): Promise<QuizGraph> {
  const graph = await QuizGraph.read(store);
  for (const template of QUESTION_TEMPLATES) graph.pool(template);
  return graph;
}

/** The work's answer, or the signal's reason as soon as it fires; the work itself goes on for whoever else waits. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}
