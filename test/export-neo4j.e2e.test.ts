import { EXPORT_FORMATS, selectFromDataset } from '@styrgraf/export';
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import type { RunningServer } from '@styrgraf/server';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storesUnderTest } from './helpers/stores.ts';

/**
 * `/export/{format}` with STORE=neo4j: the export read through the Neo4j
 * adapter is, byte for byte, the one written from graph/ itself, so an open
 * file does not depend on which store served it.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const FILTERS = [
  { query: 'asOf=2025-06-01', filter: { asOf: '2025-06-01' } },
  { query: '', filter: {} },
] as const;

for (const target of storesUnderTest().filter((s) => s.engine === 'neo4j')) {
  describe.skipIf(!!target.skip)(`exports ${target.title}`, () => {
    let server: RunningServer;
    let dataset: Dataset;
    beforeAll(async () => {
      [server, dataset] = await Promise.all([target.start(), loadDatasetOrThrow(`${root}graph`)]);
    });
    afterAll(async () => server?.close());

    for (const { query, filter } of FILTERS) {
      it(`every format${query ? ` as of ${filter.asOf}` : ', every date'} is what the export package writes from graph/`, async () => {
        for (const format of EXPORT_FORMATS) {
          const response = await fetch(new URL(`export/${format.id}?${query}`, server.url));
          expect(response.status, format.id).toBe(200);
          const body = Buffer.from(await response.arrayBuffer()).toString('utf8');
          expect(body, format.id).toBe(await format.render(selectFromDataset(dataset, filter)));
        }
      });
    }
  });
}
