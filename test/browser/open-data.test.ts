import { EXPORT_FORMATS, selectFromDataset } from '@styrgraf/export';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { drawn, openPage, root, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP } from './sizes.ts';

/**
 * "Öppna data" in Chromium: from the graph view and the table view, every
 * open format downloads for the view's date, families and kinds, and the file
 * is what the export package writes from graph/ for that cut.
 */
browserSuite('open-data downloads in Chromium', suite);

const VIEW = '?date=2025-06-01&families=ownership,reporting&kinds=company,political_body,role,unit';
const FILTER = { asOf: '2025-06-01', families: ['OWNERSHIP', 'REPORTING'], kinds: ['COMPANY', 'POLITICAL_BODY', 'ROLE', 'UNIT'] } as const;

function suite(ctx: SuiteContext) {
  describe('open-data downloads in Chromium', () => {
    it('the graph view offers every format, and each download is the export of the view as shown', async () => {
      const dataset = await loadDatasetOrThrow(`${root}graph`);
      const selection = selectFromDataset(dataset, { asOf: FILTER.asOf, families: [...FILTER.families], kinds: [...FILTER.kinds] });
      const { page, errors, close } = await openPage(ctx.world, VIEW, DESKTOP);
      try {
        await drawn(page);
        const menu = page.getByTestId('graph-open-data');
        await menu.locator('summary').click();
        await expect(menu.locator('a[data-format]').evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.format))).resolves.toEqual(
          expect.arrayContaining(EXPORT_FORMATS.map((f) => f.id)),
        );
        await shot(page, 'open-data-01-graph-menu');
        for (const format of EXPORT_FORMATS) {
          const [download] = await Promise.all([page.waitForEvent('download'), menu.locator(`a[data-format="${format.id}"]`).click()]);
          expect(download.suggestedFilename()).toBe(`norrkoping-2025-06-01.${format.extension}`);
          expect(await readFile(await download.path(), 'utf8'), format.id).toBe(await format.render(selection));
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the table view offers the same menu, and its relations CSV has one row per relation the table lists', async () => {
      const { page, errors, close } = await openPage(ctx.world, `${VIEW}&view=table`, DESKTOP);
      try {
        await page.getByTestId('table-relations').locator('tbody tr').first().waitFor();
        const caption = (await page.getByTestId('table-relations').locator('h3').textContent()) ?? '';
        const listed = Number(/\((\d+)\)/.exec(caption)?.[1]);
        expect(listed).toBeGreaterThan(20);
        const menu = page.getByTestId('table-open-data');
        await menu.locator('summary').click();
        await expect(menu.textContent()).resolves.toContain('Grafen per 2025-06-01');
        const [download] = await Promise.all([page.waitForEvent('download'), menu.locator('a[data-format="csv-edges"]').click()]);
        const text = await readFile(await download.path(), 'utf8');
        expect(text.charCodeAt(0)).toBe(0xfeff);
        const records = text.trimEnd().split('\r\n').length - 1;
        // Quoted fields may hold line breaks; none of these relations' texts do, which the count would catch.
        expect(records).toBe(listed);
        await shot(page, 'open-data-02-table-menu');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
