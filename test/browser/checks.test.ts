import { describe, expect, it } from 'vitest';
import { drawn, openPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP, PHONE } from './sizes.ts';

/**
 * Kontroller, the decision matrix's marks and the handout, in Chromium
 * against the real server: the rule checks for the chosen date as
 * `ruleChecks` gives them (counts, verdicts, findings, the entities linked
 * to the graph), the decisions the sources leave without a single decider
 * as `decisionAreas` marks them, and the handout's summary of both.
 */
browserSuite('checks and unsettled decisions in Chromium', suite);

interface ApiCheck {
  id: string;
  title: string;
  status: 'PASS' | 'WARN' | 'FAIL';
  statusLabel: string;
  summary: string;
  findings: { message: string; entities: { id: string; kind: string }[]; relations: { id: string }[]; provisions: { id: string }[] }[];
}
const CHECKS = /* GraphQL */ `
  query ($asOf: Date, $lang: Lang = SV) {
    ruleChecks(asOf: $asOf) {
      id
      title(lang: $lang)
      status
      statusLabel(lang: $lang)
      summary(lang: $lang)
      findings {
        message(lang: $lang)
        entities {
          id
          kind
        }
        relations {
          id
        }
        provisions {
          id
        }
      }
    }
  }
`;
interface ApiArea {
  id: string;
  name: string;
  settled: boolean;
  settledReason: string | null;
  notDelegable: string | null;
  participants: { actor: { id: string; name: string }; role: string; evidence: { marker: string | null } }[];
}
const AREAS = /* GraphQL */ `
  {
    decisionAreas {
      id
      name
      settled
      settledReason
      notDelegable
      participants {
        role
        actor {
          id
          name
        }
        evidence {
          marker
        }
      }
    }
  }
`;

const count = (checks: readonly ApiCheck[], status: ApiCheck['status']) => checks.filter((c) => c.status === status).length;

