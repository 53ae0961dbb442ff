import { fold, type Entity } from '@styrgraf/model';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../test/seeded.ts';
import { classifyMatch, compareHits } from '../shared/search.ts';
import { mergeAscending, Postings } from './postings.ts';
import { SearchIndex } from './search-index.ts';
import { Vocabulary } from './vocabulary.ts';

const unit = (id: string, sv: string, extra: Partial<Entity> = {}): Entity =>
  ({ id, kind: 'UNIT', name: { sv, en: sv }, abbreviations: [], aliases: [], cites: [], sources: [], ...extra }) as Entity;

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

describe('the vocabulary', () => {
  const random = seeded(11);
  const word = (length: number) => Array.from({ length }, () => 'abcde'[Math.floor(random() * 5)]).join('');
  const words = Array.from({ length: 2_000 }, () => word(1 + Math.floor(random() * 9)));
  const vocabulary = new Vocabulary(words);

  it('finds exactly the words within the edits, by the walk of the sorted words as a trie where the runs bound nothing', () => {
    for (let i = 0; i < 300; i++) {
      const query = word(1 + Math.floor(random() * 9));
      const most = Math.floor(random() * 4);
      const found = new Map<string, number>();
      vocabulary.forEachNear(query, most, (place, distance) => found.set(vocabulary.words[place]!, distance));
      const expected = new Map(vocabulary.words.map((w) => [w, editDistance(query, w)] as const).filter(([, d]) => d <= most));
      expect(found, `${query} ≤ ${most}`).toEqual(expected);
    }
  });

  it('finds exactly the words within the edits by their two-letter runs, long words and runs repeated included', () => {
    // Two letters make runs repeat ("abab…"): the count must be per place in the query, not per distinct run.
    const long = (length: number) => Array.from({ length }, () => 'ab'[Math.floor(random() * 2)]).join('');
    const many = new Vocabulary(Array.from({ length: 1_500 }, () => long(6 + Math.floor(random() * 14))));
    let reached = 0;
    for (let i = 0; i < 150; i++) {
      const query = long(8 + Math.floor(random() * 12));
      // Few enough edits that the runs bound something (runs - 2 × edits > 0), so the counting path answers.
      const most = 1 + Math.floor(random() * Math.max(1, Math.floor((query.length - 2) / 2)));
      const found = new Map<string, number>();
      const order: number[] = [];
      many.forEachNear(query, most, (place, distance) => {
        found.set(many.words[place]!, distance);
        order.push(place);
      });
      const expected = new Map(many.words.map((w) => [w, editDistance(query, w)] as const).filter(([, d]) => d <= most));
      expect(found, `${query} ≤ ${most}`).toEqual(expected);
      expect(order, 'by place').toEqual([...order].sort((a, b) => a - b));
      reached += found.size;
    }
    expect(reached).toBeGreaterThan(150);
  });

  it('finds the words starting with a prefix, and those holding a part', () => {
    const [from, to] = vocabulary.prefixRange('ab');
    expect(vocabulary.words.slice(from, to)).toEqual(vocabulary.words.filter((w) => w.startsWith('ab')));
    for (const part of ['abc', 'eda', 'a', 'cc', 'abcde']) {
      const holding: string[] = [];
      vocabulary.forEachHolding(part, (place) => holding.push(vocabulary.words[place]!));
      expect(holding, part).toEqual(vocabulary.words.filter((w) => w.includes(part)));
    }
  });
});

describe('postings', () => {
  it('keep each key’s items in order, without repeats, and merge lists by value', () => {
    const postings = Postings.build(3, (add) => {
      for (const [key, item] of [
        [0, 1],
        [0, 1],
        [0, 4],
        [2, 0],
        [2, 7],
        [0, 9],
      ] as const)
        add(key, item);
    });
    expect([...postings.get(0)]).toEqual([1, 4, 9]);
    expect([...postings.get(1)]).toEqual([]);
    expect([...mergeAscending([postings.get(0), postings.get(1), postings.get(2), Int32Array.from([4, 5])])]).toEqual([0, 1, 4, 5, 7, 9]);
  });
});

