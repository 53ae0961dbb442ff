import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectedIds } from './api-answers.ts';
import { drawn, openPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP, PHONE } from './sizes.ts';

/**
 * Tabellvy in Chromium: the graph as tables of actors and relations, complete
 * on its own (the screen reader's way through the graph), with the graph
 * view's date and filters, CSV, sorting and a selection shared with the
 * canvas. Row counts are the API's.
 */
browserSuite('the table view in Chromium', suite);

type ApiGraph = {
  nodes: { id: string; name: string }[];
  edges: { id: string; sentence: string; from: { id: string }; to: { id: string }; provisions: { name: string }[] }[];
};
const GRAPH = /* GraphQL */ `
  query ($asOf: Date, $families: [RelationFamily!]) {
    graph(asOf: $asOf, families: $families) {
      nodes {
        id
        name
      }
      edges {
        id
        sentence
        from {
          id
        }
        to {
          id
        }
        provisions {
          name
        }
      }
    }
  }
`;

const rowCount = (page: Page, table: 'actors' | 'relations') => page.getByTestId(`table-${table}`).locator('tbody tr').count();
const caption = (page: Page, table: 'actors' | 'relations') => page.getByTestId(`table-${table}`).locator('h3').textContent();

function suite(ctx: SuiteContext) {
  const { api } = ctx;

  describe('the table view in Chromium', () => {
    it('lists every actor and relation the API has for the view, each relation in words with its provisions, and downloads them as CSV', async () => {
      const { graph } = await api<{ graph: ApiGraph }>(GRAPH);
      const { page, errors, close } = await openPage(ctx.world, '?view=table', DESKTOP);
      try {
        await page.getByTestId('table-relations').locator('tbody tr').first().waitFor();
        // The same actors as the canvas: those a relation reaches (the lone ones wait behind the toggle).
        const actors = connectedIds(graph);
        await expect(caption(page, 'actors')).resolves.toBe(`Aktörer (${actors.size})`);
        await expect(caption(page, 'relations')).resolves.toBe(`Relationer (${graph.edges.length})`);
        await expect(rowCount(page, 'actors')).resolves.toBe(actors.size);
        const listed = await page
          .getByTestId('table-actors')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.rowId!));
        expect(listed.sort()).toEqual([...actors].sort());
        await expect(rowCount(page, 'relations')).resolves.toBe(Math.min(graph.edges.length, 200));
        const cited = graph.edges.find((e) => e.provisions.length > 0 && e.from.id === 'kommundirektor')!;
        const row = page.locator(`[data-testid="table-relations"] tr[data-row-id="${cited.id}"]`);
        await expect(row.textContent()).resolves.toContain(cited.sentence);
        await expect(row.textContent()).resolves.toContain(cited.provisions[0]!.name);
        await shot(page, 'table-01-desktop');

        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-relations-csv').click()]);
        expect(csv.suggestedFilename()).toMatch(/^styrgraf-relationer-norrkoping-\d{4}-\d{2}-\d{2}\.csv$/);
        const text = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
        const lines = text.trimEnd().split('\r\n');
        expect(lines[0]).toBe('Från,Relation,Till,Familj,I ord,Belägg,Citat eller läsning,Bestämmelser,Gäller');
        // One line per relation (sentences with commas are quoted, so count records, not commas).
        expect(lines.length - 1).toBe(graph.edges.length);
        expect(text).toContain(cited.sentence.includes(',') ? `"${cited.sentence}"` : cited.sentence);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('applies the graph view’s date and filters: ownership in 2023, without the actors it leaves alone', async () => {
      const { graph } = await api<{ graph: ApiGraph }>(GRAPH, { asOf: '2023-01-01', families: ['OWNERSHIP'] });
      const connected = new Set(graph.edges.flatMap((e) => [e.from.id, e.to.id]));
      const { page, close } = await openPage(ctx.world, '?view=table&date=2023-01-01&families=ownership', DESKTOP);
      try {
        await page.getByTestId('table-relations').locator('tbody tr').first().waitFor();
        await expect.poll(() => rowCount(page, 'actors')).toBe(connected.size);
        await expect(rowCount(page, 'relations')).resolves.toBe(graph.edges.length);
        // The same toggle as on the canvas brings the lone actors back.
        await page.getByTestId('lonely-toggle').check();
        await expect.poll(() => rowCount(page, 'actors')).toBe(graph.nodes.length);
      } finally {
        await close();
      }
    });

    it('sorts by a column, filters by words, and shares the selection with the canvas', async () => {
      const { page, close } = await openPage(ctx.world, '?view=table', DESKTOP);
      try {
        const actors = page.getByTestId('table-actors');
        await actors.locator('tbody tr').first().waitFor();
        const nameHeader = actors.locator('th', { has: page.getByRole('button', { name: /^Namn/ }) });
        await nameHeader.getByRole('button').click();
        await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
        const names = await actors.locator('tbody th').allTextContents();
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
        await nameHeader.getByRole('button').click();
        await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('descending');

        await page.getByTestId('table-actors-filter').fill('kontoret');
        await expect.poll(async () => (await actors.locator('tbody th').allTextContents()).every((n) => /kontoret/i.test(n))).toBe(true);
        expect(await actors.locator('tbody tr').count()).toBeGreaterThanOrEqual(7);

        await actors.locator('button[data-entity-id="socialkontoret"]').click();
        await page.waitForURL(/sel=socialkontoret/);
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Socialkontoret');
        await expect(actors.locator('tr[data-row-id="socialkontoret"]').getAttribute('data-selected')).resolves.toBe('true');
        await page.getByRole('navigation', { name: 'Vyer' }).locator('[data-view="graph"]').click();
        await drawn(page);
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('socialkontoret').hasClass('selected'));
      } finally {
        await close();
      }
    });

    it('on a phone, the table keeps the name, kind and provisions in sight', async () => {
      const { page, close } = await openPage(ctx.world, '?view=table', PHONE);
      try {
        await page.getByTestId('table-actors').locator('tbody tr').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBe(390);
        await shot(page, 'table-02-phone');
      } finally {
        await close();
      }
    });
  });
}
