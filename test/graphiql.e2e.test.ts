import type { RunningServer } from '@styrgraf/server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, browserRequired, CHROMIUM } from './browser/harness.ts';
import { startTestServer } from './helpers/server.ts';

/**
 * GraphiQL in a real browser, under the policy the server sends with it: the
 * page loads from our own bundle, nothing breaks the policy, and a query runs.
 */
const missing = browserMissing();
const suite = missing && !browserRequired ? describe.skip : describe;

suite(`GraphiQL in Chromium${missing && !browserRequired ? ` — SKIPPED: ${missing}` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders and runs a query with nothing blocked and nothing fetched from elsewhere', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(String(error)));
    page.on('request', (request) => {
      const { origin } = new URL(request.url());
      if (!['blob:', 'data:'].some((scheme) => request.url().startsWith(scheme)) && origin !== new URL(server.url).origin) elsewhere.push(request.url());
    });
    await page.goto(new URL('graphql', server.url).href);
    await page.locator('.graphiql-execute-button').first().waitFor({ timeout: 30_000 });
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('VemBeslutar'),
    );
    await page.locator('.graphiql-execute-button').first().click();
    const body = (await (await answer).json()) as { data?: { decisionArea?: { name: string } } };
    expect(body.data?.decisionArea?.name).toMatch(/kontorschef/i);
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 90_000);
});
