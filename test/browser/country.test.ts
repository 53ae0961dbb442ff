import { startServer, type RunningServer } from '@styrgraf/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../helpers/server.ts';
import { generateSet } from '../synthetic-set.ts';
import { drawn, focusParts, LAPTOP, nodeIds, nodeOnPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';

/**
 * The country in the explorer, on a synthetic set of 30 municipalities (the
 * national set's shape at a tenth of its size): the overview drawn first
 * without an error, drill-in by click, by name and by link with breadcrumbs
 * back, the municipal views scoped to the chosen one, and a hub's depth-3
 * focus capped with "+N till".
 */
browserSuite('the country in Chromium', suite);

interface Municipality {
  id: string;
  name: string;
}

function suite(ctx: SuiteContext) {
  let set: { dir: string; remove(): Promise<void> };
  let server: RunningServer;
  let municipalities: Municipality[];

  beforeAll(async () => {
    set = await generateSet(30, 7);
    server = await startServer({ port: 0, host: '127.0.0.1', graphDir: set.dir });
    municipalities = (await gql<{ municipalities: Municipality[] }>(server.url, '{ municipalities { id name } }')).body.data!.municipalities;
    expect(municipalities).toHaveLength(30);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await set?.remove();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await ctx.world.browser.newContext(LAPTOP);
    await context.addInitScript(() => window.localStorage.setItem('styrgraf:start-dismissed', '1'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(path, server.url).toString());
    return { page, errors, close: () => context.close() };
  }

  /** Entity ids of one municipality's own scope, as the API gives them. */
  async function scopeIds(id: string): Promise<Set<string>> {
    const { data } = (await gql<{ graph: { nodes: { id: string }[] } }>(server.url, 'query($m: ID) { graph(municipality: $m) { nodes { id } } }', { m: id }))
      .body;
    return new Set(data!.graph.nodes.map((n) => n.id));
  }

  describe('the country in Chromium', () => {
    it('opens on the overview: every municipality and what they share, no error, breadcrumbs at Sverige', async () => {
      const { page, errors, close } = await open('');
      try {
        await drawn(page);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        const ids = await nodeIds(page);
        for (const m of municipalities) expect(ids).toContain(m.id);
        const overview = (await gql<{ overview: { nodes: { id: string }[] } }>(server.url, '{ overview { nodes { id } } }')).body.data!.overview;
        expect(new Set(ids)).toEqual(new Set(overview.nodes.map((n) => n.id)));
        expect(ids).toContain('se-kommunforbundet');
        await expect(page.getByTestId('crumb-country').textContent()).resolves.toBe('Sverige');
        expect(await page.getByTestId('crumb-municipality').count()).toBe(0);
        await expect(page.getByTestId('country-bar').textContent()).resolves.toContain('30 kommuner');
        await shot(page, 'country-overview');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('places the overview in rings, seen whole: the association of every municipality in the middle, the federations inside, the municipalities around', async () => {
      const { page, close } = await open('');
      try {
        await drawn(page);
        const placed = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const extent = cy.extent();
          const radius = (n: cytoscape.NodeSingular) => Math.hypot(n.position().x, n.position().y);
          const kommun = cy.nodes('[subtype = "kommun"]');
          const shared = cy.nodes().not(kommun).not('#se-kommunforbundet');
          return {
            centre: cy.getElementById('se-kommunforbundet').position(),
            innermostMunicipality: Math.min(...kommun.map(radius)),
            outermostShared: Math.max(...shared.map(radius)),
            shared: shared.length,
            outside: cy.nodes().filter((n) => {
              const p = n.position();
              return p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2;
            }).length,
          };
        });
        expect(placed.centre).toEqual({ x: 0, y: 0 });
        expect(placed.shared).toBeGreaterThan(0);
        expect(placed.outermostShared).toBeLessThan(placed.innermostMunicipality);
        expect(placed.outside).toBe(0);
      } finally {
        await close();
      }
    });

    it('asks for the overview at once, beside the question about the data set, not after its answer', async () => {
      // Listening before the first request leaves: a page opened by open() has already asked.
      const context = await ctx.world.browser.newContext(LAPTOP);
      await context.addInitScript(() => window.localStorage.setItem('styrgraf:start-dismissed', '1'));
      const page = await context.newPage();
      const sent = new Map<string, number>();
      const answered = new Map<string, number>();
      const name = (body: string | null) => /\b(?:query|mutation)\s+(\w+)/.exec(body ?? '')?.[1] ?? '?';
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql') && !sent.has(name(r.postData()))) sent.set(name(r.postData()), performance.now());
      });
      page.on('requestfinished', (r) => {
        if (r.url().endsWith('/graphql') && !answered.has(name(r.postData()))) answered.set(name(r.postData()), performance.now());
      });
      try {
        await page.goto(server.url);
        await drawn(page);
        expect(sent.get('Overview')).toBeDefined();
        expect(sent.get('Overview')!).toBeLessThan(answered.get('About')!);
      } finally {
        await context.close();
      }
    });

    it('stays an overview when the kinds are narrowed: the municipalities and the organisations they share, never the whole country’s graph', async () => {
      const { page, errors, close } = await open('?kinds=organisation,company');
      const asked: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql')) asked.push(/\b(?:query|mutation)\s+(\w+)/.exec(r.postData() ?? '')?.[1] ?? '?');
      });
      try {
        await page.reload();
        await drawn(page);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        const narrowed = (
          await gql<{ overview: { nodes: { id: string; kind: string }[] } }>(server.url, '{ overview(kinds: [ORGANISATION, COMPANY]) { nodes { id kind } } }')
        ).body.data!.overview;
        expect(new Set(await nodeIds(page))).toEqual(new Set(narrowed.nodes.map((n) => n.id)));
        for (const m of municipalities) expect(narrowed.nodes.map((n) => n.id)).toContain(m.id);
        expect(asked).toContain('Overview');
        expect(asked).not.toContain('Graph');

        // A municipality chosen, the narrowed kinds are its graph's.
        const target = municipalities[4]!;
        await page.goto(new URL(`?kinds=organisation,company&kommun=${target.id}`, server.url).toString());
        await drawn(page);
        expect(asked).toContain('Graph');
        const kinds = await page.evaluate(() => [...new Set(window.styrgrafCanvas!.nodes().map((n) => String(n.data('kind'))))].sort());
        expect(
          kinds.every((k) => k === 'ORGANISATION' || k === 'COMPANY'),
          kinds.join(),
        ).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('opens the narrowed ownership overview on every municipality, says where the companies are, and a click shows one municipality’s owners', async () => {
      // What the country shares owns no company: every ownership line lies inside a municipality, so the overview has none to draw.
      const narrowed = (
        await gql<{ overview: { nodes: { id: string }[]; edges: { id: string }[] } }>(
          server.url,
          '{ overview(kinds: [COMPANY, ORGANISATION], families: [OWNERSHIP]) { nodes { id } edges { id } } }',
        )
      ).body.data!.overview;
      expect(narrowed.edges).toEqual([]);
      const { page, errors, close } = await open('?kinds=company,organisation&families=ownership');
      try {
        await page.waitForFunction(() => performance.getEntriesByName('styrgraf:first-graph-drawn').length > 0, undefined, { timeout: 20_000 });
        const mark = await page.evaluate(() => (performance.getEntriesByName('styrgraf:first-graph-drawn')[0] as PerformanceMark).detail as unknown);
        const ids = await nodeIds(page);
        // The municipalities stay, as the ways in, though no line reaches them; the mark says what was drawn.
        for (const m of municipalities) expect(ids).toContain(m.id);
        expect(mark).toEqual({ nodes: ids.length, edges: 0 });
        await expect(page.getByTestId('overview-no-lines').textContent()).resolves.toContain('Ägande');
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await shot(page, 'country-overview-ownership');

        const target = municipalities[3]!;
        const own = (
          await gql<{ graph: { edges: { id: string }[] } }>(
            server.url,
            'query($m: ID) { graph(municipality: $m, kinds: [COMPANY, ORGANISATION], families: [OWNERSHIP]) { edges { id } } }',
            { m: target.id },
          )
        ).body.data!.graph;
        expect(own.edges.length).toBeGreaterThan(0);
        const at = await nodeOnPage(page, target.id);
        await page.mouse.click(at.x, at.y);
        await page.waitForURL(new RegExp(`kommun=${target.id}`));
        await page.waitForFunction((n) => window.styrgrafCanvas?.edges().length === n, own.edges.length, { timeout: 20_000 });
        await drawn(page);
        expect(new Set(await page.evaluate(() => window.styrgrafCanvas!.edges().map((e) => e.id())))).toEqual(new Set(own.edges.map((e) => e.id)));
        expect(await page.getByTestId('overview-no-lines').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('drills into a municipality by a click on it, shows its own picture, and goes back by the breadcrumb', async () => {
      const target = municipalities[2]!;
      const { page, errors, close } = await open('');
      try {
        await drawn(page);
        await page.evaluate((id) => window.styrgrafCanvas!.getElementById(id).select(), target.id);
        const at = await nodeOnPage(page, target.id);
        await page.mouse.click(at.x, at.y);
        await page.waitForURL(new RegExp(`kommun=${target.id}`));
        await expect(page.getByTestId('crumb-municipality').textContent()).resolves.toBe(target.name);
        await page.waitForFunction((id) => window.styrgrafCanvas?.getElementById(`${id.replace('-kommunen', '')}-kommunstyrelsen`).nonempty(), target.id, {
          timeout: 20_000,
        });
        await drawn(page);
        const ids = await nodeIds(page);
        const scope = await scopeIds(target.id);
        // Its own picture: only entities of its scope, and its council, board and director among them; none of another municipality.
        for (const id of ids) expect(scope.has(id), id).toBe(true);
        const prefix = target.id.replace('-kommunen', '');
        expect(ids).toEqual(expect.arrayContaining([`${prefix}-kommunfullmaktige`, `${prefix}-kommunstyrelsen`]));
        expect(ids.filter((id) => /^s\d{3}-/.test(id) && !id.startsWith(`${prefix}-`))).toEqual([]);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await shot(page, 'country-drilled-in');

        await page.getByTestId('crumb-country').click();
        await page.waitForURL((url) => !url.search.includes('kommun='));
        await page.waitForFunction(
          (n) => (window.styrgrafCanvas?.nodes().filter((x) => x.id().endsWith('-kommunen')).length ?? 0) === n,
          municipalities.length,
          { timeout: 20_000 },
        );
        expect(await page.getByTestId('crumb-municipality').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('opens a municipality by its name typed in the breadcrumb bar, and by a link', async () => {
      const target = municipalities[7]!;
      const { page, close } = await open('');
      try {
        await drawn(page);
        await page.getByTestId('municipality-input').fill(target.name.toLowerCase());
        await page.getByTestId('municipality-input').press('Enter');
        await page.waitForURL(new RegExp(`kommun=${target.id}`));
        await expect(page.getByTestId('crumb-municipality').textContent()).resolves.toBe(target.name);
        // A link restores it: reload the page on that URL.
        await page.reload();
        await expect.poll(() => page.getByTestId('crumb-municipality').textContent()).toBe(target.name);
        await drawn(page);
        expect(await nodeIds(page)).toContain(`${target.id.replace('-kommunen', '')}-kommunstyrelsen`);
      } finally {
        await close();
      }
    });

    it('asks which municipality for the matrix, and then shows only its decisions', async () => {
      const target = municipalities[4]!;
      const prefix = target.id.replace('-kommunen', '');
      const { page, close } = await open('?view=matrix');
      try {
        const choose = page.getByTestId('choose-municipality');
        // The list arrives after the section: wait for its last item, then check there are no more.
        await choose.locator('li').nth(29).waitFor();
        expect(await choose.locator('li').count()).toBe(30);
        await choose.getByRole('link', { name: target.name, exact: true }).click();
        await page.waitForURL(new RegExp(`kommun=${target.id}`));
        const { data } = (
          await gql<{ decisionAreas: { id: string }[] }>(server.url, 'query($m: ID) { decisionAreas(municipality: $m) { id } }', { m: target.id })
        ).body;
        const expected = data!.decisionAreas.map((a) => a.id).sort();
        expect(expected.length).toBeGreaterThan(3);
        expect(expected.every((id) => id.startsWith(`${prefix}-`))).toBe(true);
        const rows = page.locator('[data-area-id]');
        await rows.first().waitFor();
        const shown = [...new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-area-id')!)))].sort();
        expect(shown).toEqual(expected);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        await shot(page, 'country-matrix');
      } finally {
        await close();
      }
    });

    it('scopes the org chart, the table and Kontroller to the chosen municipality', async () => {
      const target = municipalities[11]!;
      const prefix = target.id.replace('-kommunen', '');
      const scope = await scopeIds(target.id);
      const { page, close } = await open(`?view=org&kommun=${target.id}`);
      try {
        // The org chart opens at this municipality's own council.
        const firstCard = page.getByTestId('org-chart').locator('.org-item').first();
        await firstCard.waitFor();
        await expect(firstCard.getAttribute('data-entity-id')).resolves.toBe(`${prefix}-kommunfullmaktige`);

        await page.goto(new URL(`?view=table&kommun=${target.id}`, server.url).toString());
        const cells = page.getByTestId('table-view').locator('[data-entity-id]');
        await cells.first().waitFor();
        const tableIds = [...new Set(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-entity-id')!)))];
        expect(tableIds).toContain(`${prefix}-kommunstyrelsen`);
        for (const id of tableIds) expect(scope.has(id), id).toBe(true);

        await page.goto(new URL(`?view=checks&kommun=${target.id}`, server.url).toString());
        await page.getByTestId('checks-summary').waitFor();
        const { data } = (
          await gql<{ ruleChecks: { findings: { entities: { id: string }[] }[] }[] }>(
            server.url,
            'query($m: ID) { ruleChecks(municipality: $m) { findings { entities { id } } } }',
            { m: target.id },
          )
        ).body;
        const found = data!.ruleChecks.flatMap((c) => c.findings.flatMap((f) => f.entities.map((e) => e.id)));
        expect(found.length).toBeGreaterThan(0);
        expect(found.filter((id) => /^s\d{3}-/.test(id) && !id.startsWith(`${prefix}-`))).toEqual([]);
        expect(await page.getByTestId('finding').count()).toBe(data!.ruleChecks.reduce((n, c) => n + c.findings.length, 0));
        expect(await page.locator('[role="alert"]').count()).toBe(0);
      } finally {
        await close();
      }
    });

    it('lays out a focus of more than 1,000 elements as the large plan says: the trees top-down by dagre, no boxes, drawn cheaply, not in the overview’s rings', async () => {
      // The association's neighbours and ten municipal boards' own, as the app asks them (its default families and kinds).
      const boards = municipalities.slice(0, 10).map((m) => m.id.replace('-kommunen', '-kommunstyrelsen'));
      const { nodes, edges } = await focusParts(server.url, ['se-kommunforbundet', ...boards]);
      expect(nodes.size + edges.size).toBeGreaterThan(1_000);
      const { page, errors, close } = await open(`?focus=se-kommunforbundet&depth=1&expand=${boards.join(',')}`);
      try {
        // Every expansion in, and its layout done.
        await page.waitForFunction(
          (n) =>
            (window.styrgrafCanvas?.elements().length ?? 0) === n &&
            document.querySelector('[data-testid="graph-canvas"]')?.getAttribute('data-state') === 'ready' &&
            !document.querySelector('[data-testid="arranging"]'),
          nodes.size + edges.size,
          { timeout: 60_000, polling: 200 },
        );
        const drawnNow = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const y = (n: cytoscape.NodeSingular) => n.position().y;
          const ranked = (rank: string) =>
            cy
              .edges(`[rank = "${rank}"]`)
              .toArray()
              .filter((e) => e.source().id() !== e.target().id());
          return {
            nodes: cy.nodes().map((n) => n.id()),
            edges: cy.edges().map((e) => e.id()),
            boxes: cy.nodes(':parent').length,
            crowded: cy.elements('.crowded').length,
            elements: cy.elements().length,
            down: ranked('down').length,
            downwards: ranked('down').filter((e) => y(e.source()) < y(e.target())).length,
            up: ranked('up').length,
            upwards: ranked('up').filter((e) => y(e.target()) < y(e.source())).length,
          };
        });
        expect(new Set(drawnNow.nodes)).toEqual(nodes);
        expect(new Set(drawnNow.edges)).toEqual(edges);
        // A large view: no compound boxes, every element drawn in the cheap style.
        expect(drawnNow.boxes).toBe(0);
        expect(drawnNow.crowded).toBe(drawnNow.elements);
        // Dagre ranks top-down: every downward line of the hierarchy runs down the screen, every upward one up (rings or force would scatter them).
        expect(drawnNow.down).toBeGreaterThan(100);
        expect(drawnNow.downwards).toBe(drawnNow.down);
        expect(drawnNow.upwards).toBe(drawnNow.up);
        await shot(page, 'country-large-focus');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('caps a hub’s depth-3 focus and says how many more there are', async () => {
      const { data } = (
        await gql<{ neighbourhood: { omitted: number; nodes: { id: string }[] } }>(
          server.url,
          '{ neighbourhood(id: "se-kommunforbundet", depth: 3, first: 400) { omitted nodes { id } } }',
        )
      ).body;
      const omitted = data!.neighbourhood.omitted;
      expect(omitted).toBeGreaterThan(100);
      const { page, close } = await open('?focus=se-kommunforbundet&depth=3');
      try {
        const capped = page.getByTestId('focus-capped');
        await capped.waitFor();
        await expect(capped.textContent()).resolves.toContain(`+${omitted.toLocaleString('sv-SE')} till`);
        const drawnNow = await drawn(page);
        expect(drawnNow.nodes).toBe(data!.neighbourhood.nodes.length);
      } finally {
        await close();
      }
    });
  });
}
