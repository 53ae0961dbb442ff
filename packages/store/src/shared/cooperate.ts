/**
 * Cooperative execution for work that grows with the data. Node runs one
 * piece of JavaScript at a time: a loop over the national set that never
 * yields keeps every other request — /health included — and the query
 * timer waiting until it ends. A loop that holds a `Slice` asks `due()` on
 * each turn (a countdown, the clock only every so often) and, once its slice
 * of the event loop is spent, `await slice.pause()` lets pending I/O, timers
 * and other requests run, then goes on — or rejects with the signal's reason
 * when the request was cancelled meanwhile (query timeout, client gone).
 */

/** How long a loop may hold the event loop before it lets others run. */
export const SLICE_MS = 8;
/** Turns between two looks at the clock: reading it costs more than a turn of most loops. */
const TURNS_PER_CHECK = 128;

export class Slice {
  private turns = TURNS_PER_CHECK;
  private since = performance.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs: number = SLICE_MS,
  ) {
    // A call made for a request that is already cancelled does nothing.
    signal?.throwIfAborted();
  }

  /** True when the loop should `await pause()` before its next turn. */
  due(): boolean {
    if (--this.turns > 0) return false;
    this.turns = TURNS_PER_CHECK;
    return performance.now() - this.since >= this.sliceMs || this.signal?.aborted === true;
  }

  /** Lets the rest of the event loop run (after pending I/O and timers), then rejects if the request was cancelled. */
  async pause(): Promise<void> {
    this.signal?.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.since = performance.now();
  }
}

/** `items` mapped in order, pausing whenever the slice is spent. */
export async function mapCooperatively<T, U>(items: Iterable<T>, slice: Slice, map: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  for (const item of items) {
    if (slice.due()) await slice.pause();
    out.push(map(item));
  }
  return out;
}

/** The items that pass `keep`, in order, pausing whenever the slice is spent. */
export async function filterCooperatively<T>(items: Iterable<T>, slice: Slice, keep: (item: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  for (const item of items) {
    if (slice.due()) await slice.pause();
    if (keep(item)) out.push(item);
  }
  return out;
}
