import { fold, isValidAt, type Entity } from '@styrgraf/model';
import MiniSearch from 'minisearch';
import type { SearchArgs, SearchHit } from '../port.ts';
import { compareSv } from '../shared/order.ts';
import { firstInOrder, rankHits, searchableNames, SEARCH_FIELDS } from '../shared/search.ts';

/** The engine's options: word prefixes and typos, folded as the ranking folds. */
export function createEngine(entities: readonly Entity[]): MiniSearch<{ id: string }> {
  const engine = new MiniSearch<{ id: string }>({
    fields: ['name', 'nameEn', 'abbreviations', 'aliases'],
    storeFields: ['id'],
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      boost: { name: 3, abbreviations: 3, aliases: 2, nameEn: 2 },
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      combineWith: 'AND',
    },
  });
  engine.addAll(
    entities.map((e) => ({
      id: e.id,
      name: e.name.sv,
      nameEn: e.name.en,
      abbreviations: e.abbreviations.join(' '),
      aliases: e.aliases.join(' '),
    })),
  );
  return engine;
}

const SEPARATOR = '\u0001';
/** Below this many documents a full scoring pass is cheaper than finding the documents that hold every word first. */
export const PREFILTER_FROM_DOCUMENTS = 2_000;

type NamedTier = 'EXACT' | 'PREFIX' | 'WORD' | 'SUBSTRING';

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

  /** Calls `visit` with the owner of each name matching `query` in `tier`, in layout order, until it returns false. */
  scan(tier: NamedTier, query: string, visit: (entity: Entity) => boolean): void {
    if (tier === 'EXACT') {
      for (const entry of this.exact.get(query) ?? []) if (!visit(this.owners[entry]!)) return;
      return;
    }
    if (tier === 'PREFIX') {
      const from = this.firstSortedAtLeast(query);
      const to = this.firstSortedAtLeast(query + '\uffff');
      const entries = this.sorted.slice(from, to).sort((x, y) => x - y);
      for (const entry of entries) if (!visit(this.owners[entry]!)) return;
      return;
    }
    let at = this.text.indexOf(query);
    while (at !== -1) {
      const entry = this.entryAt(at);
      if (tier === 'SUBSTRING' || this.text[at - 1] === ' ') {
        if (!visit(this.owners[entry]!)) return;
        // One match per name is enough: go on from the separator after it.
        at = this.text.indexOf(query, this.starts[entry]! + this.names[entry]!.length);
      } else at = this.text.indexOf(query, at + 1);
    }
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
 * documents are scored. Only when the named tiers run out is every engine
 * candidate scored, for the typo (FUZZY) tier.
 */
export class SearchIndex {
  private readonly engine: MiniSearch<{ id: string }>;
  private readonly scan: NameScan;
  private readonly byId: Map<string, Entity>;
  /** Each entity's place among equally matched hits: shorter Swedish name, Swedish order, id. */
  private readonly rank = new Map<string, number>();

  constructor(entities: readonly Entity[]) {
    this.engine = createEngine(entities);
    this.byId = new Map(entities.map((e) => [e.id, e]));
    const length = (e: Entity) => e.name.sv.length;
    const ranked = [...entities].sort((a, b) => length(a) - length(b) || compareSv(a.name.sv, b.name.sv) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ranked.forEach((e, i) => this.rank.set(e.id, i));
    this.scan = new NameScan(ranked);
  }

  search({ text, kinds, first, asOf }: SearchArgs): SearchHit[] {
    const query = fold(text);
    if (!query) return [];
    const keep = (e: Entity) => (!kinds || kinds.includes(e.kind)) && isValidAt(e, asOf);
    // What the substring pass finds: a Swedish or English name or alias holding the query.
    const inSubstringPass = (e: Entity) => query.length >= 3 && searchableNames(e).some((n) => n.field !== 'abbreviation' && n.folded.includes(query));

    const named: Entity[] = [];
    const seen = new Set<string>();
    const certain = new Set<string>();
    const tiers: NamedTier[] = ['EXACT', 'PREFIX', 'WORD', ...(query.length >= 3 ? (['SUBSTRING'] as const) : [])];
    for (const tier of tiers) {
      if (certain.size >= first) break;
      this.scan.scan(tier, query, (entity) => {
        if (seen.has(entity.id) || !keep(entity)) return true;
        seen.add(entity.id);
        named.push(entity);
        if (inSubstringPass(entity)) certain.add(entity.id);
        return certain.size < first;
      });
    }

    if (certain.size >= first) {
      const scores = this.scores(text, seen);
      return rankHits(
        named.filter((e) => certain.has(e.id) || scores.has(e.id)).map((entity) => ({ entity, score: scores.get(entity.id) ?? 0 })),
        query,
        first,
      );
    }
    // Every named hit is known; the rest of the answer is the engine's typo matches, best scored first.
    const scores = this.scores(text, null);
    const candidates = named.filter((e) => certain.has(e.id) || scores.has(e.id)).map((entity) => ({ entity, score: scores.get(entity.id) ?? 0 }));
    const fuzzy: { entity: Entity; score: number; rank: number }[] = [];
    for (const [id, score] of scores) {
      const entity = this.byId.get(id);
      if (entity && !seen.has(id) && keep(entity)) fuzzy.push({ entity, score, rank: this.rank.get(id)! });
    }
    // Within the typo tier the ranking is by score, then by rank: numbers only, for what may be thousands.
    const best = firstInOrder(fuzzy, first, (a, b) => b.score - a.score || a.rank - b.rank);
    return rankHits([...candidates, ...best.map(({ entity, score }) => ({ entity, score }))], query, first);
  }

  /**
   * The engine's score of each candidate, for the given documents only or
   * (null) for all of them. Scoring is what costs: a word in most names (the
   * national set's "Syntetiska") has tens of thousands of postings. The
   * engine requires every word (AND), so its candidates are the documents
   * holding each word, which a pass that scores nothing finds (the engine asks
   * `boostDocument` about every posting before scoring it); only those are
   * then scored.
   */
  private scores(text: string, only: Set<string> | null): Map<string, number> {
    const scored = only ?? this.holdingEveryWord(text);
    const results = scored ? this.engine.search(text, { boostDocument: (id) => (scored.has(id as string) ? 1 : 0) }) : this.engine.search(text);
    return new Map(results.map((r) => [r.id as string, r.score]));
  }

  /**
   * The documents holding every word of a query of several words; null where
   * that does not pay: for one word (every candidate holds it), or in a data
   * set too small for any word to have many postings (the passes would only
   * repeat the engine's prefix and typo expansion of each word).
   */
  private holdingEveryWord(text: string): Set<string> | null {
    if (this.engine.documentCount < PREFILTER_FROM_DOCUMENTS) return null;
    const words = (MiniSearch.getDefault('tokenize') as (text: string) => string[])(text).filter((word) => fold(word) !== '');
    if (words.length <= 1) return null;
    let holding: Set<string> | null = null;
    for (const word of words) {
      const previous: Set<string> | null = holding;
      const next = new Set<string>();
      this.engine.search(word, {
        boostDocument: (id) => {
          if (!previous || previous.has(id as string)) next.add(id as string);
          return 0;
        },
      });
      holding = next;
      if (next.size === 0) break;
    }
    return holding ?? new Set();
  }
}
