import { fold, isValidAt, type Entity } from '@styrgraf/model';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchArgs, SearchHit } from '../port.ts';
import { compareSv } from '../shared/order.ts';
import { firstInOrder, rankHits, searchableNames, SEARCH_FIELDS } from '../shared/search.ts';

const ENGINE_FIELDS = ['name', 'nameEn', 'abbreviations', 'aliases'] as const;
type EngineDocument = { id: string } & Record<(typeof ENGINE_FIELDS)[number], string>;
const toDocument = (e: Entity): EngineDocument => ({ id: e.id, name: e.name.sv, nameEn: e.name.en, abbreviations: e.abbreviations.join(' '), aliases: e.aliases.join(' ') });
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = (term: string) => fold(term) || null;

/** The engine's options: word prefixes and typos, folded as the ranking folds. */
export function createEngine(entities: readonly Entity[]): MiniSearch<{ id: string }> {
  const engine = new MiniSearch<{ id: string }>({
    fields: [...ENGINE_FIELDS],
    // No stored fields: a result's id is there without them, and the engine looks a posting's stored fields up before asking `boostDocument` about it.
    processTerm,
    searchOptions: {
      boost: { name: 3, abbreviations: 3, aliases: 2, nameEn: 2 },
      prefix: true,
      fuzzy: (term) => typoDistance(term) || false,
      combineWith: 'AND',
    },
  });
  engine.addAll(entities.map(toDocument));
  return engine;
}

/** How far the engine looks for typos of a word (MiniSearch's `maxFuzzy` default caps it at 6). */
const typoDistance = (term: string): number => (term.length >= 4 ? Math.min(6, Math.round(term.length * 0.25)) : 0);

type Postings = { entries: number[]; inputs: number[] };

/**
 * The engine's candidates for a query, and what their scores can depend on,
 * without the engine scoring anything: a second index of the same terms.
 *
 * The engine expands each word of a query to the indexed terms it is, starts,
 * or is within `typoDistance` edits of; its candidates are the documents
 * holding one of them for every word. A candidate's score is BM25 summed over
 * the terms it holds, each weighted by the word, the term and the field: it
 * reads nothing of the document but, for each term, how often each field
 * holds it, and each field's length. Those are one number per posting here
 * (`inputs`), equal for two postings exactly when all of them agree, so
 * documents whose numbers agree for every term they hold get the same score.
 * Postings are in rank order (`SearchIndex.rank`).
 */
class TypoCandidates {
  private readonly terms = new SearchableMap<Postings>();
  private readonly count: number;
  private readonly stamp: Int32Array;
  private readonly held: Int32Array;
  private readonly first: Int32Array;
  private readonly single: Float64Array;
  private epoch = 0;

  constructor(entitiesInRankOrder: readonly Entity[]) {
    this.count = entitiesInRankOrder.length;
    this.stamp = new Int32Array(this.count);
    this.held = new Int32Array(this.count);
    this.first = new Int32Array(this.count);
    this.single = new Float64Array(this.count);
    const inputIds = new Map<string, number>();
    entitiesInRankOrder.forEach((entity, place) => {
      const document = toDocument(entity);
      const fields = ENGINE_FIELDS.map((field) => tokenize(document[field]));
      // Lengths both as the engine counts them (distinct raw tokens) and as indexed terms: stricter than needed, never looser.
      const lengths = fields.map((tokens) => `${new Set(tokens).size}/${tokens.length}`).join(',');
      const frequencies = new Map<string, number[]>();
      fields.forEach((tokens, field) => {
        for (const token of tokens) {
          const term = processTerm(token);
          if (!term) continue;
          const counts = frequencies.get(term) ?? ENGINE_FIELDS.map(() => 0);
          counts[field]!++;
          frequencies.set(term, counts);
        }
      });
      for (const [term, counts] of frequencies) {
        const key = `${lengths}|${counts.join(',')}`;
        if (!inputIds.has(key)) inputIds.set(key, inputIds.size);
        const postings = this.terms.get(term) ?? { entries: [], inputs: [] };
        postings.entries.push(place);
        postings.inputs.push(inputIds.get(key)!);
        this.terms.set(term, postings);
      }
    });
  }

