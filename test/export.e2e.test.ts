import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { EXPORT_FORMATS, selectFromDataset } from '@styrgraf/export';
import type { RunningServer } from '@styrgraf/server';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/server.ts';

/** `/export/{format}` on a real server: the download is the same bytes the export package writes from the loaded data set. */
const root = fileURLToPath(new URL('..', import.meta.url));
let server: RunningServer;
let dataset: Dataset;
beforeAll(async () => {
  [server, dataset] = await Promise.all([startTestServer(), loadDatasetOrThrow(`${root}graph`)]);
});
afterAll(async () => server?.close());

describe('GET /export/{format}', () => {
  it.each(EXPORT_FORMATS.map((f) => [f.id, f] as const))(
    '%s: its content type, a file name from the data set and the date, and the export of the data set as of that date',
    async (_id, format) => {
      const response = await fetch(
        new URL(`export/${format.id}?asOf=2025-06-01&families=REPORTING,OWNERSHIP,DECISION&kinds=POLITICAL_BODY,ROLE,COMPANY,UNIT,DECISION_AREA`, server.url),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(format.contentType);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="norrkoping-2025-06-01.${format.extension}"`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const expected = await format.render(
        selectFromDataset(dataset, {
          asOf: '2025-06-01',
          families: ['REPORTING', 'OWNERSHIP', 'DECISION'],
          kinds: ['POLITICAL_BODY', 'ROLE', 'COMPANY', 'UNIT', 'DECISION_AREA'],
        }),
      );
      // fetch strips a leading BOM when it decodes text; the bytes are compared.
      expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(expected);
    },
  );

  it('without a date, exports every date, and says so in the file name', async () => {
    const response = await fetch(new URL('export/csv-nodes', server.url));
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="norrkoping-alla-datum.nodes.csv"');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFid,kind,')).toBe(true);
    // Both names of the renamed nämnd are there, as they are in no single date.
    expect(text).toContain('\r\nkompetensforsorjningsnamnden,');
    expect(text).toContain('\r\narbetsmarknads-och-vuxenutbildningsnamnden,');
  });

  it('refuses a bad date or an unknown family with 400, naming the field', async () => {
    const badDate = await fetch(new URL('export/popolo?asOf=2025-13-01', server.url));
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toEqual({
      errors: [{ message: 'asOf must be a real date written YYYY-MM-DD, not "2025-13-01"', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const badFamily = await fetch(new URL('export/popolo?families=OWNING', server.url));
    expect(badFamily.status).toBe(400);
    expect(((await badFamily.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^families: unknown "OWNING"; use REPORTING, /);
  });

  it('answers 404 with the formats there are for an unknown one, and 405 to a POST', async () => {
    const unknown = await fetch(new URL('export/xlsx', server.url));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'No export format "xlsx"; use one of popolo, jsonld, turtle, graphml, cytoscape, csv-nodes, csv-edges, oparl.',
    );
    const post = await fetch(new URL('export/popolo', server.url), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
