import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawn, openPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP } from './sizes.ts';

/**
 * How sure each fact is, in Chromium against the real server: the detail
 * panel's words for a stated relation (with its quote), a reading (with the
 * reading) and the one contested text ("styrelsens presidium", with each
 * reading); a weak source with its year; the canvas's badge per status; the
 * legend; the path finder's step markers; the table and its CSV; and posts in
 * their organisations. Every expected answer is the API's.
 */
browserSuite('evidence and posts in Chromium', suite);

interface ApiEvidence {
  status: string;
  confidence: string | null;
  wording: string;
  marker: string | null;
  quote: string | null;
  quotedFrom: { name: string } | null;
  note: string | null;
  readings: string[];
  attested: string | null;
}
interface ApiRelation {
  id: string;
  family: string;
  sentence: string;
  from: { id: string };
  evidence: ApiEvidence;
}
const RELATIONS = /* GraphQL */ `
  query ($id: ID!, $asOf: Date, $lang: Lang = SV) {
    entity(id: $id) {
      relations(asOf: $asOf) {
        id
        family
        sentence(lang: $lang)
        from {
          id
        }
        evidence {
          status
          confidence
          wording(lang: $lang)
          marker(lang: $lang)
          quote
          quotedFrom {
            name
          }
          note(lang: $lang)
          readings(lang: $lang)
          attested
        }
      }
    }
  }
`;

/** Today as the app reckons it: the day in Stockholm. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** What the detail panel shows of one relation's evidence, once its item is opened. */
async function panelEvidence(page: Page, relationId: string) {
  const item = page.locator(`[data-testid="detail-panel"] .relation-item[data-relation-id="${relationId}"]`);
  await item.locator('summary').click();
  const box = item.locator('[data-testid="evidence"]');
  await box.waitFor();
  return {
    status: await box.getAttribute('data-evidence'),
    wording: await box.locator('.evidence-wording').textContent(),
    quote: (await box.locator('blockquote').count()) > 0 ? await box.locator('blockquote').textContent() : null,
    source: (await box.locator('figcaption').count()) > 0 ? await box.locator('figcaption').textContent() : null,
    text: await box.textContent(),
    readings: await box.locator('.evidence-readings li').allTextContents(),
  };
}

