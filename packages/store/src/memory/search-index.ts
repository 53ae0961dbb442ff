import { fold, isValidAt, type Entity } from '@styrgraf/model';
import type { SearchArgs, SearchHit, SearchMatch } from '../port.ts';
import { compareSv } from '../shared/order.ts';
import { classifyMatch, searchableNames } from '../shared/search.ts';
import { mergeAscending, Postings } from './postings.ts';
import { Vocabulary } from './vocabulary.ts';

/** The name fields, in ranking order (an abbreviation outranks a name within a tier). */
const FIELDS = ['abbreviation', 'name', 'alias', 'nameEn'] as const satisfies readonly SearchHit['field'][];
const NAMED_TIERS = ['EXACT', 'PREFIX', 'WORD', 'SUBSTRING'] as const satisfies readonly SearchMatch[];

/** How many edits a word of a query may be from a word of a name: a quarter of its letters, none below four letters, six at most. */
export const typoDistance = (word: string): number => (word.length >= 4 ? Math.min(6, Math.round(word.length * 0.25)) : 0);

/** The words of a folded name. */
const wordsOf = (folded: string): string[] => (folded ? folded.split(' ') : []);

/**
 * Search for the embedded store: an index of the words of every name, built
 * once, that answers a query by reading only what it returns.
 *
 * What a hit is. An entity is a hit when every word of the query starts a
 * word of its names, or is within `typoDistance` edits of one (the typo
 * match); or when, for a query of three letters or more, its Swedish or
 * English name or an alias holds the query (so *utskott* finds
 * *personalutskott*). Hits are ranked by the rules both stores share
 * (shared/search.ts): how the query matches a name (EXACT, PREFIX, WORD,
 * SUBSTRING, else FUZZY), which name, and then, among typo matches, fewest
 * edits first; then shorter Swedish name, Swedish order and id — the
 * entity's rank here.
 *
 * How. Entities are numbered in rank order, and every posting list below is
 * ordered by rank, so that "the first hits" are the first items of a merge
 * of a few lists. For each word: the entities with it as the first word of a
 * name of each field, as a later word, and in any name at all. A tier is read
 * one field at a time, from the postings of the words the query expands to
 * (the words it starts, the word itself, the words holding it), each
 * candidate checked against its names; reading stops as soon as the answer
 * is full. Typo matches are read the same way, the words fewest edits away
 * first, and stop once no later candidate can rank higher.
 *
 * Why not MiniSearch (what the store used before): its search scores every
 * posting of every word a query expands to, and a common word ("kommun",
 * "syntetiska") holds thousands, so a search cost more as the country grew
 * (1.8 → 6.3 ms median from one to four times the national set), and its
 * index took half of the store's build. Its typo search over a trie is what
 * `Vocabulary.forEachNear` does here, by two-letter runs over the sorted words.
 */
export class SearchIndex {
  /** Entities in rank order: shorter Swedish name, Swedish order, id. */
  private readonly ranked: Entity[];
  private readonly vocabulary: Vocabulary;
  /** Per word and field: the entities with the word first in a name of that field (`key * 2`) or later in one (`key * 2 + 1`), `key = word * 4 + field`. */
  private readonly byPlace: Postings;
  /** Per word: the entities with it anywhere in their names. */
  private readonly byWord: Postings;
  /** Per entity (by rank): the words of its names. */
  private readonly wordsOfEntity: Postings;
  /** Per folded name: the entities with a name of that field exactly so, `[field, rank]` in ranking order. */
  private readonly exact = new Map<string, number[]>();
  /**
   * Each candidate's best named match, worked out once per query (a candidate comes up in several tiers and fields, and again
   * among the typos): `classifiedAs[rank]` holds it when `classifiedIn[rank]` is the query's number. Arrays by rank rather than a
   * map per query, so that a cheap query (a word, a prefix) pays nothing for it. Searches are synchronous, so one set serves all.
   */
  private readonly classifiedIn: Int32Array;
  private readonly classifiedAs: ReturnType<typeof classifyMatch>[];
  private queries = 0;

