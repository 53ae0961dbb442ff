import { fold, type Entity } from '@styrgraf/model';
import type { SearchHit, SearchMatch } from '../port.ts';
import { compareSv } from './order.ts';

const TIERS: SearchMatch[] = ['EXACT', 'PREFIX', 'WORD', 'SUBSTRING', 'FUZZY'];
/** The fields a hit can match, in ranking order (an abbreviation outranks a name within a tier). */
export const SEARCH_FIELDS: readonly SearchHit['field'][] = ['abbreviation', 'name', 'alias', 'nameEn', 'text'];

type SearchableName = { field: SearchHit['field']; folded: string };
// Folding (Unicode normalisation and three regular expressions) dominated a broad search of the national set, once per name per candidate per call.
const folded = new WeakMap<Entity, readonly SearchableName[]>();

/** The names an entity is searched by, folded, with the field each came from. */
export function searchableNames(entity: Entity): readonly SearchableName[] {
  let names = folded.get(entity);
  if (!names) {
    names = [
      ...entity.abbreviations.map((a) => ({ field: 'abbreviation' as const, folded: fold(a) })),
      { field: 'name' as const, folded: fold(entity.name.sv) },
      ...entity.aliases.map((a) => ({ field: 'alias' as const, folded: fold(a) })),
      { field: 'nameEn' as const, folded: fold(entity.name.en) },
    ];
    folded.set(entity, names);
  }
  return names;
}

/**
 * How well an entity's names match a folded query, without the engine's help:
 * exact, prefix of a name, prefix of a word in it, or anywhere in it. Null when
 * none does (the engine's fuzzy match is then the only reason it is a hit).
 */
export function classifyMatch(entity: Entity, query: string): { match: SearchMatch; field: SearchHit['field'] } | null {
  let best: { match: SearchMatch; field: SearchHit['field'] } | null = null;
  for (const { field, folded } of searchableNames(entity)) {
    let match: SearchMatch | null = null;
    if (folded === query) match = 'EXACT';
    else if (folded.startsWith(query)) match = 'PREFIX';
    else if (folded.includes(' ' + query)) match = 'WORD';
    else if (query.length >= 3 && folded.includes(query)) match = 'SUBSTRING';
    if (match && (!best || TIERS.indexOf(match) < TIERS.indexOf(best.match))) best = { match, field };
  }
  return best;
}

/** Turns engine candidates into ranked hits, the same way for every adapter. */
export function rankHits(candidates: { entity: Entity; score: number }[], query: string, first: number): SearchHit[] {
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const { entity, score } of candidates) {
    if (seen.has(entity.id)) continue;
    seen.add(entity.id);
    const classified = classifyMatch(entity, query);
    hits.push({ entity, score, ...(classified ?? { match: 'FUZZY', field: 'name' }) });
  }
  return firstInOrder(hits, first, compareHits);
}

/** The ranking's total order: tier, field, (typos only) score, shorter Swedish name, Swedish order, id. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    TIERS.indexOf(a.match) - TIERS.indexOf(b.match) ||
    SEARCH_FIELDS.indexOf(a.field) - SEARCH_FIELDS.indexOf(b.field) ||
    // Engine scores differ between adapters; they order only the fuzzy tier.
    (a.match === 'FUZZY' ? b.score - a.score : 0) ||
    a.entity.name.sv.length - b.entity.name.sv.length ||
    compareSv(a.entity.name.sv, b.entity.name.sv) ||
    (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0)
  );
}

/**
 * The first `count` items in `compare` order — what sorting all and slicing
 * gives, since `compare` is a total order — without sorting thousands of
 * candidates (a common word in the national set) to keep ten.
 */
export function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= count * 4) return items.sort(compare).slice(0, count);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]!) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
