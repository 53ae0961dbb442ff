/**
 * Lists of numbers by key, all in one typed array (compressed rows): key k's
 * list is `items[start[k]]` … `items[start[k + 1] - 1]`. For the search
 * index's tens of thousands of small lists, this holds in a few megabytes what
 * arrays of arrays held in several times that, and builds without a
 * garbage-collected object per list.
 */
export class Postings {
  private constructor(
    private readonly start: Int32Array,
    private readonly items: Int32Array,
  ) {}

  /**
   * Builds the lists from `fill`, which is called twice (once to count, once
   * to store) and must add the same items in the same order both times. An
   * item equal to the last one added under its key is added once: `fill`
   * adds each key's items in order, so the lists come out sorted and
   * without repeats.
   */
  static build(keys: number, fill: (add: (key: number, item: number) => void) => void): Postings {
    const last = new Int32Array(keys).fill(-1);
    const start = new Int32Array(keys + 1);
    fill((key, item) => {
      if (last[key] === item) return;
      last[key] = item;
      start[key + 1]!++;
    });
    for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
    const items = new Int32Array(start[keys]!);
    const next = start.slice(0, keys);
    last.fill(-1);
    fill((key, item) => {
      if (last[key] === item) return;
      last[key] = item;
      items[next[key]!++] = item;
    });
    return new Postings(start, items);
  }

  get(key: number): Int32Array {
    return this.items.subarray(this.start[key], this.start[key + 1]);
  }
}

/** The union of ascending lists, ascending and without repeats, read only as far as the caller goes: a k-way merge on a heap of the lists' heads. */
export function* mergeAscending(lists: readonly Int32Array[]): Generator<number> {
  const live = lists.filter((list) => list.length > 0);
  if (live.length === 0) return;
  if (live.length === 1) {
    yield* live[0]!;
    return;
  }
  // The heap holds one cursor per list: its list and position, ordered by the value there.
  const heapList: number[] = [];
  const heapAt: number[] = [];
  const value = (h: number) => live[heapList[h]!]![heapAt[h]!]!;
  const swap = (a: number, b: number) => {
    [heapList[a], heapList[b]] = [heapList[b]!, heapList[a]!];
    [heapAt[a], heapAt[b]] = [heapAt[b]!, heapAt[a]!];
  };
  const down = (from: number) => {
    let h = from;
    for (;;) {
      const left = 2 * h + 1;
      if (left >= heapList.length) return;
      const child = left + 1 < heapList.length && value(left + 1) < value(left) ? left + 1 : left;
      if (value(child) >= value(h)) return;
      swap(h, child);
      h = child;
    }
  };
  live.forEach((_, i) => {
    heapList.push(i);
    heapAt.push(0);
  });
  for (let h = (heapList.length >> 1) - 1; h >= 0; h--) down(h);
  let previous = -1;
  while (heapList.length > 0) {
    const current = value(0);
    if (current !== previous) {
      yield current;
      previous = current;
    }
    if (++heapAt[0]! < live[heapList[0]!]!.length) down(0);
    else {
      const lastList = heapList.pop()!;
      const lastAt = heapAt.pop()!;
      if (heapList.length > 0) {
        heapList[0] = lastList;
        heapAt[0] = lastAt;
        down(0);
      }
    }
  }
}
