import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportHandler } from './export.ts';

/** The export route's own bound, over real HTTP on a store holding graph/. */
let server: Server;
let url: string;
beforeAll(async () => {
  const store = createMemoryStore(await loadDatasetOrThrow(fileURLToPath(new URL('../../../../graph', import.meta.url))));
  const handle = createExportHandler(store, { maxElements: 100 });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the export route', () => {
  it('refuses a cut larger than its bound with 413, saying how large and how to narrow it', async () => {
    const response = await fetch(`${url}/export/graphml?asOf=2025-06-01`);
    expect(response.status).toBe(413);
    const { errors } = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(errors[0]!.extensions.code).toBe('EXPORT_TOO_LARGE');
    expect(errors[0]!.message).toMatch(
      /^This cut holds \d+ entities and \d+ relations, over the 100 an export over HTTP writes; narrow it with families or kinds, or run `styrgraf export graphml`\.$/,
    );
  });

  it('writes a cut within it', async () => {
    const response = await fetch(`${url}/export/csv-nodes?asOf=2025-06-01&families=ownership&kinds=company`);
    expect(response.status).toBe(200);
    expect((await response.text()).split('\r\n').filter(Boolean).length - 1).toBe(11);
  });
});