  constructor(entities: readonly Entity[]) {
    const length = (e: Entity) => e.name.sv.length;
    this.ranked = [...entities].sort((a, b) => length(a) - length(b) || compareSv(a.name.sv, b.name.sv) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.classifiedIn = new Int32Array(this.ranked.length);
    this.classifiedAs = new Array<ReturnType<typeof classifyMatch>>(this.ranked.length).fill(null);
    // Each entity's names folded and split into words once: the vocabulary, and then every list below, read these rather than folding again.
    const names = this.ranked.map(searchableNames);
    const split = names.map((list) => list.map(({ field, folded }) => ({ field: (FIELDS as readonly string[]).indexOf(field), words: wordsOf(folded) })));
    const words = new Set<string>();
    for (const names of split) for (const name of names) for (const word of name.words) words.add(word);
    this.vocabulary = new Vocabulary(words);
    const vocabulary = this.vocabulary;
    // Per entity (by rank): a triple per word of each name — field, whether it is the name's first word (0) or a later one (1), its place in the vocabulary.
    const tokens = split.map((names) => {
      const triples = new Int32Array(names.reduce((n, name) => n + name.words.length, 0) * 3);
      let t = 0;
      for (const { field, words: nameWords } of names) {
        nameWords.forEach((word, at) => {
          triples[t++] = field;
          triples[t++] = at === 0 ? 0 : 1;
          triples[t++] = vocabulary.indexOf(word)!;
        });
      }
      return triples;
    });

    // Each list is filled in rank order, so each comes out sorted; `Postings.build` skips a repeat of the last rank added.
    this.byPlace = Postings.build(vocabulary.size * FIELDS.length * 2, (add) => {
      tokens.forEach((triples, rank) => {
        for (let t = 0; t < triples.length; t += 3) add((triples[t + 2]! * FIELDS.length + triples[t]!) * 2 + triples[t + 1]!, rank);
      });
    });
    this.byWord = Postings.build(vocabulary.size, (add) => {
      tokens.forEach((triples, rank) => {
        for (let t = 0; t < triples.length; t += 3) add(triples[t + 2]!, rank);
      });
    });
    this.wordsOfEntity = Postings.build(this.ranked.length, (add) => {
      tokens.forEach((triples, rank) => {
        const seen = new Set<number>();
        for (let t = 0; t < triples.length; t += 3) {
          const place = triples[t + 2]!;
          if (!seen.has(place)) add(rank, place);
          seen.add(place);
        }
      });
    });
    // Exact names by field, then rank: one entry per entity and field.
    FIELDS.forEach((field, f) => {
      names.forEach((list, rank) => {
        const seen = new Set<string>();
        for (const name of list) {
          if (name.field !== field || seen.has(name.folded)) continue;
          seen.add(name.folded);
          const list = this.exact.get(name.folded);
          if (list) list.push(f, rank);
          else this.exact.set(name.folded, [f, rank]);
        }
      });
    });
  }

  /** `within`: a further filter, such as a municipality's scope. */
  search({ text, kinds, first, asOf }: SearchArgs, within?: (e: Entity) => boolean): SearchHit[] {
    const query = fold(text);
    if (!query) return [];
    const words = query.split(' ');
    const keep = (e: Entity) => (!kinds || kinds.includes(e.kind)) && isValidAt(e, asOf) && (!within || within(e));
    const hits: SearchHit[] = [];
    // Entities already answered for (or turned away) by a better tier or field.
    const decided = new Set<number>();
    const typos = new TypoQuery(this.vocabulary, words);
    if (this.queries === 0x7fffffff) {
      this.classifiedIn.fill(0);
      this.queries = 0;
    }
    const number = ++this.queries;
    const classify = (rank: number) => {
      if (this.classifiedIn[rank] !== number) {
        this.classifiedAs[rank] = classifyMatch(this.ranked[rank]!, query);
        this.classifiedIn[rank] = number;
      }
      return this.classifiedAs[rank] ?? null;
    };

    for (const tier of NAMED_TIERS) {
      if (tier === 'SUBSTRING' && query.length < 3) break;
      for (let f = 0; f < FIELDS.length; f++) {
        for (const rank of this.candidates(tier, f, query, words)) {
          if (decided.has(rank)) continue;
          const best = classify(rank);
          // The entity's best match is elsewhere: a better tier or field read it already.
          if (!best || best.match !== tier || best.field !== FIELDS[f]) continue;
          decided.add(rank);
          const entity = this.ranked[rank]!;
          if (!keep(entity)) continue;
          // A part of a word is a hit through a name, alias or English name holding the query, or else only as a typo match.
          if (tier === 'SUBSTRING' && !inSubstringPass(entity, query) && this.editsOf(rank, typos) === undefined) continue;
          hits.push({ entity, match: tier, field: FIELDS[f]!, score: 1 });
          if (hits.length >= first) return hits;
        }
      }
    }
    for (const { rank, edits } of this.typoMatches(typos, first - hits.length, decided, (rank) => keep(this.ranked[rank]!) && !classify(rank))) {
      hits.push({ entity: this.ranked[rank]!, match: 'FUZZY', field: 'name', score: 1 / (1 + edits) });
    }
    return hits;
  }

  /**
   * The entities that may match `query` in `tier` by a name of field `f`, by
   * rank: every one that does, and others with the words it needs, which the
   * caller checks against their names.
   *
   * A query of one word starts a word of the name (PREFIX: the first, WORD: a
   * later one) or sits inside one (SUBSTRING). A query of several words puts
   * the name under several conditions at once — its inner words are whole
   * words of the name, its last word starts one, its first word is the first
   * word (PREFIX), a later one (WORD) or the end of one (SUBSTRING) — and the
   * candidates are those of the condition with the fewest: "Syntetiska 223
   * Stadshus AB" reads the few names with "223", not the thousands that
   * start with "syntetiska".
   */
  private *candidates(tier: (typeof NAMED_TIERS)[number], f: number, query: string, words: readonly string[]): Generator<number> {
    if (tier === 'EXACT') {
      const entries = this.exact.get(query) ?? [];
      for (let i = 0; i < entries.length; i += 2) if (entries[i] === f) yield entries[i + 1]!;
      return;
    }
    const { vocabulary } = this;
    const places = (word: number, at: 'first' | 'later') => this.byPlace.get((word * FIELDS.length + f) * 2 + (at === 'first' ? 0 : 1));
    const exactly = (word: string, at: 'first' | 'later') => {
      const place = vocabulary.indexOf(word);
      return place === undefined ? [] : [places(place, at)];
    };
    const starting = (prefix: string, at: 'first' | 'later') => {
      const [from, to] = vocabulary.prefixRange(prefix);
      const lists: Int32Array[] = [];
      for (let word = from; word < to; word++) lists.push(places(word, at));
      return lists;
    };
    const holding = (part: string) => {
      const lists: Int32Array[] = [];
      vocabulary.forEachHolding(part, (word) => lists.push(places(word, 'first'), places(word, 'later')));
      return lists;
    };
    const at = tier === 'PREFIX' ? 'first' : 'later';
    if (words.length === 1) {
      yield* mergeAscending(tier === 'SUBSTRING' ? holding(query) : starting(query, at));
      return;
    }
    const last = words[words.length - 1]!;
    const conditions = [
      tier === 'SUBSTRING' ? holding(words[0]!) : exactly(words[0]!, at),
      starting(last, 'later'),
      ...words.slice(1, -1).map((word) => exactly(word, 'later')),
    ];
    const size = (lists: Int32Array[]) => lists.reduce((n, list) => n + list.length, 0);
    const driver = conditions.reduce((a, b) => (size(b) < size(a) ? b : a));
    // The other conditions, asked of a candidate's own words (of any name): a weaker test than each condition, so it turns away only
    // entities that cannot match here, and it spares the many that meet one condition (all of "Syntetiska 048") a look at their names.
    const needs = this.wordNeeds(tier, words);
    for (const rank of mergeAscending(driver)) if (this.meets(rank, needs)) yield rank;
  }

  /**
   * What a match of several words in `tier` asks of the words of an entity's
   * names, one test per query word: each must be met by some word of the
   * entity. Inner words are whole words, the last starts a word, and the
   * first is a whole word (PREFIX, WORD) or the end of one (SUBSTRING: held).
   */
  private wordNeeds(tier: (typeof NAMED_TIERS)[number], words: readonly string[]): ((place: number) => boolean)[] {
    const { vocabulary } = this;
    const whole = (word: string) => {
      const place = vocabulary.indexOf(word);
      return (other: number) => other === place;
    };
    const [from, to] = vocabulary.prefixRange(words[words.length - 1]!);
    const first = words[0]!;
    return [
      tier === 'SUBSTRING' ? (other: number) => vocabulary.words[other]!.includes(first) : whole(first),
      (other: number) => other >= from && other < to,
      ...words.slice(1, -1).map(whole),
    ];
  }

  private meets(rank: number, needs: readonly ((place: number) => boolean)[]): boolean {
    const own = this.wordsOfEntity.get(rank);
    for (const need of needs) {
      let met = false;
      for (let i = 0; i < own.length && !met; i++) met = need(own[i]!);
      if (!met) return false;
    }
    return true;
  }

  /** The fewest edits that make every query word start or equal a word of the entity's names; undefined when one cannot. */
  private editsOf(rank: number, typos: TypoQuery): number | undefined {
    const own = this.wordsOfEntity.get(rank);
    let total = 0;
    for (let w = 0; w < typos.words.length; w++) {
      let least = Infinity;
      for (const place of own) least = Math.min(least, typos.edits(w, place));
      if (least === Infinity) return undefined;
      total += least;
    }
    return total;
  }

  /**
   * The best `count` typo matches (fewest edits, then rank) among entities not
   * yet decided that `admit` lets through. Candidates are read from the query
   * word with the fewest postings, its closest words first, each group by rank:
   * within a group every candidate is at least that many edits away, so once
   * the kept matches cannot be beaten by what is left, reading stops.
   */
  private typoMatches(typos: TypoQuery, count: number, decided: ReadonlySet<number>, admit: (rank: number) => boolean): { rank: number; edits: number }[] {
    if (count <= 0) return [];
    // The word whose plain prefix matches are fewest leads; every hit has a word within its reach, so its words, all of them, are the candidates.
    const prefixPostings = (word: string) => {
      const [from, to] = this.vocabulary.prefixRange(word);
      let n = 0;
      for (let place = from; place < to; place++) n += this.byWord.get(place).length;
      return n;
    };
    const sizes = typos.words.map(prefixPostings);
    const lead = sizes.indexOf(Math.min(...sizes));
    const groups: number[][] = [];
    for (const [place, edits] of typos.reach(lead)) (groups[edits] ??= []).push(place);

    const kept: { rank: number; edits: number }[] = [];
    const worse = (a: { rank: number; edits: number }, b: { rank: number; edits: number }) => a.edits - b.edits || a.rank - b.rank;
    const seen = new Set<number>();
    for (let edits = 0; edits < groups.length; edits++) {
      const worst = kept.length === count ? kept[count - 1]! : null;
      if (worst && worst.edits < edits) break;
      const group = groups[edits];
      if (!group) continue;
      for (const rank of mergeAscending(group.map((place) => this.byWord.get(place)))) {
        const last = kept.length === count ? kept[count - 1]! : null;
        // What follows in this group is at least as many edits away and ranked after: it cannot displace the last kept.
        if (last && (last.edits < edits || (last.edits === edits && last.rank < rank))) break;
        if (seen.has(rank) || decided.has(rank)) continue;
        seen.add(rank);
        // Edits first: most candidates (the lead word's whole group) are too far in another word, and that is cheaper to learn than their names' match.
        const total = this.editsOf(rank, typos);
        if (total === undefined || !admit(rank)) continue;
        const match = { rank, edits: total };
        if (last && worse(match, last) >= 0) continue;
        let at = kept.length;
        while (at > 0 && worse(match, kept[at - 1]!) < 0) at--;
        kept.splice(at, 0, match);
        if (kept.length > count) kept.pop();
      }
    }
    return kept;
  }
}

/**
 * One query's words and how far each is from the words of the names: 0 for a
 * word it starts, else the edit distance when within `typoDistance`. Each
 * query word's reach (every name word within it) is found once, when first
 * asked, by the vocabulary's own searches; after that an edit count is a look-up.
 */
class TypoQuery {
  private readonly reached: (Map<number, number> | undefined)[];

  constructor(
    private readonly vocabulary: Vocabulary,
    readonly words: readonly string[],
  ) {
    this.reached = words.map(() => undefined);
  }

  /** Edits from query word `w` to the name word at `place`; Infinity beyond reach. */
  edits(w: number, place: number): number {
    return this.reach(w).get(place) ?? Infinity;
  }

  /** Every name word within reach of query word `w`, with its edits: the words it starts, then those a few edits away. */
  reach(w: number): Map<number, number> {
    const known = this.reached[w];
    if (known) return known;
    const word = this.words[w]!;
    const reached = new Map<number, number>();
    const [from, to] = this.vocabulary.prefixRange(word);
    for (let place = from; place < to; place++) reached.set(place, 0);
    const most = typoDistance(word);
    if (most > 0) {
      this.vocabulary.forEachNear(word, most, (place, edits) => {
        if (!reached.has(place)) reached.set(place, edits);
      });
    }
    this.reached[w] = reached;
    return reached;
  }
}

/** What the substring pass finds: a Swedish or English name or alias holding the query, three letters or more. */
function inSubstringPass(entity: Entity, query: string): boolean {
  return query.length >= 3 && searchableNames(entity).some((n) => n.field !== 'abbreviation' && n.folded.includes(query));
}
