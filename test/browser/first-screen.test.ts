import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifacts, drawn, nodeIds, nodeOnPage, openPage, pdfText, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP, PHONE } from './sizes.ts';

/**
 * The explorer's first minute, as a newly elected ledamot meets it: the same
 * readable org-chart picture on every load and on a phone, a way to start,
 * the keyboard walking the graph, filters that leave a clean picture, and
 * exports a trainer can hand out. Expected answers come from the real API.
 */
browserSuite('the first screen in Chromium', suite);

/** Every node's position, rounded to a tenth of a pixel. */
const positions = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(window.styrgrafCanvas!.nodes().map((n) => [n.id(), [Math.round(n.position('x') * 10) / 10, Math.round(n.position('y') * 10) / 10]])),
  );

/** The labels the canvas draws at its zoom (a label smaller than the stylesheet's minimum is not drawn), their on-screen size, and how many drawn labels overlap. */
const labels = (page: Page) =>
  page.evaluate(() => {
    const cy = window.styrgrafCanvas!;
    const zoom = cy.zoom();
    const nodes = cy.nodes(':childless').toArray();
    const size = (id: string) => parseFloat(String(cy.getElementById(id).style('font-size'))) * zoom;
    const min = parseFloat(String(nodes[0]!.style('min-zoomed-font-size')));
    const shown = nodes.filter((n) => parseFloat(String(n.style('font-size'))) * zoom >= min);
    const ext = cy.extent();
    const inView = shown.filter((n) => {
      const p = n.position();
      return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    });
    const boxes = inView.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1) overlaps++;
      }
    return {
      zoom,
      min,
      drawn: shown.length,
      inView: inView.length,
      total: nodes.length,
      overlaps,
      kf: size('kommunfullmaktige'),
      ks: size('kommunstyrelsen'),
      smallestDrawn: Math.min(...shown.map((n) => parseFloat(String(n.style('font-size'))) * zoom)),
    };
  });

