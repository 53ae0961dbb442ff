import { describe, it } from 'vitest';
import { browserMissing, browserRequired } from './harness.ts';

/**
 * Runs a browser suite where Chromium is installed. Without it the suite is
 * skipped with the reason in its title, except where STYRGRAF_REQUIRE_BROWSER=1
 * (CI): there a missing browser is a failing test, never a quiet skip.
 */
export function browserSuite(title: string, suite: () => void): void {
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
    suite();
  }
}