  /**
   * Calls `visit` with each of the engine's candidates for the query's words
   * (each holding, as the engine requires, a term of every word), by its
   * place in rank order, best first, with a key equal for two candidates
   * exactly when their score inputs agree.
   */
  forEach(words: readonly string[], visit: (place: number, key: number | string) => void): void {
    // The marks of earlier calls are told apart by their epoch; before it would leave the arrays' range, they start afresh.
    if (this.epoch === 0x7fffffff) {
      for (const marks of [this.stamp, this.held, this.first]) marks.fill(0);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const expansions = words.map((word) => this.expand(word));
    // Which words each place holds so far, as a count: a place counts for a word only if it held every word before it.
    expansions.forEach((expanded, w) => {
      for (const { entries } of expanded.values()) {
        for (const place of entries) {
          if (w === 0 && this.stamp[place] !== epoch) {
            this.stamp[place] = epoch;
            this.held[place] = 1;
          } else if (this.stamp[place] === epoch && this.held[place] === w) this.held[place] = w + 1;
        }
      }
    });
    // Each candidate's key: one number for a candidate holding one term of one word (a typo of a common word), else the list of them.
    const several = new Map<number, string>();
    let width = 0;
    for (const expanded of expansions) width += expanded.size;
    let which = 0;
    for (const expanded of expansions) {
      for (const { entries, inputs } of expanded.values()) {
        for (let i = 0; i < entries.length; i++) {
          const place = entries[i]!;
          if (this.stamp[place] !== epoch || this.held[place] !== words.length) continue;
          const key = inputs[i]! * width + which;
          if (this.first[place] === epoch) several.set(place, (several.get(place) ?? String(this.single[place])) + ',' + key);
          else {
            this.first[place] = epoch;
            this.single[place] = key;
          }
        }
        which++;
      }
    }
    for (let place = 0; place < this.count; place++) {
      if (this.stamp[place] === epoch && this.held[place] === words.length) visit(place, several.get(place) ?? this.single[place]!);
    }
  }

  /** The indexed terms the engine expands a word to: the word itself, the terms it starts, those within `typoDistance` edits. */
  private expand(word: string): Map<string, Postings> {
    const expanded = new Map<string, Postings>();
    const exact = this.terms.get(word);
    if (exact) expanded.set(word, exact);
    for (const [term, postings] of this.terms.atPrefix(word)) expanded.set(term, postings);
    const distance = typoDistance(word);
    if (distance > 0) for (const [term, [postings]] of this.terms.fuzzyGet(word, distance)) expanded.set(term, postings);
    return expanded;
  }
}

const SEPARATOR = '\u0001';

/**
 * Every folded name of every entity, laid out in ranking order: by field,
 * then by the entity's place among equally matched hits (shorter Swedish
 * name, Swedish order, id). Exact names come from a map and prefixes from the
 * names in sorted order; words and parts of compounds from one string of all
 * names, separated by a character `fold` never leaves, where a native
 * `indexOf` finds each occurrence of the query. Each tier is read best ranked
 * first, so a search stops as soon as it has enough.
 */
class NameScan {
  private readonly text: string;
  /** Offset of each name's first character in `text`; the separator sits just before it. */
  private readonly starts: number[] = [];
  private readonly names: string[] = [];
  private readonly owners: Entity[] = [];
  private readonly exact = new Map<string, number[]>();
  /** Names (by place in the layout) in code-unit order, for prefix ranges. */
  private readonly sorted: number[];

  constructor(entitiesInRankOrder: readonly Entity[]) {
    const parts: string[] = [];
    let offset = 0;
    for (const field of SEARCH_FIELDS) {
      for (const entity of entitiesInRankOrder) {
        const names = searchableNames(entity);
        names.forEach((name, i) => {
          // A name the entity also has in a better-ranked field can never be the one that matches best.
          if (name.field !== field || names.slice(0, i).some((other) => other.folded === name.folded)) return;
          const entry = this.names.length;
          this.starts.push(offset + 1);
          this.names.push(name.folded);
          this.owners.push(entity);
          const same = this.exact.get(name.folded);
          if (same) same.push(entry);
          else this.exact.set(name.folded, [entry]);
          parts.push(SEPARATOR, name.folded);
          offset += 1 + name.folded.length;
        });
      }
    }
    parts.push(SEPARATOR);
    this.text = parts.join('');
    this.sorted = this.names.map((_, i) => i).sort((x, y) => (this.names[x]! < this.names[y]! ? -1 : this.names[x]! > this.names[y]! ? 1 : x - y));
  }

