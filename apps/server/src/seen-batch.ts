import type { Entity } from '@styrgraf/model';
import type { Store } from '@styrgraf/store';

/**
 * Reads entities into a request's seen map in batches: every id asked for
 * in one turn of the event loop goes to the store as one call, and each
 * caller waits on the batch's single promise. The same batching as
 * DataLoader's, without its two promises and cache entry per id: the ends of
 * a relation list are read only to be found in the seen map afterwards, and
 * on the national heap every object made per request is paid again in each
 * scavenge.
 */
export class SeenBatch {
  private ids: Set<string> | null = null;
  private done: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly seen: Map<string, Entity>,
  ) {}

  read(ids: Iterable<string>): Promise<void> {
    if (!this.ids) {
      const batch = (this.ids = new Set<string>());
      // As DataLoader schedules its batch: after the promise jobs of this turn, so that sibling fields resolved in it join.
      this.done = Promise.resolve()
        .then(() => new Promise<void>((resolve) => process.nextTick(resolve)))
        .then(() => this.fetch(batch));
    }
    for (const id of ids) this.ids.add(id);
    return this.done!;
  }

  private async fetch(batch: Set<string>): Promise<void> {
    this.ids = null;
    this.done = null;
    for (const e of await this.store.getEntities([...batch])) if (e) this.seen.set(e.id, e);
  }
}
