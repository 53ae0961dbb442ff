import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '@styrgraf/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/server.ts';
import { drawn, root, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP, PHONE } from './sizes.ts';

/**
 * Any municipality: the explorer run on a synthetic municipality (from the
 * model's generator, as `graph:generate --municipalities 1` writes it) shows
 * that data set's names, roots and titles, and not one word of Norrköping,
 * in any view, title, label or file name.
 */
browserSuite('another municipality in Chromium', suite);

/** What a person could see or hear of a page: its text, title and the words in its attributes. */
const everything = (page: Page) =>
  page.evaluate(() => {
    const words = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('*'))
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'content', 'aria-roledescription']) {
        const value = el.getAttribute(attr);
        if (value) words.push(value);
      }
    return words.join('\n');
  });

function suite(ctx: SuiteContext) {
  let dir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'styrgraf-kommun-'));
    await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', '1', '--seed', '3', '--out', dir],
      { cwd: root },
    );
    server = await startServer({ port: 0, host: '127.0.0.1', graphDir: dir });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('another municipality in Chromium', () => {
    it('names the data set’s own municipality everywhere and Norrköping nowhere, on a laptop and a phone', async () => {
      const { data } = (await gql<{ about: { name: string; datasetId: string } }>(server.url, '{ about { name datasetId } }')).body;
      const name = data!.about.name;
      for (const [size, options] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const context = await ctx.world.browser.newContext(options);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          const seen: string[] = [];
          await page.goto(server.url);
          await drawn(page);
          await page.getByTestId('start-card').waitFor();
          await expect(page.getByTestId('start-card').locator('h2').textContent()).resolves.toBe(`Styrningen i ${name}`);
          // A data set without tours starts at its org chart.
          await expect(page.getByTestId('start-org').textContent()).resolves.toContain('Organisationsschemat');
          await expect.poll(() => page.title()).toBe(`Styrgraf – ${name}`);
          seen.push(await everything(page));
          await shot(page, `municipality-${size}-graph`);

          // The org chart opens at this municipality's own council, found in the data.
          await page.goto(new URL('?view=org', server.url).toString());
          const firstCard = page.getByTestId('org-chart').locator('.org-item').first();
          await firstCard.waitFor();
          await expect(firstCard.getAttribute('data-entity-id')).resolves.toMatch(/^s\d{3}-kommunfullmaktige$/);
          seen.push(await everything(page));
          await shot(page, `municipality-${size}-org`);

          for (const view of ['table', 'matrix', 'tours', 'quiz', 'coverage', 'checks', 'glossary', 'handout']) {
            await page.goto(new URL(`?view=${view}`, server.url).toString());
            await page
              .locator(view === 'checks' ? '[data-check-id]' : 'main h2')
              .first()
              .waitFor();
            await page.waitForTimeout(300);
            seen.push(await everything(page));
          }
          await expect(page.getByTestId('handout').locator('h2').first().textContent()).resolves.toBe(`Styrningen i ${name} – en introduktion`);
          await shot(page, `municipality-${size}-handout`);

          if (size === 'desktop') {
            await page.goto(server.url);
            await drawn(page);
            const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
            expect(png.suggestedFilename()).toMatch(new RegExp(`^styrgraf-${data!.about.datasetId}-\\d{4}-\\d{2}-\\d{2}\\.png$`));
            seen.push(png.suggestedFilename());
          }
          const text = seen.join('\n');
          expect(text).toContain(name);
          expect(text.match(/norrk\S*/gi) ?? []).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    }, 120_000);
  });
}