  /** Calls `visit` with the owner of each name equal to `query`, or starting with it, in layout order, until it returns false. */
  scan(tier: 'EXACT' | 'PREFIX', query: string, visit: (entity: Entity) => boolean): void {
    if (tier === 'EXACT') {
      for (const entry of this.exact.get(query) ?? []) if (!visit(this.owners[entry]!)) return;
      return;
    }
    const from = this.firstSortedAtLeast(query);
    const to = this.firstSortedAtLeast(query + '\uffff');
    const entries = this.sorted.slice(from, to).sort((x, y) => x - y);
    for (const entry of entries) if (!visit(this.owners[entry]!)) return;
  }

  /**
   * Calls `visit` with the owner of each name with a word starting with
   * `query`, then (`parts`) of each other name holding it, each in layout
   * order, until it returns false: both tiers from one pass over the names.
   */
  scanText(query: string, parts: boolean, visit: (entity: Entity) => boolean): void {
    const holding: number[] = [];
    let at = this.text.indexOf(query);
    while (at !== -1) {
      const entry = this.entryAt(at);
      if (this.text[at - 1] === ' ') {
        if (!visit(this.owners[entry]!)) return;
        // One match per name is enough: go on from the separator after it.
        at = this.text.indexOf(query, this.starts[entry]! + this.names[entry]!.length);
      } else {
        if (parts && holding[holding.length - 1] !== entry) holding.push(entry);
        at = this.text.indexOf(query, at + 1);
      }
    }
    for (const entry of holding) if (!visit(this.owners[entry]!)) return;
  }

