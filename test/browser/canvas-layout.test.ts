import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, nodeIds, openPage } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';

/**
 * The canvas's layouts in Chromium, where the app changes what is shown
 * faster than a layout's animation runs: each change ends in a picture laid
 * out and a canvas that says it is ready, never in one that stays busy.
 */
browserSuite('the canvas’s layouts in Chromium', suite);

/** The canvas's state attribute: 'layout' while a layout runs, 'ready' when it is done. */
const canvasState = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-state'));

function suite(ctx: SuiteContext) {
  describe('the canvas’s layouts in Chromium', () => {
    it('ends its layout when an entity leaves the canvas mid-animation and comes back before that animation would have ended', async () => {
      // The kommundirektör hidden and shown again by the browser's back and forward: the app draws each step, and each step's layout moves the nodes for 350 ms.
      const { page, errors, close } = await openPage(ctx.world);
      try {
        await drawn(page);
        const all = (await nodeIds(page)).length;
        // A node the layouts move (a box is not moved: its contents are).
        expect(await page.evaluate(() => window.styrgrafCanvas!.getElementById('kommundirektor').isChildless())).toBe(true);
        await page.evaluate(() => {
          window.history.pushState(null, '', '?hide=kommundirektor');
          window.dispatchEvent(new PopStateEvent('popstate'));
        });
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('kommundirektor').empty());
        // Back: The kommundirektör returns and its layout starts moving it; forward while it moves: it leaves mid-animation; back at once: it returns under the same id.
        const sequence = await page.evaluate(async () => {
          const cy = window.styrgrafCanvas!;
          const until = (step: string, done: () => boolean) =>
            new Promise<void>((resolve, reject) => {
              const started = performance.now();
              const poll = () => (done() ? resolve() : performance.now() - started > 5_000 ? reject(new Error(`timed out: ${step}`)) : setTimeout(poll, 0));
              poll();
            });
          window.history.back();
          await until('back, moving', () => cy.getElementById('kommundirektor').nonempty() && cy.getElementById('kommundirektor').animated());
          const movingWhenAsked = cy.getElementById('kommundirektor').animated();
          window.history.forward();
          await until('forward, gone', () => cy.getElementById('kommundirektor').empty());
          window.history.back();
          await until('back again', () => cy.getElementById('kommundirektor').nonempty());
          return { movingWhenAsked };
        });
        // The case this test is about: asked to leave while it moved, and back as soon as it had left.
        expect(sequence.movingWhenAsked).toBe(true);
        await page.waitForFunction(() => document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-state') === 'ready', undefined, {
          timeout: 5_000,
        });
        // Laid out and at rest: nothing is still moving, everything is on the canvas again.
        await page.waitForFunction(
          () =>
            window
              .styrgrafCanvas!.nodes()
              .filter((n) => n.animated())
              .empty(),
          undefined,
          { timeout: 5_000 },
        );
        expect(await canvasState(page)).toBe('ready');
        expect((await nodeIds(page)).length).toBe(all);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
