import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@styrgraf/server';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildIfStale } from '../../apps/web/scripts/build-if-stale.mjs';
import { gql, startTestServer } from '../helpers/server.ts';

/**
 * The browser suite's world: the web app built from the current sources, the
 * real server in process on a free port, and Debian's Chromium driven by
 * playwright-core (never `playwright install`).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const artifacts = join(root, '.artifacts');
export const screenshots = join(artifacts, 'screenshots');

/** Why the suite cannot run here, or null when it can. CI sets STYRGRAF_REQUIRE_BROWSER=1: there a missing browser fails instead of skipping. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
}
export const browserRequired = process.env.STYRGRAF_REQUIRE_BROWSER === '1';

export interface World {
  server: RunningServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  await buildIfStale({ quiet: true });
  await mkdir(screenshots, { recursive: true });
  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    server,
    browser,
    url: server.url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', acceptDownloads: true };
export const TABLET: BrowserContextOptions = {
  viewport: { width: 1024, height: 768 },
  hasTouch: true,
  isMobile: false,
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
};

/** A fresh page that collects uncaught errors. The first-visit start card is dismissed unless `guide` asks for it, so it does not cover what a test looks at. */
export async function openPage(
  world: World,
  path = '',
  options: BrowserContextOptions = LAPTOP,
  { guide = false }: { guide?: boolean } = {},
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await world.browser.newContext(options);
  if (!guide) await context.addInitScript(() => window.localStorage.setItem('styrgraf:start-dismissed', '1'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, world.url).toString());
  return { page, errors, close: () => context.close() };
}

/** Waits until the canvas has laid out what it was given, and returns what it drew. */
export async function drawn(page: Page): Promise<{ nodes: number; edges: number }> {
  const canvas = page.getByTestId('graph-canvas');
  await canvas.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
  return page.evaluate(() => ({ nodes: window.styrgrafCanvas!.nodes().length, edges: window.styrgrafCanvas!.edges().length }));
}

/** Where an entity's node sits on the page (not on the canvas), for a mouse to click it; `centre` brings it to the middle first. */
export function nodeOnPage(page: Page, id: string, { centre = false } = {}): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([nodeId, centreFirst]) => {
      const cy = window.styrgrafCanvas!;
      const node = cy.getElementById(nodeId);
      if (centreFirst) cy.center(node);
      const p = node.renderedPosition();
      const box = cy.container()!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    [id, centre] as const,
  );
}

/** Ids of the entities on the canvas. */
export function nodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.styrgrafCanvas!.nodes().map((n) => n.id()));
}

export async function shot(page: Page, name: string): Promise<void> {
  // Let animations (layout, centring) settle so the picture shows the end state.
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** The text of a PDF, page by page, read with pdf.js (whitespace collapsed, so words broken over lines still read as one phrase). */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pageTexts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pageTexts.join(' '), pageTexts };
}

/** The families and kinds the app asks for by default. */
const DEFAULT_FAMILIES = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS'];
const DEFAULT_KINDS = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

/** What a focus on `ids` should draw, as the API answers the app's questions for it (each part's neighbourhood, default families and kinds). */
export async function focusParts(baseUrl: string, ids: readonly string[]): Promise<{ nodes: Set<string>; edges: Set<string> }> {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const id of ids) {
    const { data } = (
      await gql<{ neighbourhood: { nodes: { id: string }[]; edges: { id: string }[] } }>(
        baseUrl,
        'query($id: ID!, $f: [RelationFamily!], $k: [EntityKind!]) { neighbourhood(id: $id, depth: 1, first: 400, families: $f, kinds: $k) { nodes { id } edges { id } } }',
        { id, f: DEFAULT_FAMILIES, k: DEFAULT_KINDS },
      )
    ).body;
    for (const n of data!.neighbourhood.nodes) nodes.add(n.id);
    for (const e of data!.neighbourhood.edges) edges.add(e.id);
  }
  return { nodes, edges };
}
