import type { Entity, Relation } from '@styrgraf/model';
import type { Change } from '../port.ts';
import { computeChanges } from '../shared/changes.ts';

/** Before and after every date a data set can hold. */
const EVER = { from: '', to: '\uffff' };

/**
 * Every change the data set holds, worked out once and ordered by date, so
 * that `changes(from, to)` is two binary searches and a slice rather than a
 * pass over every entity and relation on each call.
 */
export class ChangeIndex {
  private readonly all: Change[];

  constructor(entities: Iterable<Entity>, relations: Iterable<Relation>) {
    // computeChanges' order (date, then type, then entity before relation, then id) sorts by date first, so a date range is one slice of it.
    this.all = computeChanges(entities, relations, EVER.from, EVER.to);
  }

  /** The changes in (from, to], in computeChanges' order. */
  between(from: string, to: string): Change[] {
    return this.all.slice(this.firstAfter(from), this.firstAfter(to));
  }

  /** The index of the first change dated after `date`. */
  private firstAfter(date: string): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle]!.date <= date) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