describe('the search index', () => {
  it('ranks typo matches by fewest edits, then rank, whichever word of the query is read first', () => {
    const index = new SearchIndex([
      // Two edits in all, but found through an exact first word.
      unit('x', 'abcdefgh ijklmnoq kontor'),
      // The same two edits found through a misspelt first word, and a shorter name: ranked first.
      unit('y', 'abcdefgx ijklmnop'),
      // Make the second word the commoner one, so that the first is read first.
      ...Array.from({ length: 6 }, (_, i) => unit(`z${i}`, `zz${i} ijklmnop`)),
    ]);
    const hits = index.search({ text: 'abcdefgh ijklmnop', first: 1 });
    expect(hits.map((h) => [h.entity.id, h.match, h.score])).toEqual([['y', 'FUZZY', 0.5]]);
    expect(index.search({ text: 'abcdefgh ijklmnop', first: 5 }).map((h) => h.entity.id)).toEqual(['y', 'x']);
  });

  it('finds every name holding a query of several words, cut anywhere, in its tier and field', () => {
    const random = seeded(5);
    const syllables = ['kom', 'mun', 'sty', 'rel', 'sen', 'nämnd', 'ut', 'skott', 'för', 'val'];
    const name = () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
      ).join(' ');
    const entities = Array.from({ length: 400 }, (_, i) => unit(`e${i}`, name(), { name: { sv: name(), en: name() }, aliases: i % 3 ? [] : [name()] }));
    const index = new SearchIndex(entities);
    for (let i = 0; i < 200; i++) {
      // A stretch of a name across at least one space, from and to anywhere in a word.
      const whole = fold(entities[Math.floor(random() * entities.length)]!.name.sv);
      const space = whole.indexOf(' ');
      const from = Math.floor(random() * (space + 1));
      const to = space + 2 + Math.floor(random() * (whole.length - space - 1));
      const query = whole.slice(from, to).trim();
      if (!query.includes(' ')) continue;
      const named = index.search({ text: query, first: 1_000 }).filter((h) => h.match !== 'FUZZY');
      // No abbreviations: every name that holds the query is a named hit, in the tier and field of its best match.
      const expected = entities
        .map((entity) => ({ entity, best: classifyMatch(entity, query) }))
        .filter(({ best }) => best !== null)
        .map(({ entity, best }) => ({ entity, match: best!.match, field: best!.field, score: 1 }))
        .sort(compareHits);
      expect(
        named.map((h) => [h.entity.id, h.match, h.field]),
        query,
      ).toEqual(expected.map((h) => [h.entity.id, h.match, h.field]));
    }
  });

  it('ranks names of one length in Swedish order, names the collator holds equal by id, as the shared ranking does', () => {
    // Equal to the collator (case, an accent at base sensitivity) but not as strings; digits in numeric order; å, ä, ö after z.
    const names = ['Nämnd B', 'nämnd b', 'Nämnd É', 'Nämnd e', 'Nämnd 9', 'Nämnd Ö', 'Nämnd Z', 'Nämnd Å', 'Nämnd 10', 'Nämnd a', 'NÄMND A'];
    const entities = names.flatMap((sv, i) => [unit(`e${String(i).padStart(2, '0')}`, sv), unit(`d${String(i).padStart(2, '0')}`, sv)]);
    const index = new SearchIndex(entities);
    const expected = entities
      .map((entity) => ({ entity, match: 'PREFIX' as const, field: 'name' as const, score: 1 }))
      .sort(compareHits)
      .map((h) => h.entity.id);
    expect(index.search({ text: 'nämnd', first: 100 }).map((h) => h.entity.id)).toEqual(expected);
    // The order itself, from the rules: shorter names first; a digit before letters; a, b, e, z, å, ö; equal names by id.
    expect(expected).toEqual(
      ['d04', 'e04', 'd09', 'd10', 'e09', 'e10', 'd00', 'd01', 'e00', 'e01', 'd02', 'd03', 'e02', 'e03'].concat([
        'd06',
        'e06',
        'd07',
        'e07',
        'd05',
        'e05',
        'd08',
        'e08',
      ]),
    );
  });

  it('answers a word in every name by reading a few of them', () => {
    const entities = Array.from({ length: 5_000 }, (_, i) => unit(`e${i}`, `Kontor ${i} (Syntetiska)`));
    const index = new SearchIndex(entities);
    expect(index.search({ text: 'Sytnetiska', first: 3 }).map((h) => [h.entity.id, h.match])).toEqual([
      ['e0', 'FUZZY'],
      ['e1', 'FUZZY'],
      ['e2', 'FUZZY'],
    ]);
    expect(index.search({ text: 'syntetiska', first: 2 }).map((h) => [h.entity.id, h.match])).toEqual([
      ['e0', 'WORD'],
      ['e1', 'WORD'],
    ]);
    expect(index.search({ text: 'kontor 4999', first: 1 }).map((h) => [h.entity.id, h.match])).toEqual([['e4999', 'PREFIX']]);
  });
});
