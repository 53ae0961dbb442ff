import type { RunningServer } from '@styrgraf/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestServer } from './helpers/server.ts';
import { settledHeap } from './helpers/heap.ts';

/**
 * The parse cache must not let a client pin memory: documents near the body limit,
 * each different, sent one after another (no timing involved), leave the heap where it
 * was once they are answered. With a cache bounded by entry count (yoga's default, 1,024
 * documents and 1,024 parse errors) these 600 documents stay pinned: about 60 MB.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the parse cache', () => {
  it('keeps no large documents or their parse errors: 600 distinct 90,000-character documents leave the heap as it was', async () => {
    const pad = (i: number) => `${i}`.padStart(4, '0') + 'a'.repeat(90_000);
    // Warm the server's code paths first, so what is measured is what the documents leave behind.
    for (let i = 0; i < 20; i += 1) await gql(server.url, `{ search(text: "w${pad(i)}") { entity { id } } }`);
    const before = await settledHeap();
    for (let i = 0; i < 300; i += 1) {
      const valid = await gql(server.url, `{ search(text: "v${pad(i)}") { entity { id } } }`);
      expect(valid.status).toBeLessThan(500);
      const broken = await gql(server.url, `{ search(text: "b${pad(i)}") { entity { id } }`);
      expect(broken.status).toBe(400);
    }
    const grown = ((await settledHeap()) - before) / 1e6;
    console.log(`parse cache: 600 documents of 90,000 characters; heap ${grown >= 0 ? '+' : ''}${grown.toFixed(1)} MB`);
    expect(grown).toBeLessThan(15);
  }, 120_000);
});
