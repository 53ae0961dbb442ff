import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `pnpm test:unit`: the tests beside the code and the store contract suite on
 * the embedded store — no servers spawned, no browser, no Neo4j — for quick
 * feedback while working. `pnpm test` (test/vitest.config.ts) runs everything.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/export/test/*.test.ts',
      'packages/store/test/contract/memory.test.ts',
      'packages/store/test/memory-equivalence.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
    ],
    // The CLI tests (packages/cli/test) run the CLIs as processes and the export round trip generates a
    // synthetic set through one: end to end, so in `pnpm test` only.
    exclude: ['**/node_modules/**', '**/dist/**', '**/*neo4j*', 'packages/export/test/round-trip.test.ts'],
    testTimeout: 30_000,
    // Threads, and the modules a file imports kept for the next file in the same worker: on two cores the run
    // spent about half its CPU time importing and transforming the same packages file after file. Every file here
    // restores what it stubs or spies on, and module-level caches are keyed by the data set's digest.
    pool: 'threads',
    isolate: false,
  },
});