function suite(ctx: SuiteContext) {
  const { api } = ctx;
  const relationsOf = (id: string, asOf: string | null = today(), lang = 'SV') =>
    api<{ entity: { relations: ApiRelation[] } }>(RELATIONS, { id, asOf, lang }).then((d) => d.entity.relations);

  describe('evidence and posts in Chromium', () => {
    it('the detail panel lists what is in force today, and says how each relation is known: a stated one with its quote, a reading with the reading', async () => {
      const now = await relationsOf('kommundirektor');
      const ever = await relationsOf('kommundirektor', null);
      // The director's närvarorätt in tekniska nämnden ended with that nämnd; the panel of today must not list it.
      const ended = ever.filter((r) => !now.some((n) => n.id === r.id)).map((r) => r.id);
      expect(ended).toContain('kommundirektor.attends_and_speaks.tekniska-namnden');
      const stated = now.find((r) => r.evidence.status === 'STATED' && r.evidence.quote && r.evidence.quotedFrom)!;
      const reading = now.find((r) => r.evidence.status === 'INTERPRETED' && r.evidence.note && r.evidence.quote)!;
      const { page, errors, close } = await openPage(ctx.world, '?sel=kommundirektor', DESKTOP);
      try {
        const panel = page.getByTestId('detail-panel');
        await panel.locator('.relation-item').first().waitFor();
        const listed = await panel.locator('.relation-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.relationId!));
        expect(listed.sort()).toEqual(
          now
            .filter((r) => r.family !== 'REFERENCE')
            .map((r) => r.id)
            .sort(),
        );
        for (const id of ended) expect(listed).not.toContain(id);

        const s = await panelEvidence(page, stated.id);
        expect(s.status).toBe('STATED');
        expect(s.wording).toBe(stated.evidence.wording);
        expect(s.wording).toMatch(/^Enligt /);
        expect(s.quote).toBe(`”${stated.evidence.quote}”`);
        expect(s.source).toContain(stated.evidence.quotedFrom!.name);

        const r = await panelEvidence(page, reading.id);
        expect(r.status).toBe('INTERPRETED');
        expect(r.wording).toBe('Tolkning');
        expect(r.text).toContain(`Läsningen: ${reading.evidence.note}`);
        expect(r.quote).toBe(`”${reading.evidence.quote}”`);
        await shot(page, 'evidence-01-stated-and-reading');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the contested relation — "styrelsens presidium" — says "oklart" and gives each reading, in the panel and on its own', async () => {
      const contested = (await relationsOf('ks-presidium')).find((r) => r.evidence.status === 'CONTESTED')!;
      expect(contested.evidence.readings.length).toBeGreaterThanOrEqual(2);
      expect(contested.evidence.quote).toContain('styrelsens presidium');
      const { page, close } = await openPage(ctx.world, '?sel=ks-presidium', DESKTOP);
      try {
        await page.getByTestId('detail-panel').locator('.relation-item').first().waitFor();
        const c = await panelEvidence(page, contested.id);
        expect(c.status).toBe('CONTESTED');
        expect(c.wording).toBe(contested.evidence.wording);
        expect(c.wording).toMatch(/^Oklart/);
        expect(c.quote).toBe(`”${contested.evidence.quote}”`);
        expect(c.readings).toEqual(contested.evidence.readings.map((reading, i) => `Läsning ${i + 1}: ${reading}`));
        await shot(page, 'evidence-02-contested');

        // The relation opened on its own, in English: the same readings, the API's English words.
        const english = (await relationsOf('ks-presidium', today(), 'EN')).find((r) => r.id === contested.id);
        await page.goto(new URL(`?lang=en&sel=r:${contested.from.id}:${contested.id}`, ctx.world.url).toString());
        const box = page.getByTestId('detail-panel').locator('[data-testid="evidence"]');
        await box.waitFor();
        await expect(box.locator('.evidence-wording').textContent()).resolves.toBe(english!.evidence.wording);
        await expect(box.locator('.evidence-readings li').allTextContents()).resolves.toEqual(
          english!.evidence.readings.map((reading, i) => `Reading ${i + 1}: ${reading}`),
        );
      } finally {
        await close();
      }
    });

    it('a fact from a weak source says so, with the year it was last shown true', async () => {
      const weak = (await relationsOf('norrkoping-airport-ab')).find((r) => r.evidence.status === 'SOURCED' && r.evidence.confidence === 'LOW')!;
      expect(weak.evidence.attested).toMatch(/^\d{4}/);
      const { page, close } = await openPage(ctx.world, '?sel=norrkoping-airport-ab', DESKTOP);
      try {
        await page.getByTestId('detail-panel').locator('.relation-item').first().waitFor();
        const w = await panelEvidence(page, weak.id);
        expect(w.status).toBe('SOURCED_LOW');
        expect(w.wording).toBe(weak.evidence.wording);
        expect(w.text).toContain(`Senast belagt ${weak.evidence.attested}.`);
        // The sentence carries the bracketed word too.
        await expect(page.locator(`.relation-item[data-relation-id="${weak.id}"] summary`).textContent()).resolves.toContain(`(${weak.evidence.marker})`);
      } finally {
        await close();
      }
    });

    it('the canvas marks each line by how it is known, as many of each as the API has, and the legend explains the marks', async () => {
      const { graph } = await api<{ graph: { edges: { id: string; evidence: { status: string; confidence: string | null } }[] } }>(
        '{ graph { edges { id evidence { status confidence } } } }',
      );
      const { vocabulary } = await api<{ vocabulary: { evidenceStatuses: { status: string; label: string; description: string }[] } }>(
        '{ vocabulary { evidenceStatuses { status label description } } }',
      );
      const key = (e: { status: string; confidence: string | null }) => (e.status === 'SOURCED' && e.confidence === 'LOW' ? 'SOURCED_LOW' : e.status);
      const expected: Record<string, number> = {};
      for (const e of graph.edges) expected[key(e.evidence)] = (expected[key(e.evidence)] ?? 0) + 1;
      expect(Object.keys(expected).sort()).toEqual(['CONTESTED', 'INTERPRETED', 'SOURCED', 'SOURCED_LOW', 'STATED']);
      const { page, close } = await openPage(ctx.world, '', DESKTOP);
      try {
        await drawn(page);
        const onCanvas = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const counts: Record<string, number> = {};
          const marks: Record<string, string> = {};
          for (const e of cy.edges().toArray()) {
            const k = String(e.data('evidence'));
            counts[k] = (counts[k] ?? 0) + 1;
            marks[k] = `${e.style('mid-target-arrow-shape')}/${e.style('mid-target-arrow-fill')}`;
          }
          return { counts, marks };
        });
        expect(onCanvas.counts).toEqual(expected);
        expect(onCanvas.marks).toEqual({
          STATED: 'none/filled',
          INTERPRETED: 'circle/hollow',
          CONTESTED: 'diamond/filled',
          SOURCED: 'square/hollow',
          SOURCED_LOW: 'square/filled',
        });
        // The line's words carry the bracketed marker where one is due.
        const contestedLabel = await page.evaluate(() => String(window.styrgrafCanvas!.edges('[evidence = "CONTESTED"]').first().data('label')));
        expect(contestedLabel).toMatch(/\(omstritt\)$/);

        const legend = page.getByTestId('evidence-legend');
        const rows = await legend.locator('li').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.evidence!));
        expect(rows).toEqual(['STATED', 'INTERPRETED', 'CONTESTED', 'SOURCED', 'SOURCED_LOW']);
        for (const s of vocabulary.evidenceStatuses) {
          const row = legend.locator(`li[data-evidence="${s.status}"]`);
          await expect(row.textContent()).resolves.toBe(`${s.label}${s.description}`);
        }
        await legend.scrollIntoViewIfNeeded();
        await shot(page, 'evidence-03-legend');
      } finally {
        await close();
      }
    });

    it('the path finder marks each step that rests on a reading or a weak source', async () => {
      const { paths } = await api<{ paths: { explanation: string; steps: { relation: { evidence: { marker: string | null } } }[] }[] }>(
        '{ paths(from: "kommunstyrelsen", to: "nodra-ab", mode: ALL, maxLength: 4, first: 12) { explanation steps { relation { evidence { marker } } } } }',
      );
      const marked = paths.findIndex((p) => p.steps.some((s) => s.relation.evidence.marker));
      expect(marked).toBeGreaterThan(-1);
      const { page, close } = await openPage(ctx.world, '?from=kommunstyrelsen&to=nodra-ab&all=1', DESKTOP);
      try {
        const cards = page.getByTestId('path-card');
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="path-card"]').length === n, paths.length);
        const card = cards.nth(marked);
        await expect(card.textContent()).resolves.toContain(paths[marked]!.explanation);
        await card.click();
        await page.waitForURL(new RegExp(`path=${marked}`));
        const steps = page.locator('.path-steps > li');
        await expect(steps.count()).resolves.toBe(paths[marked]!.steps.length);
        const shown = await steps.evaluateAll((items) => items.map((li) => li.querySelector('[data-testid="evidence-mark"]')?.textContent ?? null));
        expect(shown).toEqual(paths[marked]!.steps.map((s) => s.relation.evidence.marker));
        await shot(page, 'evidence-04-path-markers');
      } finally {
        await close();
      }
    });

    it('the table says how each relation is known, and the CSV carries it with the quote or the readings', async () => {
      const { graph } = await api<{ graph: { edges: { id: string; evidence: { wording: string; readings: string[] } }[] } }>(
        '{ graph { edges { id evidence { wording readings } } } }',
      );
      const contested = graph.edges.find((e) => e.evidence.readings.length > 1)!;
      const { page, close } = await openPage(ctx.world, '?view=table', DESKTOP);
      try {
        const table = page.getByTestId('table-relations');
        await table.locator('tbody tr').first().waitFor();
        // Sorted by evidence, a page of rows reads from what the instruction says to what a weak source suggests; the contested relation among them.
        await table.getByRole('button', { name: /^Belägg/ }).click();
        await table.locator('input').fill(contested.evidence.wording);
        await expect.poll(() => table.locator('tbody tr').count()).toBe(graph.edges.filter((e) => e.evidence.wording === contested.evidence.wording).length);
        await expect(table.locator(`tr[data-row-id="${contested.id}"] .table-evidence`).textContent()).resolves.toContain(contested.evidence.wording);
        await shot(page, 'evidence-05-table');
        await table.locator('input').fill('');

        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-relations-csv').click()]);
        const text = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
        const lines = text.trimEnd().split('\r\n');
        expect(lines[0]).toBe('Från,Relation,Till,Familj,I ord,Belägg,Citat eller läsning,Bestämmelser,Gäller');
        expect(lines.length - 1).toBe(graph.edges.length);
        const words = new Map<string, number>();
        for (const e of graph.edges) words.set(e.evidence.wording, (words.get(e.evidence.wording) ?? 0) + 1);
        for (const [wording, n] of words) expect(lines.filter((l) => l.includes(`,${wording},`)).length, wording).toBe(n);
        for (const [i, reading] of contested.evidence.readings.entries()) expect(text).toContain(`Läsning ${i + 1}: ${reading}`.replace(/"/g, '""'));
      } finally {
        await close();
      }
    });

    it('a post sits inside its organisation on the canvas and says where it sits and what it is one of; a generic role lists its posts', async () => {
      const { post, role } = await api<{
        post: { name: string; postIn: { id: string; name: string }; role: { id: string; name: string } };
        role: { generic: boolean; posts: { id: string; postIn: { name: string } }[] };
      }>(
        `query($asOf: Date) { post: entity(id: "vd-nodra-ab") { name ... on Actor { postIn { id name } role { id name } } } role: entity(id: "vd-dotterbolag") { ... on Actor { generic posts(asOf: $asOf) { id postIn { name } } } } }`,
        { asOf: today() },
      );
      expect(role.generic).toBe(true);
      const { page, close } = await openPage(ctx.world, '?sel=vd-nodra-ab', DESKTOP);
      try {
        await drawn(page);
        const onCanvas = await page.evaluate(() => {
          const cy = window.styrgrafCanvas!;
          const n = cy.getElementById('vd-nodra-ab');
          return {
            parent: n.parent().first().id(),
            label: String(n.data('label')),
            chairParent: cy.getElementById('ordforande-nodra-ab').parent().first().id(),
          };
        });
        expect(onCanvas).toEqual({ parent: post.postIn.id, label: 'VD', chairParent: post.postIn.id });
        const section = page.getByTestId('post');
        await expect(section.getByTestId('post-in').textContent()).resolves.toContain(post.postIn.name);
        await expect(section.getByTestId('post-role').textContent()).resolves.toContain(post.role.name);
        await shot(page, 'evidence-06-post');

        await section.getByTestId('post-role').getByRole('button').click();
        await page.waitForURL(new RegExp(`sel=${post.role.id}`));
        const generic = page.getByTestId('generic-role');
        await generic.waitFor();
        const listed = await generic.locator('li').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.entityId!));
        expect(listed).toEqual(role.posts.map((p) => p.id));
        await expect(generic.locator('li[data-entity-id="vd-nodra-ab"]').textContent()).resolves.toContain(`i ${post.postIn.name}`);
      } finally {
        await close();
      }
    });
  });
}
