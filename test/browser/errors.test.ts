import { describe, expect, it } from 'vitest';
import { connectedIds, type ApiSubgraph } from './api-answers.ts';
import { drawn, openPage, shot } from './harness.ts';
import { browserSuite, type SuiteContext } from './guard.ts';
import { DESKTOP } from './sizes.ts';

/**
 * Errors a person understands, in Chromium against the real server: a search
 * that cannot reach the server is not "no hits"; a link's impossible date is
 * dropped with a notice; a wrong id offers the server's suggestion and no
 * retry; an unknown tour ends in words; and the org chart rooted at a nämnd
 * shows who elects it and which kontor works for it.
 */
browserSuite('errors in Chromium', suite);

function suite(ctx: SuiteContext) {
  const { api } = ctx;

  describe('errors in Chromium', () => {
    it('search tells "the server cannot be reached" apart from "no hits"', async () => {
      const { page, close } = await openPage(ctx.world, '', DESKTOP);
      try {
        await drawn(page);
        const search = page.getByRole('combobox', { name: 'Sök i organisationen' });
        const status = page.getByTestId('search-status');
        await search.fill('xqzvw');
        await expect.poll(() => status.textContent()).toBe('Inga träffar för "xqzvw".');
        await page.route('**/graphql', (route) => (route.request().postData()?.includes('query Search') ? route.abort('connectionrefused') : route.continue()));
        await search.fill('Socialn');
        await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Sökningen når inte servern just nu. Kontrollera nätverket och försök igen.');
        await expect(status.getAttribute('data-error-code')).resolves.toBe('NETWORK');
        await shot(page, 'errors-01-search-unreachable');
        await page.unroute('**/graphql');
        await search.fill('Socialnä');
        await page.locator('[role="option"][data-entity-id="socialnamnden"]').waitFor();
      } finally {
        await close();
      }
    });

    it('a link with a date that is not in the calendar opens today’s picture and says what it left out', async () => {
      const { graph } = await api<{ graph: ApiSubgraph }>('{ graph { nodes { id } edges { from { id } to { id } } } }');
      const { page, errors, close } = await openPage(ctx.world, '?date=2026-13-45&sel=kommunstyrelsen', DESKTOP);
      try {
        const notice = page.getByTestId('link-notice');
        await notice.waitFor();
        await expect(notice.textContent()).resolves.toContain('datumet "2026-13-45" finns inte i kalendern');
        // Today's whole picture: every entity the API lists that has a relation (the lonely ones wait behind the toggle).
        expect((await drawn(page)).nodes).toBe(connectedIds(graph).size);
        expect(await page.locator('[role="alert"]').count()).toBe(0);
        // The rest of the link still holds; the address no longer carries the bad date.
        await expect(page.getByTestId('detail-panel').locator('h2').textContent()).resolves.toBe('Kommunstyrelsen');
        expect(new URL(page.url()).search).toBe('?sel=kommunstyrelsen');
        await shot(page, 'errors-02-bad-date-link');
        await notice.getByRole('button', { name: 'Stäng' }).click();
        expect(await notice.count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('an id that does not exist offers the server’s suggestion, and no retry', async () => {
      const { page, close } = await openPage(ctx.world, '?sel=socialnamden', DESKTOP);
      try {
        const alert = page.getByTestId('detail-panel').locator('[role="alert"][data-error-code="NOT_FOUND"]');
        await alert.waitFor();
        expect(await alert.getByRole('button', { name: 'Försök igen' }).count()).toBe(0);
        const suggestion = alert.getByTestId('did-you-mean');
        await expect(suggestion.textContent()).resolves.toBe('Menade du Socialnämnden?');
        await shot(page, 'errors-03-did-you-mean');
        await suggestion.click();
        await page.waitForURL(/sel=socialnamnden/);
        await expect(page.getByTestId('detail-panel').locator('h2').textContent()).resolves.toBe('Socialnämnden');
      } finally {
        await close();
      }
    });

    it('a link to a tour that does not exist ends in words and the tours there are, not a spinner', async () => {
      const { tours } = await api<{ tours: { id: string }[] }>('{ tours { id } }');
      const { page, close } = await openPage(ctx.world, '?view=tours&tour=finns-inte', DESKTOP);
      try {
        const missing = page.getByTestId('tour-not-found');
        await missing.waitFor();
        await expect(missing.textContent()).resolves.toContain('Det finns ingen guidad tur som heter "finns-inte".');
        // The tours there are arrive after the notice: wait for the last, then check there are no more.
        await missing
          .locator('[data-tour-id]')
          .nth(tours.length - 1)
          .waitFor();
        await expect(missing.locator('[data-tour-id]').count()).resolves.toBe(tours.length);
        await page.waitForTimeout(1000);
        expect(await page.locator('.spinner').count()).toBe(0);
        await shot(page, 'errors-04-unknown-tour');
      } finally {
        await close();
      }
    });

    it('the org chart rooted at Socialnämnden shows who elects it and the kontor that works for it (a dotted line)', async () => {
      const { page, close } = await openPage(ctx.world, '?view=org&root=socialnamnden', DESKTOP);
      try {
        const above = page.getByTestId('org-above');
        await above.locator('[data-entity-id="kommunfullmaktige"]').waitFor();
        await expect(above.locator('[data-entity-id="kommunfullmaktige"]').textContent()).resolves.toContain('väljer Socialnämnden');
        const dotted = page.locator('.org-item[data-entity-id="socialnamnden"] .org-beside li[data-relation-kind="SERVES"]');
        await expect(dotted.textContent()).resolves.toBe('får stöd av Socialkontoret');
        await shot(page, 'errors-05-org-socialnamnden');
        // Following the dotted line roots the chart at the kontor: its chain goes up through its head and the kommundirektör.
        await dotted.getByRole('button', { name: 'Socialkontoret' }).click();
        await page.waitForURL(/root=socialkontoret/);
        await above.locator('[data-entity-id="kommundirektor"]').waitFor();
        const chain = await above.locator('[data-entity-id]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entityId));
        expect(chain).toEqual(['kommunfullmaktige', 'kommunstyrelsen', 'kommundirektor', 'socialkontorets-chef']);
      } finally {
        await close();
      }
    });
  });
}
