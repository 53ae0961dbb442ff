import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, openPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP, PHONE } from './sizes.ts';

/**
 * Every view, on a laptop and a phone, checked with axe-core for WCAG 2 A and
 * AA (serious and critical findings must be none), with a screenshot of each
 * in .artifacts/screenshots/ and the counts in .artifacts/axe-counts.json;
 * and the keyboard's tab stops where glossary words used to crowd them.
 */
browserSuite('every view for everyone in Chromium', suite);

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Each view as a link, and what shows it is ready. */
const VIEWS: { name: string; path: string; ready: string }[] = [
  { name: 'graph-start', path: '', ready: '[data-testid="start-card"] h2' },
  { name: 'graph-detail', path: '?sel=kommundirektor', ready: '[data-testid="detail-panel"] h2' },
  { name: 'graph-menu', path: '?families=ownership', ready: '[data-testid="graph-canvas"][data-state="ready"]' },
  { name: 'path-finder', path: '?from=kommunstyrelsen&to=nodra-ab', ready: '[data-testid="path-card"]' },
  { name: 'table', path: '?view=table', ready: '[data-testid="table-relations"] tbody tr' },
  { name: 'org', path: '?view=org&root=socialnamnden', ready: '[data-testid="org-above"]' },
  { name: 'matrix', path: '?view=matrix&cell=da-anstallning-kontorschef~kommundirektor', ready: '[data-testid="cell-panel"] h2' },
  { name: 'tours', path: '?view=tours', ready: '[data-tour-id]' },
  { name: 'tour-step', path: '?view=tours&tour=vem-bestammer-om-kontorscheferna&step=3', ready: '[data-testid="tour-step-title"]' },
  { name: 'quiz', path: '?view=quiz&seed=7', ready: '[data-testid="quiz-prompt"]' },
  { name: 'coverage', path: '?view=coverage', ready: '[data-question-id]' },
  { name: 'checks', path: '?view=checks', ready: '[data-check-id]' },
  { name: 'checks-findings', path: '?view=checks&date=2020-06-01', ready: '[data-check-id]' },
  {
    name: 'relation-contested',
    path: '?sel=r:ks-presidium:da-anstallning-vd-dotterbolag.consulted.ks-presidium',
    ready: '[data-testid="detail-panel"] [data-testid="evidence"]',
  },
  { name: 'generic-role', path: '?sel=vd-dotterbolag', ready: '[data-testid="generic-role"]' },
  { name: 'glossary', path: '?view=glossary', ready: '[data-term-id]' },
  { name: 'handout', path: '?view=handout', ready: '[data-testid="handout"][data-ready="true"]' },
  { name: 'english-graph', path: '?lang=en&sel=kommunstyrelsen', ready: '[data-testid="detail-panel"] h2' },
];

