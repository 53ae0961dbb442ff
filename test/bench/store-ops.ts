/**
 * The embedded store's operations, called in process the way the resolvers
 * call them (today's date, the governance families, the API's caps), each at
 * least 1,000 times with inputs drawn from the data set, and timed one call
 * at a time.
 */
import { GOVERNANCE_FAMILIES, todayInSweden, type Dataset, type Entity } from '@styrgraf/model';
import type { Store } from '@styrgraf/store';
import { GcPauses } from './gc-pauses.ts';
import { summarise, type Summary } from './stats.ts';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const STORE_OPERATIONS = [
  'search',
  'neighbourhood depth 1',
  'neighbourhood depth 2',
  'shortest paths ≤ 6',
  'all paths ≤ 6',
  'org chart',
  'decision areas by actor',
  'neighbourhood depth 2, new date',
  'org chart, new date',
] as const;

/** A date no call has asked for before (one per call, 1990–2049), so that nothing kept per date can answer it. */
function newDate(i: number): string {
  const day = new Date(Date.UTC(1990, 0, 1) + ((i * 7_919) % 21_900) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
export type StoreOperation = (typeof STORE_OPERATIONS)[number];

const ACTOR_KINDS = new Set(['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION']);

/** Search texts as people type them: a whole name, its first word, a prefix, a typo, an abbreviation, lower case without diacritics. */
function searchTexts(entities: Entity[], pick: <T>(list: readonly T[]) => T, count: number): string[] {
  const texts: string[] = [];
  while (texts.length < count) {
    const e = pick(entities);
    const name = e.name.sv;
    const words = name.split(/\s+/).filter((w) => w.length > 2);
    const word = words.length > 0 ? pick(words) : name;
    const variants = [
      name,
      word,
      word.slice(0, Math.max(3, Math.ceil(word.length / 2))),
      word.length > 4 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word,
      word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      ...('abbreviations' in e && Array.isArray(e.abbreviations) ? e.abbreviations : []),
    ];
    texts.push(pick(variants).slice(0, 200));
  }
  return texts;
}

/** The municipality an id belongs to in the synthetic set ("s042-…"), or "" in a single-municipality set. */
const municipalityOf = (id: string) => /^(s\d{3})-/.exec(id)?.[1] ?? '';

/** A call's figures: its time and, where the bench was given a work counter, the work each call did. */
export interface OperationSummary extends Summary {
  work?: Summary;
  /** The calls no garbage-collection pause fell in, and how many calls one did fall in. */
  unpaused: Summary;
  paused: number;
  /** The process's CPU time over each call: what a call costs whatever else the machine runs (a wall-clock p95 under a millisecond on a shared machine is mostly the wait for a core). */
  cpu: Summary;
}

/** `work`, if given, is read before and after each timed call (the embedded store's neighbour reads: countNeighbourReads). */
export async function benchStore(
  dataset: Dataset,
  store: Store,
  { calls = 1_000, seed = 7, work }: { calls?: number; seed?: number; work?: () => number } = {},
): Promise<Map<StoreOperation, OperationSummary>> {
  const rng = xoroshiro128plus(seed);
  const random = () => uniformFloat64(rng);
  const pick = <T>(list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;
  const today = todayInSweden();
  const inForce = (e: Entity) => (!e.validFrom || e.validFrom <= today) && (!e.validTo || e.validTo >= today);
  const actors = dataset.entities.filter((e) => ACTOR_KINDS.has(e.kind) && inForce(e));
  const byMunicipality = new Map<string, Entity[]>();
  for (const a of actors) {
    const list = byMunicipality.get(municipalityOf(a.id));
    if (list) list.push(a);
    else byMunicipality.set(municipalityOf(a.id), [a]);
  }
  // Org charts from where people start them (the council, the board, the director) and from anywhere.
  const tops = actors.filter((a) => /(^|-)(kommunfullmaktige|kommunstyrelsen|kommundirektor)$/.test(a.id));
  const families = GOVERNANCE_FAMILIES;
  const texts = searchTexts(actors, pick, calls);
  // Most paths are asked within one municipality; one in five across the whole set.
  const pairs = Array.from({ length: calls }, () => {
    const from = pick(actors);
    const local = byMunicipality.get(municipalityOf(from.id))!;
    let to = random() < 0.8 ? pick(local) : pick(actors);
    while (to.id === from.id) to = pick(actors);
    return [from.id, to.id] as const;
  });

  // Every call of the new-date operations, warm-up included, asks for a date not asked before.
  let datesAsked = 0;
  const operations: Record<StoreOperation, (i: number) => Promise<unknown>> = {
    search: (i) => store.search({ text: texts[i]!, first: 10, asOf: null }),
    'neighbourhood depth 1': () => store.neighbourhood({ id: pick(actors).id, depth: 1, families, asOf: today }),
    'neighbourhood depth 2': () => store.neighbourhood({ id: pick(actors).id, depth: 2, families, asOf: today }),
    'shortest paths ≤ 6': (i) => store.paths({ from: pairs[i]![0], to: pairs[i]![1], maxLength: 6, families, asOf: today, mode: 'SHORTEST', limit: 50 }),
    'all paths ≤ 6': (i) => store.paths({ from: pairs[i]![0], to: pairs[i]![1], maxLength: 6, families, asOf: today, mode: 'ALL', limit: 50 }),
    'org chart': () => store.orgChart({ rootId: (random() < 0.5 && tops.length > 0 ? pick(tops) : pick(actors)).id, asOf: today }),
    'decision areas by actor': () => store.decisionAreas({ actorId: pick(actors).id, text: null, asOf: today }),
    'neighbourhood depth 2, new date': () => store.neighbourhood({ id: pick(actors).id, depth: 2, families, asOf: newDate(datesAsked++) }),
    'org chart, new date': () => store.orgChart({ rootId: (tops.length > 0 ? pick(tops) : pick(actors)).id, asOf: newDate(datesAsked++) }),
  };

  const results = new Map<StoreOperation, OperationSummary>();
  for (const name of STORE_OPERATIONS) {
    const operation = operations[name];
    // A short warm-up, so that the figures are of compiled code, not of the first calls.
    for (let i = 0; i < Math.min(100, calls); i++) await operation(i);
    const samples: number[] = [];
    const spans: [number, number][] = [];
    const cpu: number[] = [];
    const done: number[] = [];
    const pauses = new GcPauses();
    for (let i = 0; i < calls; i++) {
      const before = work?.() ?? 0;
      const used = process.cpuUsage();
      const started = performance.now();
      await operation(i);
      const ended = performance.now();
      const { user, system } = process.cpuUsage(used);
      cpu.push((user + system) / 1000);
      samples.push(ended - started);
      spans.push([started, ended]);
      if (work) done.push(work() - before);
    }
    await pauses.stop();
    const unpaused = samples.filter((_, i) => !pauses.fellIn(...spans[i]!));
    results.set(name, {
      ...summarise(samples),
      ...(work ? { work: summarise(done) } : {}),
      unpaused: summarise(unpaused.length > 0 ? unpaused : samples),
      paused: samples.length - unpaused.length,
      cpu: summarise(cpu),
    });
  }
  return results;
}
