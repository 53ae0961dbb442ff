import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { ADMISSION } from '../limits.ts';
import type { RequestWork } from '../request-work.ts';
import { COST, type CostedContext } from './cost-limit.ts';
import { executionArgs, type Execute } from './execution.ts';

export type AdmissionSettings = typeof ADMISSION;

/**
 * A bound on the operations executing at once, with a short queue: one door
 * for heavy operations (static cost at least `heavyCost`) and one for light
 * ones, so that a light query never waits behind heavy ones. Past a full
 * queue, or after `maxWaitMs` in it, the answer is 503 with Retry-After and
 * code OVERLOADED, the way a well-run public API sheds load: the client
 * learns at once to come back, rather than holding a connection while the
 * server falls behind. /health is answered before any of this (health.ts),
 * so it never queues.
 */
export function useAdmission(settings: AdmissionSettings = ADMISSION): Plugin {
  const heavy = new Door(settings.maxHeavy, settings.heavyQueue);
  const light = new Door(settings.maxLight, settings.lightQueue);
  const overloaded = (kind: string) =>
    ({
      errors: [
        createGraphQLError(`The server is busy with other ${kind} queries; try again in ${settings.retryAfterSeconds} s (limit "concurrency").`, {
          extensions: { code: 'OVERLOADED', http: { status: 503, headers: { 'retry-after': String(settings.retryAfterSeconds) } } },
        }),
      ],
    }) satisfies ExecutionResult;
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const execute: Execute = executeFn;
      setExecuteFn(async (given: object) => {
        const args = executionArgs(given);
        const context = args.contextValue as CostedContext & { work?: RequestWork };
        const isHeavy = (context[COST]?.cost ?? 0) >= settings.heavyCost;
        const door = isHeavy ? heavy : light;
        const release = await door.enter(settings.maxWaitMs, context.work?.signal);
        if (!release) return overloaded(isHeavy ? 'heavy' : '');
        try {
          return await execute(args);
        } finally {
          release();
        }
      });
    },
  };
}

interface Waiter {
  admit(): void;
}

/** At most `capacity` inside, at most `queue` waiting, first come first in. */
class Door {
  private inside = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly capacity: number,
    private readonly queue: number,
  ) {}

  /** Resolves with the release once in, or with null when the queue is full, the wait too long or the client gone. */
  enter(maxWaitMs: number, signal?: AbortSignal): Promise<(() => void) | null> {
    if (this.inside < this.capacity) return Promise.resolve(this.admitted());
    if (this.waiting.length >= this.queue || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', leave);
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          resolve(null);
        }
      };
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', leave);
          resolve(this.admitted());
        },
      };
      const timer = setTimeout(leave, maxWaitMs);
      signal?.addEventListener('abort', leave, { once: true });
      this.waiting.push(waiter);
    });
  }

  private admitted(): () => void {
    this.inside++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inside--;
      // The place goes to the first in the queue, if any.
      const next = this.waiting.shift();
      if (next) next.admit();
    };
  }
}