interface AxeResult {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<{ violations: AxeResult[] }> {
  // Evaluated rather than added as a <script>: the server's Content-Security-Policy rightly refuses inline scripts, and a test's own code is not the page's.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> } };
    // The canvas is a bitmap: what it draws is checked by the stylesheet tests and read through the table view and the canvas's live region.
    return axe.run({ exclude: [['.graph-canvas canvas']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
}

function suite(ctx: SuiteContext) {
  describe('every view for everyone in Chromium', () => {
    const counts: Record<string, Record<string, { serious: number; critical: number; moderate: number; minor: number }>> = {};
    for (const [size, options] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as [string, BrowserContextOptions][]) {
      it(`has no serious or critical axe findings in any view (${size})`, async () => {
        const found: string[] = [];
        counts[size] = {};
        // One page per size, led from view to view: a fresh browser context per view would double the time.
        const { page, close } = await openPage(ctx.world, '?view=glossary', options, { guide: true });
        try {
          for (const view of VIEWS) {
            await page.evaluate(
              (show) => (show ? window.localStorage.removeItem('styrgraf:start-dismissed') : window.localStorage.setItem('styrgraf:start-dismissed', '1')),
              view.name === 'graph-start',
            );
            await page.goto(new URL(view.path, ctx.world.url).toString());
            await page.locator(view.ready).first().waitFor({ timeout: 20_000 });
            if (view.name === 'graph-menu') {
              // The entity menu, opened from the keyboard.
              await page.getByTestId('graph-canvas').focus();
              await page.keyboard.press('Home');
              await page.keyboard.press('Shift+F10');
              await page.getByTestId('node-menu').waitFor();
            }
            if (view.name === 'checks-findings') for (const toggle of await page.getByTestId('findings-toggle').all()) await toggle.click();
            await shot(page, `view-${size}-${view.name}`);
            const { violations } = await axe(page);
            const tally = { critical: 0, serious: 0, moderate: 0, minor: 0 };
            for (const v of violations) tally[(v.impact ?? 'minor') as keyof typeof tally] += v.nodes.length;
            counts[size][view.name] = tally;
            for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
              found.push(
                `${view.name}: ${v.id} (${v.impact}) ${v.nodes
                  .map((n) => n.target.join(' '))
                  .slice(0, 3)
                  .join(', ')}`,
              );
          }
        } finally {
          await close();
        }
        await writeFile(join(artifacts, 'axe-counts.json'), `${JSON.stringify(counts, null, 2)}\n`);
        console.log(
          `axe (${size}): ${Object.entries(counts[size])
            .map(([v, c]) => `${v} ${c.critical}/${c.serious}/${c.moderate}/${c.minor}`)
            .join(', ')} (critical/serious/moderate/minor)`,
        );
        expect(found).toEqual([]);
      }, 240_000);
    }

    it('Täckning gives each glossary word one tab stop, not one per mention', async () => {
      const { page, close } = await openPage(ctx.world, '?view=coverage', DESKTOP);
      try {
        await page.locator('[data-question-id]').first().waitFor();
        await page.locator('button.term').first().waitFor();
        await page.waitForTimeout(300);
        const stops = await page.evaluate(() => {
          const marks = [...document.querySelectorAll<HTMLElement>('button.term[data-term-id]')];
          const focusable = marks.filter((m) => m.tabIndex >= 0);
          return {
            marks: marks.length,
            focusable: focusable.length,
            terms: new Set(marks.map((m) => m.dataset.termId)).size,
            focusableTerms: new Set(focusable.map((m) => m.dataset.termId)).size,
          };
        });
        console.log(`Täckning: ${stops.marks} glossary marks of ${stops.terms} terms, ${stops.focusable} tab stops`);
        expect(stops.marks).toBeGreaterThan(stops.terms);
        expect(stops.focusable).toBe(stops.terms);
        expect(stops.focusableTerms).toBe(stops.terms);
      } finally {
        await close();
      }
    });

    it('on a phone the decision matrix keeps the decisions pinned and shows actor columns beside them', async () => {
      const { page, close } = await openPage(ctx.world, '?view=matrix', PHONE);
      try {
        const row = page.locator('tr[data-area-id="da-anstallning-kontorschef"]');
        await row.waitFor();
        const layout = await page.evaluate(() => {
          const area = document.querySelector('tr[data-area-id="da-anstallning-kontorschef"] th')!.getBoundingClientRect();
          const firstActor = document.querySelector('tr[data-area-id="da-anstallning-kontorschef"] td.matrix-cell')!.getBoundingClientRect();
          return { areaRight: area.right, actorLeft: firstActor.left, pageWidth: document.documentElement.scrollWidth };
        });
        expect(layout.pageWidth).toBe(390);
        expect(layout.areaRight).toBeLessThanOrEqual(200);
        expect(layout.actorLeft).toBeLessThan(390 - 40);
        // The actors scroll sideways under a decision that stays put.
        await page.locator('.matrix-scroll').evaluate((el) => el.scrollBy(600, 0));
        const after = await page.evaluate(() => document.querySelector('tr[data-area-id="da-anstallning-kontorschef"] th')!.getBoundingClientRect().left);
        expect(Math.round(after)).toBe(0);
        await shot(page, 'phone-matrix-scrolled');
      } finally {
        await close();
      }
    });

    it('on a phone a tour step is read at full size without zooming', async () => {
      const { page, close } = await openPage(ctx.world, '?view=tours&tour=vem-bestammer-om-kontorscheferna&step=3', PHONE);
      try {
        await page.getByTestId('tour-step-title').waitFor();
        const text = await page
          .getByTestId('tour-text')
          .evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), width: el.getBoundingClientRect().width }));
        expect(text.size).toBeGreaterThanOrEqual(16);
        expect(text.width).toBeLessThanOrEqual(390);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      } finally {
        await close();
      }
    });
  });
}