function suite(ctx: SuiteContext) {
  const { api } = ctx;

  describe('the first screen in Chromium', () => {
    it('opens on the same org-chart picture on every load: the council on top, its parts inside it, the administration and the companies below', async () => {
      const first = await openPage(ctx.world, '', DESKTOP, { guide: true });
      const second = await openPage(ctx.world, '', DESKTOP, { guide: true });
      try {
        await Promise.all([drawn(first.page), drawn(second.page)]);
        const a = await positions(first.page);
        expect(Object.keys(a).length).toBeGreaterThan(60);
        expect(await positions(second.page)).toEqual(a);
        const metrics = await first.page.evaluate(() => {
          const mark = performance.getEntriesByName('styrgraf:first-graph-drawn')[0];
          return { firstGraphMs: mark ? Math.round(mark.startTime) : null };
        });
        console.log(`first picture (1440×900): drawn at ${metrics.firstGraphMs} ms`);
        await writeFile(join(artifacts, 'first-screen-metrics.json'), `${JSON.stringify({ ...metrics, viewport: '1440x900' }, null, 2)}\n`);

        const layout = await first.page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const y = (id: string) => cy.getElementById(id).boundingBox({}).y1;
          const parent = (id: string) => cy.getElementById(id).parent().first()?.id() ?? null;
          return {
            order: ['kommunfullmaktige', 'kommunstyrelsen', 'kommundirektor', 'socialkontoret'].map(y),
            rådhusBelowKf: y('norrkoping-radhus-ab') > y('kommunfullmaktige'),
            parents: ['ks-personalutskott', 'ks-presidium', 'nodra-ab', 'tuk-innovationslabb', 'socialkontoret'].map(parent),
          };
        });
        expect(layout.order).toEqual([...layout.order].sort((p, q) => p - q));
        expect(new Set(layout.order).size).toBe(4);
        expect(layout.rådhusBelowKf).toBe(true);
        expect(layout.parents).toEqual(['kommunstyrelsen', 'kommunstyrelsen', 'norrkoping-radhus-ab', 'tillvaxt-och-utvecklingskontoret', 'forvaltningen']);
        // Every post sits inside the organisation it is a post in, where that is drawn as a box: a company's VD and chair, a nämnd's presidium, a kontor's head.
        const { graph } = await api<{ graph: { nodes: { id: string; kind: string; postIn: { id: string } | null }[] } }>(
          '{ graph { nodes { id kind ... on Actor { postIn { id } } } } }',
        );
        const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
        const posts = graph.nodes.filter((n) => n.postIn && ['POLITICAL_BODY', 'UNIT', 'COMPANY'].includes(kindOf.get(n.postIn.id) ?? ''));
        expect(posts.length).toBeGreaterThan(25);
        const drawnIn = await first.page.evaluate(
          (ids) => ids.map((id) => window.styrgrafCanvas!.getElementById(id).parent().first()?.id() ?? null),
          posts.map((p) => p.id),
        );
        expect(drawnIn).toEqual(posts.map((p) => p.postIn!.id));

        // Readable: no label is drawn under the minimum size, the council's and the board's at least 12 px, and the labels drawn do not overlap.
        const l = await labels(first.page);
        console.log(
          `labels at the first zoom (${l.zoom.toFixed(2)}): ${l.drawn} of ${l.total} drawn, smallest ${l.smallestDrawn.toFixed(1)} px, ${l.overlaps} overlapping pairs in view`,
        );
        expect(l.smallestDrawn).toBeGreaterThanOrEqual(l.min);
        expect(l.min).toBe(10);
        expect(l.kf).toBeGreaterThanOrEqual(12);
        expect(l.ks).toBeGreaterThanOrEqual(12);
        expect(l.overlaps).toBe(0);

        // The first screen offers the first guided tour beside free exploration.
        const { tours } = await api<{ tours: { id: string; order: number; title: string }[] }>('{ tours { id order title } }');
        const firstTour = [...tours].sort((p, q) => p.order - q.order)[0]!;
        await expect(first.page.getByTestId('start-tour').textContent()).resolves.toContain(firstTour.title);
        await shot(first.page, 'first-01-desktop-start');
        await first.page.getByTestId('start-tour').click();
        await first.page.waitForURL(new RegExp(`view=tours&tour=${firstTour.id}$`));
        await first.page.getByTestId('tour-step-title').waitFor();
        expect(first.errors).toEqual([]);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('on a phone, the canvas fills the screen below one compact bar and opens on readable labels at the top of the organisation', async () => {
      const { page, errors, close } = await openPage(ctx.world, '', PHONE, { guide: true });
      try {
        await drawn(page);
        await page.getByTestId('start-card').waitFor();
        await shot(page, 'first-02-phone-start');
        await page.getByTestId('start-explore').tap();
        const box = await page.getByTestId('graph-canvas').boundingBox();
        console.log(`phone canvas: top ${Math.round(box!.y)} px, height ${Math.round(box!.height)} px`);
        expect(box!.y).toBeLessThanOrEqual(120);
        expect(box!.y + box!.height).toBeGreaterThanOrEqual(840);
        const l = await labels(page);
        expect(l.smallestDrawn).toBeGreaterThanOrEqual(10);
        expect(l.kf).toBeGreaterThanOrEqual(12);
        expect(l.overlaps).toBe(0);
        // The top of the organisation is in sight.
        const kfInSight = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const b = cy.getElementById('kommunfullmaktige').renderedBoundingBox({});
          return b.x1 >= -1 && b.x2 <= cy.width() + 1 && b.y1 >= -1 && b.y2 <= cy.height() + 1;
        });
        expect(kfInSight).toBe(true);
        await shot(page, 'first-03-phone-graph');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the keyboard walks the canvas along relations; Enter opens the detail panel with focus on its heading', async () => {
      const { page, close } = await openPage(ctx.world, '', DESKTOP);
      try {
        await drawn(page);
        const canvas = page.getByTestId('graph-canvas');
        await canvas.focus();
        await page.keyboard.press('ArrowDown');
        const spoken = page.getByTestId('canvas-spoken');
        const active = () => page.evaluate(() => window.styrgrafCanvas!.nodes('.kbd-active').map((n) => n.id()));
        await expect.poll(active).toEqual(['kommunfullmaktige']);
        await expect(spoken.textContent()).resolves.toMatch(/^Kommunfullmäktige, Politiskt organ\. \d+ relationer\.$/);
        await page.keyboard.press('ArrowDown');
        const [next] = await active();
        expect(next).not.toBe('kommunfullmaktige');
        const step = await page.evaluate((id) => {
          const cy = window.styrgrafCanvas!;
          const edge = cy.getElementById(id).edgesWith(cy.getElementById('kommunfullmaktige'));
          const y = (n: string) => {
            const ele = cy.getElementById(n);
            return ele.isParent() ? ele.boundingBox({}).y1 : ele.position('y');
          };
          return {
            related: edge.nonempty(),
            below: y(id) > cy.getElementById('kommunfullmaktige').position('y'),
            name: String(cy.getElementById(id).data('label')),
          };
        }, next!);
        expect(step.related).toBe(true);
        expect(step.below).toBe(true);
        // What is read out is the relation walked, in words with both its ends, then where the keyboard is.
        await expect(spoken.textContent()).resolves.toContain(step.name);
        await expect(spoken.textContent()).resolves.toMatch(new RegExp(`Kommunfullmäktige.*\\. ${step.name.replace(/[()]/g, '.')}, `));
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`sel=${next}`));
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('detail-heading');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(step.name);
        await shot(page, 'first-04-keyboard-detail');
      } finally {
        await close();
      }
    });

    it('a search hit moves focus to the detail panel’s heading', async () => {
      const { page, close } = await openPage(ctx.world, '', DESKTOP);
      try {
        await drawn(page);
        const search = page.getByRole('combobox', { name: 'Sök i organisationen' });
        await search.fill('Socialnämnden');
        await page.locator('[role="option"][data-entity-id="socialnamnden"]').waitFor();
        await search.press('Enter');
        await page.waitForURL(/sel=socialnamnden/);
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Socialnämnden');
        await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
        // The next Tab goes on into the panel, not back to the 47th stop of the page.
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => !!document.activeElement?.closest('[data-testid="detail-panel"]'))).resolves.toBe(true);
      } finally {
        await close();
      }
    });

    it('filtering to Ägande leaves no actor without a relation; the toggle brings them back, and the PDF says what is left out', async () => {
      const { graph } = await api<{ graph: { nodes: { id: string }[]; edges: { from: { id: string }; to: { id: string } }[] } }>(
        '{ graph(families: [OWNERSHIP]) { nodes { id } edges { from { id } to { id } } } }',
      );
      const connected = new Set(graph.edges.flatMap((e) => [e.from.id, e.to.id]));
      const lonely = graph.nodes.filter((n) => !connected.has(n.id)).length;
      expect(lonely).toBeGreaterThan(50);
      const { page, close } = await openPage(ctx.world, '?families=ownership', DESKTOP);
      try {
        await expect.poll(async () => (await drawn(page)).nodes).toBe(connected.size);
        await expect(page.getByTestId('lonely-hidden').textContent()).resolves.toBe(`${lonely} utan relation dolda`);
        await shot(page, 'first-05-ownership-clean');

        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
        expect(pdf.suggestedFilename()).toMatch(/^styrgraf-norrkoping-\d{4}-\d{2}-\d{2}\.pdf$/);
        const path = join(artifacts, pdf.suggestedFilename());
        await pdf.saveAs(path);
        const { text, pages } = await pdfText(new Uint8Array(await readFile(path)));
        expect(pages).toBe(1);
        expect(text).toContain('Norrköpings kommun: styrningen som graf');
        expect(text).toMatch(/Organisationen per \d{1,2} \p{L}+ \d{4}/u);
        expect(text).toContain('Visar: relationer: ägande');
        expect(text).toContain(`Aktörer utan relation med de här filtren visas inte (${lonely}).`);
        expect(text).toContain(`${connected.size} aktörer och ${graph.edges.length} relationer.`);
        // The legend names only what the picture has: the ownership family, not the others.
        expect(text).toContain('Ägande');
        expect(text).not.toContain('Uppsikt och granskning');

        const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
        const svgText = await readFile(await svg.path(), 'utf8');
        expect(svgText).toContain('<title>Norrköpings kommun: styrningen som graf</title>');
        expect(svgText).toContain(`Aktörer utan relation med de här filtren visas inte (${lonely}).`);

        await page.getByTestId('lonely-hidden').click();
        await page.waitForURL(/lonely=1/);
        await expect.poll(async () => (await drawn(page)).nodes).toBe(graph.nodes.length);
      } finally {
        await close();
      }
    });

    it('an entity’s menu (right click, or Shift+F10 on the keyboard) adds neighbours through one family and hides an entity; Ångra undoes each change', async () => {
      const { page, close } = await openPage(ctx.world, '?families=ownership', DESKTOP);
      try {
        await drawn(page);
        expect(await nodeIds(page)).not.toContain('kommunstyrelsen');
        // Keyboard: land on the top of the picture, open its menu, choose "via Rapportering och ledning".
        await page.getByTestId('graph-canvas').focus();
        await page.keyboard.press('Home');
        const top = await page.evaluate(() => window.styrgrafCanvas!.nodes('.kbd-active').map((n) => n.id())[0]);
        expect(top).toBe('kommunfullmaktige');
        await page.keyboard.press('Shift+F10');
        const menu = page.getByTestId('node-menu');
        await menu.waitFor();
        await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('menuitem');
        await shot(page, 'first-06-node-menu');
        const target = menu.getByRole('menuitem', { name: 'Lägg till grannar via Rapportering och ledning' });
        for (let i = 0; i < 10 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await page.waitForURL(/expand=kommunfullmaktige~reporting/);
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('kommunstyrelsen').nonempty());
        const { neighbourhood } = await api<{ neighbourhood: { nodes: { id: string }[] } }>(
          '{ neighbourhood(id: "kommunfullmaktige", depth: 1, families: [REPORTING]) { nodes { id } } }',
        );
        const ids = await nodeIds(page);
        expect(neighbourhood.nodes.every((n) => ids.includes(n.id))).toBe(true);

        // Mouse: right click Nodra AB, hide it.
        await page.waitForFunction(
          () => !window.styrgrafCanvas!.animated() && document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-state') === 'ready',
        );
        const at = await nodeOnPage(page, 'nodra-ab', { centre: true });
        await page.mouse.click(at.x, at.y, { button: 'right' });
        await menu.getByRole('menuitem', { name: 'Dölj' }).click();
        await page.waitForURL(/hide=nodra-ab/);
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('nodra-ab').empty());
        await expect(page.getByTestId('hidden-list').textContent()).resolves.toContain('Nodra AB');

        await page.getByTestId('undo').click();
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('nodra-ab').nonempty());
        expect(new URL(page.url()).searchParams.get('hide')).toBeNull();
        await page.getByTestId('undo').click();
        await page.waitForFunction(() => window.styrgrafCanvas!.getElementById('kommunstyrelsen').empty());
        expect(new URL(page.url()).searchParams.get('expand')).toBeNull();
        await expect(page.getByTestId('undo').isDisabled()).resolves.toBe(true);
      } finally {
        await close();
      }
    }, 60_000);
  });
}