function suite(ctx: SuiteContext) {
  const { api } = ctx;

  describe('checks and unsettled decisions in Chromium', () => {
    it('Kontroller gives every rule with its verdict, summary and findings as ruleChecks does, by word, shape and colour', async () => {
      const { ruleChecks } = await api<{ ruleChecks: ApiCheck[] }>(CHECKS);
      expect(ruleChecks.length).toBeGreaterThanOrEqual(10);
      const { page, errors, close } = await openPage(ctx.world, '?view=checks', DESKTOP);
      try {
        const view = page.getByTestId('checks-view');
        await view.locator('[data-check-id]').first().waitFor();
        for (const status of ['PASS', 'WARN', 'FAIL'] as const)
          await expect(view.getByTestId(`checks-count-${status}`).textContent()).resolves.toBe(String(count(ruleChecks, status)));
        const items = await view
          .locator('[data-check-id]')
          .evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.checkId, (e as HTMLElement).dataset.status]));
        expect(items).toEqual(ruleChecks.map((c) => [c.id, c.status]));
        for (const check of ruleChecks) {
          const item = view.locator(`[data-check-id="${check.id}"]`);
          await expect(item.locator('h3').textContent()).resolves.toBe(check.title);
          await expect(item.getByTestId('check-summary').textContent()).resolves.toBe(check.summary);
          // The verdict is a word and a shape, not a colour alone.
          await expect(item.locator('.rule-check-head .rule-badge').textContent()).resolves.toBe(check.statusLabel);
          expect(await item.locator('.rule-check-head .rule-badge svg').count()).toBe(1);
          if (check.findings.length > 0) await item.getByTestId('findings-toggle').click();
          await expect(item.getByTestId('finding').count()).resolves.toBe(check.findings.length);
          for (const [i, f] of check.findings.entries()) {
            const finding = item.getByTestId('finding').nth(i);
            await expect(finding.locator('.rule-finding-message').textContent()).resolves.toBe(f.message);
            const entities = await finding.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entityId));
            expect(entities).toEqual(f.entities.map((e) => e.id));
            expect(await finding.locator('[data-relation-id]').count()).toBe(f.relations.length);
            expect(await finding.locator('[data-provision-id]').count()).toBe(f.provisions.length);
          }
        }
        await shot(page, 'checks-01-desktop');
        // A warning's tile shows only the warnings.
        await view.locator('.checks-tile.tile-rule-warn').click();
        await expect.poll(() => view.locator('[data-check-id]').count()).toBe(count(ruleChecks, 'WARN'));
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('an entity a finding names opens in the graph, selected; a date in the link checks the organisation of that day', async () => {
      const { ruleChecks } = await api<{ ruleChecks: ApiCheck[] }>(CHECKS, { asOf: '2020-06-01' });
      const { ruleChecks: todays } = await api<{ ruleChecks: ApiCheck[] }>(CHECKS);
      const check = ruleChecks.find((c) => c.findings.some((f) => f.entities.some((e) => e.kind !== 'DECISION_AREA')))!;
      const entity = check.findings.flatMap((f) => f.entities).find((e) => e.kind !== 'DECISION_AREA')!;
      const { page, close } = await openPage(ctx.world, '?view=checks&date=2020-06-01', DESKTOP);
      try {
        const view = page.getByTestId('checks-view');
        await view.locator('[data-check-id]').first().waitFor();
        await expect(view.locator('.view-header p').textContent()).resolves.toContain('1 juni 2020');
        for (const c of ruleChecks)
          await expect(view.locator(`[data-check-id="${c.id}"] [data-testid="check-summary"]`).textContent()).resolves.toBe(c.summary);
        // The day matters: some rule reads differently from today's.
        expect(ruleChecks.map((c) => c.summary)).not.toEqual(todays.map((c) => c.summary));
        const item = view.locator(`[data-check-id="${check.id}"]`);
        await item.getByTestId('findings-toggle').click();
        await item.locator(`[data-entity-id="${entity.id}"]`).first().click();
        await page.waitForURL(new RegExp(`sel=${entity.id}`));
        expect(new URL(page.url()).searchParams.get('view')).toBeNull();
        expect(new URL(page.url()).searchParams.get('date')).toBe('2020-06-01');
        await drawn(page);
        await page.waitForFunction((id) => window.styrgrafCanvas!.getElementById(id).hasClass('selected'), entity.id);
      } finally {
        await close();
      }
    });

    it('Kontroller speaks English, and fits a phone', async () => {
      const { ruleChecks } = await api<{ ruleChecks: ApiCheck[] }>(CHECKS, { lang: 'EN' });
      const { page, close } = await openPage(ctx.world, '?view=checks&lang=en', PHONE);
      try {
        const view = page.getByTestId('checks-view');
        await view.locator('[data-check-id]').first().waitFor();
        await expect(view.locator('h2').textContent()).resolves.toBe('Checks against the law and the instruction');
        for (const c of ruleChecks) await expect(view.locator(`[data-check-id="${c.id}"] h3`).textContent()).resolves.toBe(c.title);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
        await shot(page, 'checks-02-phone-english');
      } finally {
        await close();
      }
    });

    it('the decision matrix marks each decision the sources give no single decider, with the reason, and the one the law keeps with the body', async () => {
      const { decisionAreas } = await api<{ decisionAreas: ApiArea[] }>(AREAS);
      const unsettled = decisionAreas.filter((a) => !a.settled);
      const kept = decisionAreas.filter((a) => a.notDelegable);
      expect(unsettled.length).toBeGreaterThan(0);
      expect(kept.length).toBeGreaterThan(0);
      const { page, close } = await openPage(ctx.world, '?view=matrix', DESKTOP);
      try {
        const matrix = page.getByTestId('decision-matrix');
        await matrix.locator('tr[data-area-id]').first().waitFor();
        const marked = await matrix.locator('tr[data-settled="false"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.areaId!));
        expect(marked.sort()).toEqual(unsettled.map((a) => a.id).sort());
        for (const a of unsettled) {
          const row = matrix.locator(`tr[data-area-id="${a.id}"]`);
          await expect(row.getByTestId('area-unsettled').textContent()).resolves.toContain('Ingen ensam beslutsfattare');
          await expect(row.getByTestId('area-unsettled-reason').textContent()).resolves.toBe(a.settledReason);
        }
        const flaggedKept = await matrix
          .locator('tr[data-area-id]:has([data-testid="area-not-delegable"])')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.areaId!));
        expect(flaggedKept.sort()).toEqual(kept.map((a) => a.id).sort());
        // Each role that rests on a reading or a contested text carries its word in the cell.
        for (const a of decisionAreas)
          for (const p of a.participants.filter((x) => x.evidence.marker)) {
            const cell = matrix.locator(`tr[data-area-id="${a.id}"] td[data-actor-id="${p.actor.id}"]`);
            await expect(cell.locator('[data-testid="evidence-mark"]').allTextContents()).resolves.toContain(p.evidence.marker);
          }
        await shot(page, 'checks-03-matrix-marks');
      } finally {
        await close();
      }
    });

    it('the handout carries the rule checks, the decisions without a single decider, and the bracketed words in its decision table', async () => {
      const [{ ruleChecks }, { decisionAreas }] = await Promise.all([api<{ ruleChecks: ApiCheck[] }>(CHECKS), api<{ decisionAreas: ApiArea[] }>(AREAS)]);
      const { page, close } = await openPage(ctx.world, '?view=handout', DESKTOP);
      try {
        const handout = page.locator('[data-testid="handout"][data-ready="true"]');
        await handout.waitFor();
        const checks = handout.getByTestId('handout-checks');
        const listed = await checks
          .locator('li')
          .evaluateAll((items) => items.map((i) => [(i as HTMLElement).dataset.checkId, (i as HTMLElement).dataset.status]));
        expect(listed).toEqual(ruleChecks.map((c) => [c.id, c.status]));
        for (const c of ruleChecks) await expect(checks.locator(`li[data-check-id="${c.id}"]`).textContent()).resolves.toContain(c.summary);
        for (const status of ['PASS', 'WARN', 'FAIL'] as const)
          await expect(handout.getByTestId(`checks-count-${status}`).textContent()).resolves.toBe(String(count(ruleChecks, status)));
        const unsettled = await handout
          .getByTestId('handout-unsettled')
          .locator('li')
          .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.areaId));
        expect(unsettled.sort()).toEqual(
          decisionAreas
            .filter((a) => !a.settled)
            .map((a) => a.id)
            .sort(),
        );
        const contested = decisionAreas.flatMap((a) =>
          a.participants.filter((p) => p.evidence.marker === 'omstritt').map((p) => ({ area: a.id, name: p.actor.name })),
        );
        expect(contested.length).toBeGreaterThan(0);
        for (const c of contested)
          await expect(handout.locator(`.handout-table tr[data-area-id="${c.area}"]`).textContent()).resolves.toContain(`${c.name} (omstritt)`);
        await handout.getByTestId('handout-checks').scrollIntoViewIfNeeded();
        await shot(page, 'checks-04-handout');
      } finally {
        await close();
      }
    });
  });
}
