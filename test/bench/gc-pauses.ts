/**
 * Garbage-collection pauses, matched to the calls they fell in: a call timed
 * on the 4× set's heap of a gigabyte may include a pause of tens of
 * milliseconds that it did not cause, and a call that did ten times the work
 * may include none. The bench prints both the figures of every call and those
 * of the calls no pause fell in, so that neither hides the other.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export class GcPauses {
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing, once the pauses of the last calls are in (they are reported a little after they end). */
  async stop(): Promise<void> {
    await sleep(20);
    this.observer.disconnect();
  }

  /** Whether a pause overlapped the span (performance.now() times). */
  fellIn(start: number, end: number): boolean {
    return this.pauses.some((p) => p.start < end && p.end > start);
  }
}
