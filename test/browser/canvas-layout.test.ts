import { startServer, type RunningServer } from '@styrgraf/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/server.ts';
import { generateSet } from '../synthetic-set.ts';
import { drawn, focusParts, LAPTOP, nodeIds, openPage } from './harness.ts';
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

  describe('an expansion in a large view', () => {
    // The country's shape at a tenth of its size: the association's neighbours and ten municipal boards' own make more than 1,000 elements.
    let set: { dir: string; remove(): Promise<void> };
    let server: RunningServer;
    let municipalities: { id: string }[];
    beforeAll(async () => {
      set = await generateSet(30, 7);
      server = await startServer({ port: 0, host: '127.0.0.1', graphDir: set.dir });
      municipalities = (await gql<{ municipalities: { id: string }[] }>(server.url, '{ municipalities { id } }')).body.data!.municipalities;
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await set?.remove();
    });

    const parts = (ids: string[]) => focusParts(server.url, ids);

    /** Waits until the canvas holds this many elements, laid out, with no "Ordnar …" notice. */
    const settled = (page: Page, elements: number) =>
      page.waitForFunction(
        (n) =>
          (window.styrgrafCanvas?.elements().length ?? 0) === n &&
          document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-state') === 'ready' &&
          !document.querySelector('[data-testid="arranging"]'),
        elements,
        { timeout: 60_000, polling: 100 },
      );

    it('places only the new neighbours, beside the entity expanded, and leaves every node drawn where it was; Ordna om lays out the whole again, Ångra takes the new ones away', async () => {
      const boards = municipalities.slice(0, 10).map((m) => m.id.replace('-kommunen', '-kommunstyrelsen'));
      const before = await parts(['se-kommunforbundet', ...boards]);
      expect(before.nodes.size + before.edges.size).toBeGreaterThan(1_000);
      // The entity to expand: of the first board's neighbours shown, the one whose own neighbours add the most to the view.
      const prefix = municipalities[0]!.id.replace('-kommunen', '-');
      let expanded = '';
      let added: string[] = [];
      for (const id of [...before.nodes].filter((n) => n.startsWith(prefix)).sort()) {
        const adds = [...(await parts([id])).nodes].filter((n) => !before.nodes.has(n));
        if (adds.length > added.length) [expanded, added] = [id, adds];
      }
      const after = await parts(['se-kommunforbundet', ...boards, expanded]);
      expect(added.length).toBeGreaterThan(5);

      const context = await ctx.world.browser.newContext(LAPTOP);
      await context.addInitScript(() => window.localStorage.setItem('styrgraf:start-dismissed', '1'));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(new URL(`?focus=se-kommunforbundet&depth=1&expand=${boards.join(',')}&sel=${expanded}`, server.url).toString());
        await settled(page, before.nodes.size + before.edges.size);
        const placedBefore = await page.evaluate(() => Object.fromEntries(window.styrgrafCanvas!.nodes().map((n) => [n.id(), { ...n.position() }])));

        await page.getByTestId('detail-panel').getByRole('button', { name: 'Visa grannar' }).click();
        await page.waitForURL(new RegExp(`expand=[^&]*${expanded}`));
        await settled(page, after.nodes.size + after.edges.size);

        const now = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          return {
            nodes: cy.nodes().map((n) => n.id()),
            edges: cy.edges().map((e) => e.id()),
            at: Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }])),
          };
        });
        // The canvas's elements are the API's.
        expect(new Set(now.nodes)).toEqual(after.nodes);
        expect(new Set(now.edges)).toEqual(after.edges);
        // Nothing drawn before has moved.
        const moved = Object.entries(placedBefore).filter(([id, p]) => now.at[id]!.x !== p.x || now.at[id]!.y !== p.y);
        expect(moved).toEqual([]);
        // Each new neighbour is near the entity expanded, and no node sits on another.
        const centre = now.at[expanded]!;
        const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
        for (const id of added) expect(distance(now.at[id]!, centre), id).toBeLessThan(1_000);
        const all = Object.values(now.at);
        let closest = Infinity;
        for (const id of added) for (const q of all) if (q !== now.at[id]) closest = Math.min(closest, distance(now.at[id]!, q));
        expect(closest).toBeGreaterThanOrEqual(89);

        // On request, the whole is laid out again top-down: every downward line of the hierarchy runs down the screen.
        await page.getByRole('button', { name: 'Ordna om' }).click();
        await page.waitForFunction(
          (p) => {
            const n = window.styrgrafCanvas!.getElementById(p.id);
            return n.position().x !== p.x || n.position().y !== p.y;
          },
          { id: added[0]!, ...now.at[added[0]!]! },
          { timeout: 60_000 },
        );
        await settled(page, after.nodes.size + after.edges.size);
        const ranked = await page.evaluate(() => {
          const down = window
            .styrgrafCanvas!.edges('[rank = "down"]')
            .toArray()
            .filter((e) => e.source().id() !== e.target().id());
          return { down: down.length, downwards: down.filter((e) => e.source().position().y < e.target().position().y).length };
        });
        expect(ranked.down).toBeGreaterThan(100);
        expect(ranked.downwards).toBe(ranked.down);

        // Undone, the expansion's entities go and the rest stays where Ordna om put it.
        const arranged = await page.evaluate(() => Object.fromEntries(window.styrgrafCanvas!.nodes().map((n) => [n.id(), { ...n.position() }])));
        await page.getByTestId('undo').click();
        await settled(page, before.nodes.size + before.edges.size);
        const undone = await page.evaluate(() => Object.fromEntries(window.styrgrafCanvas!.nodes().map((n) => [n.id(), { ...n.position() }])));
        expect(new Set(Object.keys(undone))).toEqual(before.nodes);
        expect(Object.entries(undone).filter(([id, p]) => arranged[id]!.x !== p.x || arranged[id]!.y !== p.y)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  });
}
