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
    this.ranked = rankOrder(entities);
    this.classifiedIn = new Int32Array(this.ranked.length);
    this.classifiedAs = new Array<ReturnType<typeof classifyMatch>>(this.ranked.length).fill(null);
    const names = this.ranked.map(searchableNames);
    const { vocabulary, tokens, tokensOf } = tokenise(names);
    this.vocabulary = vocabulary;
    // Per entity (by rank), tokens[tokensOf[rank], tokensOf[rank + 1]) are its triples: field, whether first in its name, word.
    const eachToken = (visit: (rank: number, field: number, later: number, word: number) => void) => {
      for (let rank = 0; rank < names.length; rank++) {
        for (let t = tokensOf[rank]!; t < tokensOf[rank + 1]!; t += 3) visit(rank, tokens[t]!, tokens[t + 1]!, tokens[t + 2]!);
      }
    };

    // Each list is filled in rank order, so each comes out sorted; `Postings.build` skips a repeat of the last rank added.
    this.byPlace = Postings.build(vocabulary.size * FIELDS.length * 2, (add) =>
      eachToken((rank, field, later, word) => add((word * FIELDS.length + field) * 2 + later, rank)),
    );
    this.byWord = Postings.build(vocabulary.size, (add) => eachToken((rank, _field, _later, word) => add(word, rank)));
    this.wordsOfEntity = Postings.build(this.ranked.length, (add) => {
      // The rank that last added each word: an entity's words each once, in the order first met, without a set per entity.
      const addedFor = new Int32Array(vocabulary.size).fill(-1);
      eachToken((rank, _field, _later, word) => {
        if (addedFor[word] === rank) return;
        addedFor[word] = rank;
        add(rank, word);
      });
    });
    // Exact names by field, then rank: one entry per entity and field.
    FIELDS.forEach((field, f) => {
      names.forEach((list, rank) => {
        list.forEach((name, i) => {
          if (name.field !== field) return;
          // An entity's names are few: an earlier one of the same field and text is found by looking back.
          for (let j = 0; j < i; j++) if (list[j]!.field === field && list[j]!.folded === name.folded) return;
          const entries = this.exact.get(name.folded);
          if (entries) entries.push(f, rank);
          else this.exact.set(name.folded, [f, rank]);
        });
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

/**
 * Entities in rank order: shorter Swedish name, Swedish order, id. The Swedish order of the distinct names is found once and
 * numbered (names that compare equal share a number), so the sort compares numbers: the collator, called in every comparison
 * of the sort, was a tenth of the index's build, and the national set's 28,000 entities have some 9,000 distinct names.
 */
function rankOrder(entities: readonly Entity[]): Entity[] {
  const distinct = [...new Set(entities.map((e) => e.name.sv))].sort(compareSv);
  const order = new Map<string, number>();
  let number = -1;
  distinct.forEach((name, i) => {
    if (i === 0 || compareSv(distinct[i - 1]!, name) !== 0) number++;
    order.set(name, number);
  });
  const length = entities.map((e) => e.name.sv.length);
  const sv = entities.map((e) => order.get(e.name.sv)!);
  const at = entities.map((_e, i) => i);
  at.sort((a, b) => length[a]! - length[b]! || sv[a]! - sv[b]! || (entities[a]!.id < entities[b]!.id ? -1 : entities[a]!.id > entities[b]!.id ? 1 : 0));
  return at.map((i) => entities[i]!);
}

/**
 * The words of every entity's names (by rank): the vocabulary, and each entity's tokens, a triple per word of each name — its
 * field, whether it is the name's first word (0) or a later one (1), its place in the vocabulary — in one array, the
 * entity's from `tokensOf[rank]` to `tokensOf[rank + 1]`. Words are read out of the folded names in place, numbered as met,
 * and given their places once the vocabulary is sorted: no array of words per name, no look-up per word but one per distinct word.
 */
function tokenise(names: readonly (readonly { field: SearchHit['field']; folded: string }[])[]): {
  vocabulary: Vocabulary;
  tokens: Int32Array;
  tokensOf: Int32Array;
} {
  const numbered = new Map<string, number>();
  const met: string[] = [];
  const tokensOf = new Int32Array(names.length + 1);
  let tokens = new Int32Array(names.length * 24);
  let t = 0;
  names.forEach((list, rank) => {
    for (const { field, folded } of list) {
      // A folded name is words joined by single spaces, with none at either end (fold); an empty one has no words.
      for (let from = 0; from < folded.length;) {
        let to = folded.indexOf(' ', from);
        if (to === -1) to = folded.length;
        const word = folded.slice(from, to);
        let n = numbered.get(word);
        if (n === undefined) {
          n = met.length;
          numbered.set(word, n);
          met.push(word);
        }
        if (t + 3 > tokens.length) {
          const grown = new Int32Array(tokens.length * 2);
          grown.set(tokens);
          tokens = grown;
        }
        tokens[t++] = (FIELDS as readonly string[]).indexOf(field);
        tokens[t++] = from === 0 ? 0 : 1;
        tokens[t++] = n;
        from = to + 1;
      }
    }
    tokensOf[rank + 1] = t;
  });
  const vocabulary = new Vocabulary(met);
  const place = Int32Array.from(met, (word) => vocabulary.indexOf(word)!);
  for (let i = 2; i < t; i += 3) tokens[i] = place[tokens[i]!]!;
  return { vocabulary, tokens: tokens.subarray(0, t), tokensOf };
}
