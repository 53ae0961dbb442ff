import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Files that use the run's live Neo4j. Neo4j Community has one user
 * database, and these files load data sets into it (graph/, the national set,
 * a broken copy), so they run one at a time in a project of their own, while
 * every other file runs in parallel beside them. (Keeping each test's data
 * apart by a data-set key would need the key in every statement of the
 * production adapter, for the tests' sake alone.)
 */
const NEO4J_FILES = ['packages/store/test/**/*neo4j*.test.ts', 'test/**/*neo4j*.test.ts', 'test/api.e2e.test.ts', 'test/training.e2e.test.ts'];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', ...NEO4J_FILES],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: NEO4J_FILES,
          fileParallelism: false,
          globalSetup: ['test/neo4j/global-setup.ts'],
          // Starting Neo4j the first time resolves it through Maven; later starts take seconds.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
