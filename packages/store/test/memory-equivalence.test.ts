/**
 * The embedded store's fast paths against the straightforward computations
 * they replaced, on random inputs drawn (with a fixed seed) from a generated
 * multi-municipality data set: the same answers, hit for hit and path for path.
 */
import {
  fold,
  generateSynthetic,
  GOVERNANCE_FAMILIES,
  isValidAt,
  parseDataset,
  syntheticFiles,
  type Dataset,
  type Entity,
  type GraphPath,
  type Relation,
  type RelationFamily,
} from '@styrgraf/model';
import { UndirectedGraph } from 'graphology';
import { brandes, undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted';
import { allSimplePaths } from 'graphology-simple-path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, type SearchHit, type Store } from '../src/index.ts';
import { typoDistance } from '../src/memory/search-index.ts';
import { toGraphPaths } from '../src/shared/paths.ts';
import { classifyMatch, rankHits, searchableNames } from '../src/shared/search.ts';
import { seeded } from './seeded.ts';

const MUNICIPALITIES = 24;
const SEED = 7;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

const views = new Map<string, { graph: UndirectedGraph; between: Map<string, Relation[]> }>();

/** The undirected view the store walks, built from the data set for one set of families and a date. */
function referenceView(dataset: Dataset, families: readonly RelationFamily[], asOf: string) {
  const key = `${[...families].sort().join()}|${asOf}`;
  const cached = views.get(key);
  if (cached) return cached;
  const graph = new UndirectedGraph();
  const between = new Map<string, Relation[]>();
  for (const e of dataset.entities) if (isValidAt(e, asOf)) graph.addNode(e.id);
  for (const r of [...dataset.relations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!families.includes(r.family) || !graph.hasNode(r.from) || !graph.hasNode(r.to) || !isValidAt(r, asOf) || r.from === r.to) continue;
    graph.mergeEdge(r.from, r.to);
    between.set(pairKey(r.from, r.to), [...(between.get(pairKey(r.from, r.to)) ?? []), r]);
  }
  views.set(key, { graph, between });
  return { graph, between };
}

/** The store's paths as they were computed over the whole view: Brandes' pass, or full distances and every simple path. */
function referencePaths(
  dataset: Dataset,
  from: string,
  to: string,
  maxLength: number,
  families: readonly RelationFamily[],
  asOf: string,
  mode: 'SHORTEST' | 'ALL',
  limit: number,
): GraphPath[] {
  const { graph, between } = referenceView(dataset, families, asOf);
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  const relationsBetween = (a: string, b: string) => between.get(pairKey(a, b)) ?? [];
  if (mode === 'SHORTEST') {
    const [, predecessors] = brandes(graph, from);
    const walks: string[][] = [];
    const back = (node: string, suffix: string[]) => {
      if (walks.length >= 10_000) return;
      if (node === from) {
        walks.push([from, ...suffix]);
        return;
      }
      for (const p of predecessors[node] ?? []) back(p, [node, ...suffix]);
    };
    if ((predecessors[to] ?? []).length > 0) back(to, []);
    return toGraphPaths(
      walks.filter((w) => w.length - 1 <= maxLength),
      relationsBetween,
      limit,
    );
  }
  const a = undirectedSingleSourceLength(graph, from);
  const b = undirectedSingleSourceLength(graph, to);
  const near = new UndirectedGraph();
  graph.forEachNode((node) => {
    if (a[node] !== undefined && b[node] !== undefined && a[node] + b[node] <= maxLength) near.addNode(node);
  });
  if (!near.hasNode(from) || !near.hasNode(to)) return [];
  graph.forEachEdge((_e, _attr, x, y) => {
    if (near.hasNode(x) && near.hasNode(y)) near.mergeEdge(x, y);
  });
  return toGraphPaths(allSimplePaths(near, from, to, { maxDepth: maxLength }), relationsBetween, limit);
}

/** Edit distance (Levenshtein), the textbook table. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const folded = new WeakMap<Entity, { words: string[]; names: string[] }>();
/** An entity's names folded, whole and word by word, worked out once per entity: the reference asks for them on every query. */
function foldedNames(entity: Entity): { words: string[]; names: string[] } {
  let names = folded.get(entity);
  if (!names) {
    names = {
      words: searchableNames(entity).flatMap((n) => (n.folded ? n.folded.split(' ') : [])),
      names: [entity.name.sv, entity.name.en, ...entity.aliases].map(fold),
    };
    folded.set(entity, names);
  }
  return names;
}

const distances = new Map<string, number>();
/** The edit distance, worked out once per pair of words: the generated names share few words, asked again on every entity. */
function editDistanceOnce(a: string, b: string): number {
  const key = `${a}\u0000${b}`;
  let distance = distances.get(key);
  if (distance === undefined) distances.set(key, (distance = editDistance(a, b)));
  return distance;
}

/** The fewest edits that make every query word start or equal a word of the entity's names (README: search), worked out word by word; undefined when one cannot. */
function typoEdits(entity: Entity, words: string[]): number | undefined {
  const own = foldedNames(entity).words;
  let total = 0;
  for (const word of words) {
    const most = typoDistance(word);
    // Words further apart in length than the edits allowed cannot come within them.
    const edits = own
      .map((w) => (w.startsWith(word) ? 0 : Math.abs(w.length - word.length) > most ? Infinity : editDistanceOnce(word, w)))
      .filter((d) => d <= most);
    if (edits.length === 0) return undefined;
    total += Math.min(...edits);
  }
  return total;
}

/** The store's search, straightforwardly: every entity asked whether it is a hit, and the hits ranked by the shared rules. */
function referenceSearch(dataset: Dataset, text: string, kinds: Entity['kind'][] | null, first: number, asOf: string | null): SearchHit[] {
  const query = fold(text);
  if (!query) return [];
  const words = query.split(' ');
  const candidates: { entity: Entity; score: number }[] = [];
  for (const entity of dataset.entities) {
    if ((kinds && !kinds.includes(entity.kind)) || !isValidAt(entity, asOf)) continue;
    const edits = typoEdits(entity, words);
    const held = query.length >= 3 && foldedNames(entity).names.some((n) => n.includes(query));
    if (edits === undefined && !held) continue;
    candidates.push({ entity, score: classifyMatch(entity, query) ? 1 : 1 / (1 + edits!) });
  }
  return rankHits(candidates, query, first);
}

describe(`memory store on ${MUNICIPALITIES} synthetic municipalities, against the straightforward computations`, () => {
  let dataset: Dataset;
  let store: Store;
  let actors: Entity[];
  const random = seeded(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const asOf = '2025-06-01';

  beforeAll(() => {
    // Generated in memory: what `styrgraf generate` writes, without a process and a directory to read back.
    const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: MUNICIPALITIES, seed: SEED })));
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    dataset = result.dataset;
    store = createMemoryStore(dataset);
    actors = dataset.entities.filter((e) => ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION'].includes(e.kind));
  });

  afterAll(async () => {
    await store?.close();
  });

  it('finds the same paths, shortest and all, between random pairs', async () => {
    const municipality = (id: string) => /^s\d{3}-/.exec(id)?.[0] ?? 'se-';
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const from = pick(actors);
      const local = actors.filter((e) => e.id.startsWith(municipality(from.id)));
      const to = random() < 0.8 ? pick(local) : pick(actors);
      if (to.id === from.id) continue;
      const mode = random() < 0.5 ? 'SHORTEST' : 'ALL';
      const maxLength = 2 + Math.floor(random() * 5);
      const families = random() < 0.7 ? GOVERNANCE_FAMILIES : (['REPORTING', 'OWNERSHIP'] as RelationFamily[]);
      const limit = random() < 0.5 ? 50 : 5;
      const args = { from: from.id, to: to.id, maxLength, families, asOf, mode, limit } as const;
      const expected = referencePaths(dataset, from.id, to.id, maxLength, families, asOf, mode, limit);
      if (expected.length > 0) found++;
      expect(await store.paths(args), JSON.stringify(args)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(100);
  });

  it('finds the same hits, with the same scores, for random queries, as asking every entity', async () => {
    // Large enough for a typo of a word in nearly every name to have thousands of candidates, most of them scored alike.
    expect(dataset.entities.filter((e) => typoEdits(e, ['sytnetiska']) !== undefined).length).toBeGreaterThan(1_000);
    const texts: string[] = [
      'KS',
      'ks',
      'kf',
      'syntetiska',
      'Syntetiska 003',
      'Sytnetiska',
      'Sytnetiska 003',
      'kommun Sytnetiska',
      '(Synte',
      'kommun',
      'utskott',
      'nämnd',
      'direktör',
      'ab',
      'a',
      'qzxqzx',
      'Municipal',
      'styrelsens',
      'sau',
      'ksa',
    ];
    while (texts.length < 400) {
      const e = pick(actors);
      const words = e.name.sv.split(/\s+/).filter((w) => w.length > 2);
      const word = words.length > 0 ? pick(words) : e.name.sv;
      const typo = word.length > 4 ? `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` : word;
      const inner = word.length > 5 ? word.slice(2, 2 + 3 + Math.floor(random() * (word.length - 4))) : word;
      // Two words of a name, one misspelt: typo matches whose edits come from a word other than the one read first.
      const other = pick(e.name.sv.split(/\s+/));
      const misspelt = (w: string) => (w.length > 4 ? `${w.slice(0, 1)}${w.slice(2)}` : w);
      texts.push(
        pick([
          e.name.sv,
          e.name.en,
          word,
          word.slice(0, Math.max(1, Math.ceil(word.length / 2))),
          typo,
          inner,
          word.toLowerCase(),
          `${typo} ${other}`,
          `${other} ${typo}`,
          `${misspelt(other)} ${typo}`,
          ...e.abbreviations,
          ...e.abbreviations.map((a) => a.slice(1)),
          ...e.aliases,
        ]),
      );
    }
    const kindsChoices: (Entity['kind'][] | null)[] = [null, null, null, ['COMPANY'], ['POLITICAL_BODY', 'ROLE']];
    for (const text of texts) {
      const kinds = pick(kindsChoices);
      const first = pick([1, 5, 10, 10, 25]);
      const asOf = random() < 0.3 ? '2021-01-01' : null;
      const expected = referenceSearch(dataset, text, kinds, first, asOf);
      expect(await store.search({ text, kinds: kinds ?? undefined, first, asOf }), JSON.stringify({ text, kinds, first, asOf })).toEqual(expected);
    }
  });
});
