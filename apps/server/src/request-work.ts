import { SLICE_MS } from '@styrgraf/store';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** Resolvers run between two looks at the clock. */
const RUNS_PER_CHECK = 64;
/**
 * Queued resolvers released in one turn of the event loop. A released
 * resolver's work does not all happen when it is called: whatever awaits the
 * store (a relation's sentence, once its ends are loaded) goes on as
 * microtasks after the turn, where no clock can stop it. Releasing a few at a
 * time bounds that too.
 */
const RELEASED_PER_TURN = 128;

/**
 * One request's work, from the first resolver to the last store call: one
 * AbortSignal that the query timeout and the client going away both fire,
 * and one slice of the event loop at a time for its resolvers.
 *
 * Node runs one piece of JavaScript at a time. A request that never lets go
 * — the executor resolving thousands of fields, or a store call walking the
 * graph — keeps /health, every other request and its own timeout waiting.
 * The store's loops pause on their own (shared/cooperate.ts). The executor's
 * resolvers ask `mustWait()` (plugins/cooperative.ts): while the request's
 * slice lasts they run at once; once it is spent, they queue here and run in
 * order, a few in each turn of the event loop. A queued resolver runs once: queueing it is the whole cost, however
 * many slices the request takes. After a cancel, every resolver and store
 * call of the request stops at its next turn, with the reason given here.
 */
export class RequestWork {
  private readonly controller = new AbortController();
  /** Set with the signal, read as a plain field by every resolver call. */
  cancelled: GraphQLError | null = null;
  private readonly queue: (() => void)[] = [];
  private head = 0;
  private scheduled = false;
  private sliceStart = performance.now();
  private runs = 0;

  constructor(
    client?: AbortSignal,
    private readonly sliceMs: number = SLICE_MS,
  ) {
    if (!client) return;
    if (client.aborted) this.cancel(clientGone());
    else client.addEventListener('abort', () => this.cancel(clientGone()), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the request's work; the first reason given is the one everything rejects with. */
  cancel(reason: GraphQLError): void {
    if (this.cancelled) return;
    // graphql-js wraps each field's error in a new GraphQLError, with a stack, unless it already has a path: with one, the thousands of fields a cancelled request leaves share this one object, and unwinding them costs next to nothing.
    // A reason that has a path already (one made once for every request, such as the query timeout's "answered") is used as it is: making an error costs ~30 µs, a tenth of a small request.
    this.cancelled = reason.path ? reason : createGraphQLError(reason.message, { extensions: reason.extensions, path: [] });
    this.controller.abort(this.cancelled);
  }

  /** True when a resolver must queue (`later`) rather than run now: others are queued, or the slice is spent. */
  mustWait(): boolean {
    if (this.head < this.queue.length) return true;
    if (++this.runs < RUNS_PER_CHECK) return false;
    this.runs = 0;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Runs `task` in a later slice, in the order asked. */
  later<T>(task: () => T): Promise<Awaited<T>> {
    return new Promise<Awaited<T>>((resolve, reject) => {
      this.queue.push(() => {
        if (this.cancelled) return reject(this.cancelled);
        try {
          resolve(task() as Awaited<T>);
        } catch (error) {
          reject(error);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: after the I/O and timers that are waiting, so that /health, other requests and the query timeout get their turn first.
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    this.sliceStart = performance.now();
    this.runs = 0;
    // Once cancelled, a queued resolver only rejects: let them all go in this turn rather than keep them, and what they hold, for many.
    const end = this.cancelled ? this.queue.length : Math.min(this.queue.length, this.head + RELEASED_PER_TURN);
    while (this.head < end) this.queue[this.head++]!();
    if (this.head < this.queue.length) {
      this.schedule();
    } else {
      this.queue.length = 0;
      this.head = 0;
    }
  };
}

function clientGone(): GraphQLError {
  return createGraphQLError('The client closed the request before the answer was ready.', { extensions: { code: 'CLIENT_CLOSED_REQUEST' } });
}