  private firstSortedAtLeast(key: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.names[this.sorted[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private entryAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Search for the embedded store, giving exactly the hits of the engine's full
 * answer plus a substring pass over every name, ranked by `rankHits` — without
 * scoring thousands of candidates when the best hits are already certain.
 *
 * The tiers above FUZZY depend on names alone, so they are read in order from
 * a `NameScan` until `first` hits are certain (an entity with a name holding
 * the query is a hit of the substring pass whatever the engine says). The
 * engine is then asked to score only those entities, which gives the same
 * scores as a full search: its BM25 terms depend on the index, not on which
 * documents are scored. Only when the named tiers run out are the engine's
 * other candidates wanted, for the typo (FUZZY) tier, and of those only one
 * of each group scored alike (`typoMatches`).
 */
export class SearchIndex {
  private readonly engine: MiniSearch<{ id: string }>;
  private readonly scan: NameScan;
  private readonly byId: Map<string, Entity>;
  /** Each entity's place among equally matched hits: shorter Swedish name, Swedish order, id. */
  private readonly rank = new Map<string, number>();
  private readonly ranked: Entity[];
  private readonly typos: TypoCandidates;

  constructor(entities: readonly Entity[]) {
    this.engine = createEngine(entities);
    this.byId = new Map(entities.map((e) => [e.id, e]));
    const length = (e: Entity) => e.name.sv.length;
    const ranked = [...entities].sort((a, b) => length(a) - length(b) || compareSv(a.name.sv, b.name.sv) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ranked.forEach((e, i) => this.rank.set(e.id, i));
    this.scan = new NameScan(ranked);
    this.ranked = ranked;
    this.typos = new TypoCandidates(ranked);
  }

  /** `within`: a further filter, such as a municipality's scope. */
  search({ text, kinds, first, asOf }: SearchArgs, within?: (e: Entity) => boolean): SearchHit[] {
    const query = fold(text);
    if (!query) return [];
    const keep = (e: Entity) => (!kinds || kinds.includes(e.kind)) && isValidAt(e, asOf) && (!within || within(e));
    // What the substring pass finds: a Swedish or English name or alias holding the query.
    const inSubstringPass = (e: Entity) => query.length >= 3 && searchableNames(e).some((n) => n.field !== 'abbreviation' && n.folded.includes(query));

    const named: Entity[] = [];
    const seen = new Set<string>();
    const certain = new Set<string>();
    const visit = (entity: Entity) => {
      if (seen.has(entity.id) || !keep(entity)) return true;
      seen.add(entity.id);
      named.push(entity);
      if (inSubstringPass(entity)) certain.add(entity.id);
      return certain.size < first;
    };
    for (const tier of ['EXACT', 'PREFIX'] as const) if (certain.size < first) this.scan.scan(tier, query, visit);
    if (certain.size < first) this.scan.scanText(query, query.length >= 3, visit);

    if (certain.size >= first) {
      const scores = this.scores(text, seen);
      return rankHits(
        named.filter((e) => certain.has(e.id) || scores.has(e.id)).map((entity) => ({ entity, score: scores.get(entity.id) ?? 0 })),
        query,
        first,
      );
    }
    // Every named hit is known; the rest of the answer is the engine's typo matches, best scored first.
    const { scores, fuzzy } = this.typoMatches(text, seen, keep, first);
    const candidates = named.filter((e) => certain.has(e.id) || scores.has(e.id)).map((entity) => ({ entity, score: scores.get(entity.id) ?? 0 }));
    // Within the typo tier the ranking is by score, then by rank: numbers only, for what may be thousands.
    const best = firstInOrder(fuzzy, first, (a, b) => b.score - a.score || a.rank - b.rank);
    return rankHits([...candidates, ...best.map(({ entity, score }) => ({ entity, score }))], query, first);
  }

  /**
   * The engine's scores of the named hits (`seen`), and those of its other
   * candidates that `keep` keeps and that can be among the first `first` of
   * the typo tier.
   *
   * A typo of a word in nearly every name ("Sytnetiska") makes tens of
   * thousands of candidates that differ only in their names' lengths, and
   * scoring each one through the engine was what cost (20–60 ms). So
   * `TypoCandidates` lists the candidates in rank order, grouped by their
   * score inputs; the engine scores one of each group, whose score is the
   * group's, and only the first `first` of each group are kept, since the
   * tier orders by score, then rank. The scores are the engine's own, as in
   * a full search.
   */
  private typoMatches(text: string, seen: Set<string>, keep: (e: Entity) => boolean, first: number): { scores: Map<string, number>; fuzzy: { entity: Entity; score: number; rank: number }[] } {
    const fuzzy: { entity: Entity; score: number; rank: number }[] = [];
    const words = tokenize(text)
      .map(processTerm)
      .filter((term): term is string => !!term);
    const groups = new Map<number | string, { entity: Entity; rank: number }[]>();
    this.typos.forEach(words, (rank, key) => {
      const group = groups.get(key);
      if (group && group.length >= first) return;
      const entity = this.ranked[rank]!;
      if (seen.has(entity.id) || !keep(entity)) return;
      if (group) group.push({ entity, rank });
      else groups.set(key, [{ entity, rank }]);
    });
    const scored = new Set(seen);
    for (const group of groups.values()) scored.add(group[0]!.entity.id);
    const scores = this.scores(text, scored);
    for (const group of groups.values()) {
      const score = scores.get(group[0]!.entity.id);
      if (score !== undefined) for (const { entity, rank } of group) fuzzy.push({ entity, score, rank });
    }
    return { scores, fuzzy };
  }

  /**
   * The engine's scores of the given documents, as a full search gives them:
   * BM25 reads the index's counts whichever documents are scored, and the
   * engine asks `boostDocument` about every posting before scoring it, so
   * answering 0 skips the costly part for every other document.
   */
  private scores(text: string, only: Set<string>): Map<string, number> {
    const results = this.engine.search(text, { boostDocument: (id) => (only.has(id as string) ? 1 : 0) });
    return new Map(results.map((r) => [r.id as string, r.score]));
  }
}
