import { afterAll, beforeAll, describe, it } from 'vitest';
import { gql } from '../helpers/server.ts';
import { browserMissing, browserRequired, startWorld, type World } from './harness.ts';

/** What a browser suite shares: the real server with Chromium, and the API it asks for expected answers. */
export interface SuiteContext {
  /** The running server and browser; ready inside tests. */
  readonly world: World;
  /** Asks the real API; a GraphQL error fails the test with its message. */
  api: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

/**
 * Runs a browser suite where Chromium is installed, with the server and the
 * browser started once for it. Without Chromium the suite is skipped with the
 * reason in its title, except where STYRGRAF_REQUIRE_BROWSER=1 (CI): there a
 * missing browser is a failing test, never a quiet skip.
 */
export function browserSuite(title: string, suite: (ctx: SuiteContext) => void): void {
  const missing = browserMissing();
  if (missing && browserRequired) {
    describe(title, () => {
      it('needs a browser (STYRGRAF_REQUIRE_BROWSER=1)', () => {
        throw new Error(`The browser suite is required here but cannot run: ${missing}`);
      });
    });
  } else if (missing) {
    describe.skip(`${title} — SKIPPED: ${missing}`, () => {
      it('runs when Chromium is installed', () => {});
    });
  } else {
    suite(sharedWorld());
  }
}

function sharedWorld(): SuiteContext {
  let started: World | undefined;
  beforeAll(async () => {
    started = await startWorld();
  }, 180_000);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): World => {
    if (!started) throw new Error('the browser world is not started yet (use it inside a test)');
    return started;
  };
  return {
    get world() {
      return current();
    },
    api: <T>(query: string, variables?: Record<string, unknown>) =>
      gql<T>(current().url, query, variables).then(({ body }) => {
        if (body.errors) throw new Error(body.errors[0]!.message);
        return body.data!;
      }),
  };
}
