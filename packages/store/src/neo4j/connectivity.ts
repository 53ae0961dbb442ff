import { StoreError } from '../port.ts';

/** Timers, injectable so that the state machine is tested without waiting. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending check must not keep a finished process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface BackoffOptions {
  /** Delay before the first re-check after the database went away. */
  initialMs: number;
  /** The delay doubles after each failed check, up to this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 15_000 };

export type Availability = { status: 'up' } | { status: 'down'; reason: string; since: number; failedChecks: number; nextCheckAt: number };

/**
 * Degraded mode as a small state machine. `up` until a query or check finds
 * the database away; then `down` with the reason, failing fast, and checking
 * again in the background with exponential backoff until a check succeeds.
 */
export class Connectivity {
  private state: Availability = { status: 'up' };
  private timer: unknown = null;
  private closed = false;

  constructor(
    /** Resolves when the database answers; rejects with the reason otherwise. */
    private readonly check: () => Promise<void>,
    /** The reason to report for a failed check. */
    private readonly describe: (error: unknown) => string,
    private readonly options: { backoff?: BackoffOptions; timers?: Timers; log?: (message: string) => void } = {},
  ) {}

  get availability(): Availability {
    return this.state;
  }

  private get timers(): Timers {
    return this.options.timers ?? realTimers;
  }

  private get backoff(): BackoffOptions {
    return this.options.backoff ?? DEFAULT_BACKOFF;
  }

  /** The first check, at start. Never throws: an unreachable database means starting degraded. */
  async start(): Promise<void> {
    try {
      await this.check();
    } catch (error) {
      this.markDown(this.describe(error));
    }
  }

  /** Throws STORE_UNAVAILABLE, with the reason and when the next check is, while the database is away. */
  ensureUp(): void {
    if (this.state.status === 'up') return;
    const seconds = Math.max(0, Math.ceil((this.state.nextCheckAt - this.timers.now()) / 1000));
    throw new StoreError('STORE_UNAVAILABLE', `${this.state.reason.replace(/\.?$/, '.')} Checking again in ${seconds} s.`);
  }

  /** A query found the database away: fail fast from now on and start checking. */
  markDown(reason: string): void {
    if (this.closed) return;
    if (this.state.status === 'down') {
      this.state = { ...this.state, reason };
      return;
    }
    this.options.log?.(`[styrgraf] store unavailable: ${reason}`);
    this.state = { status: 'down', reason, since: this.timers.now(), failedChecks: 0, nextCheckAt: 0 };
    this.schedule();
  }

  private schedule(): void {
    if (this.state.status !== 'down' || this.closed) return;
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.state.failedChecks);
    this.state = { ...this.state, nextCheckAt: this.timers.now() + delay };
    this.timer = this.timers.setTimeout(() => void this.recheck(), delay);
  }

  private async recheck(): Promise<void> {
    this.timer = null;
    if (this.closed || this.state.status !== 'down') return;
    try {
      await this.check();
      if (this.closed) return;
      const downFor = Math.round((this.timers.now() - this.state.since) / 1000);
      this.state = { status: 'up' };
      this.options.log?.(`[styrgraf] store available again after ${downFor} s`);
    } catch (error) {
      if (this.closed || this.state.status !== 'down') return;
      this.state = { ...this.state, reason: this.describe(error), failedChecks: this.state.failedChecks + 1 };
      this.schedule();
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
