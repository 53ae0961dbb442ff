/**
 * The explorer's figures in headless Chromium, against the real server on
 * the embedded store: the production bundle size (gzip), the time to the
 * first drawn graph, and frames per second while the canvas is panned and
 * zoomed. `pnpm bench` uses these on Norrköping and on the national set;
 * `pnpm bench:web` runs them on Norrköping alone and writes
 * .artifacts/web-bench.json. A benchmark, not a test: it prints numbers and
 * asserts nothing.
 *
 *   RUNS=3                    loads to measure (default 7)
 *   GRAPH_DIR=/tmp/national   serve another data set (e.g. from `pnpm graph:generate`)
 *   VIEW='?kinds=company,organisation&families=ownership'   open this view instead of the default
 *   NATIONAL=290              then generate a set of this many municipalities (seed 7) and time its
 *                             default view, the overview ("national default view drawn"); 0 skips it
 *
 * Sizes are what is sent: the brotli copy the build wrote (apps/web/scripts/precompress.mjs),
 * beside gzip; the copies themselves are not counted as files.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '@styrgraf/server';
import { generateSet } from '../synthetic-set.ts';
import { artifacts, openPage, root, startWorld, type World } from './harness.ts';

const dist = join(root, 'apps/web/dist');

export async function bundle() {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const all = await readdir(join(dist, 'assets'));
  const files = all.filter((name) => !/\.(br|gz)$/.test(name));
  const rows = await Promise.all(
    files.map(async (name) => {
      const bytes = await readFile(join(dist, 'assets', name));
      // What the server sends a browser that accepts brotli: the build's copy, or the file itself when there is none (too small to gain).
      const br = all.includes(`${name}.br`) ? (await readFile(join(dist, 'assets', `${name}.br`))).length : bytes.length;
      return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, br, initial: initial.has(`assets/${name}`) };
    }),
  );
  const sum = (list: typeof rows, key: 'bytes' | 'gzip' | 'br') => list.reduce((n, r) => n + r[key], 0);
  const first = rows.filter((r) => r.initial);
  return {
    files: rows.sort((a, b) => b.gzip - a.gzip),
    initialBytes: sum(first, 'bytes'),
    initialGzip: sum(first, 'gzip'),
    initialBrotli: sum(first, 'br'),
    totalGzip: sum(rows, 'gzip'),
    totalBrotli: sum(rows, 'br'),
  };
}

export interface FirstGraph {
  /** Time from navigation to the first drawn graph (the app's styrgraf:first-graph-drawn mark), per load. */
  drawnMs: number[];
  /** …and to the data being in hand (styrgraf:first-graph-data). */
  dataMs: number[];
  nodes: number;
  edges: number;
  /** Frames per second while panning and zooming, per load (when asked for). */
  fps: number[];
}

/** Opens `path` `runs` times in fresh pages and reads the app's own performance marks; with `fpsMs`, then pans and zooms for that long. */
export async function firstGraph(
  world: World,
  path: string,
  { runs, timeoutMs = 60_000, fpsMs = 0 }: { runs: number; timeoutMs?: number; fpsMs?: number },
): Promise<FirstGraph> {
  const result: FirstGraph = { drawnMs: [], dataMs: [], nodes: 0, edges: 0, fps: [] };
  for (let i = 0; i < runs; i++) {
    const { page, close } = await openPage(world, path);
    try {
      await page.waitForFunction(() => performance.getEntriesByName('styrgraf:first-graph-drawn').length > 0, undefined, { timeout: timeoutMs, polling: 100 });
      const [data, drawn] = await page.evaluate(() =>
        ['styrgraf:first-graph-data', 'styrgraf:first-graph-drawn'].map((m) => performance.getEntriesByName(m)[0]!.startTime),
      );
      result.dataMs.push(data!);
      result.drawnMs.push(drawn!);
      ({ nodes: result.nodes, edges: result.edges } = await page.evaluate(() => ({
        nodes: window.styrgrafCanvas!.nodes().length,
        edges: window.styrgrafCanvas!.edges().length,
      })));
      if (fpsMs > 0) result.fps.push(await panZoomFps(page, fpsMs));
    } finally {
      await close();
    }
  }
  return result;
}

/**
 * Pans and zooms the canvas a little on every animation frame for `ms`, as a
 * user dragging and scrolling does, and counts the frames the page managed:
 * a frame Cytoscape takes long to draw delays the next callback.
 */
export async function panZoomFps(page: Page, ms: number): Promise<number> {
  // Let the layout's closing animation finish, so that it is not counted.
  await page.waitForTimeout(800);
  // tsx keeps function names with a helper (__name) that the page does not have; a string is not transformed.
  await page.evaluate('window.__name ??= (f) => f');
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        const cy = window.styrgrafCanvas!;
        const base = cy.zoom();
        const centre = { x: cy.width() / 2, y: cy.height() / 2 };
        let frames = 0;
        let start = 0;
        const step = (now: number) => {
          if (start === 0) start = now;
          const t = now - start;
          if (t >= duration) {
            resolve((frames * 1000) / t);
            return;
          }
          frames++;
          cy.panBy({ x: Math.sin(t / 250) * 12, y: Math.cos(t / 330) * 9 });
          cy.zoom({ level: base * (1 + 0.6 * Math.sin(t / 600)), renderedPosition: centre });
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    ms,
  );
}

/** The national set's default view (the overview) timed like the first graph: `NATIONAL` municipalities, 290 unless said. */
async function nationalDefaultView(world: World, runs: number): Promise<{ municipalities: number; median: number; runs: number[] } | null> {
  const municipalities = Number(process.env.NATIONAL ?? 290);
  if (!(municipalities > 1)) return null;
  const set = await generateSet(municipalities, 7);
  const server = await startServer({ port: 0, host: '127.0.0.1', graphDir: set.dir });
  try {
    const result = await firstGraph({ ...world, server, url: server.url }, '', { runs, timeoutMs: 60_000 });
    const sorted = [...result.drawnMs].sort((a, b) => a - b).map(Math.round);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `national default view drawn (${municipalities} municipalities: ${result.nodes} nodes, ${result.edges} edges) over ${runs} loads: median ${median} ms (min ${sorted[0]} ms, max ${sorted.at(-1)} ms); target < 2000 ms`,
    );
    return { municipalities, median, runs: sorted };
  } finally {
    await server.close();
    await set.remove();
  }
}

async function main() {
  const runs = Number(process.env.RUNS ?? 7);
  const view = process.env.VIEW ?? '';
  const world = await startWorld();
  const other = process.env.GRAPH_DIR ? await startServer({ port: 0, host: '127.0.0.1', graphDir: process.env.GRAPH_DIR }) : null;
  try {
    const sizes = await bundle();
    const first = await firstGraph(other ? { ...world, server: other, url: other.url } : world, view, { runs, timeoutMs: 180_000, fpsMs: 2_000 });
    const sorted = [...first.drawnMs].sort((a, b) => a - b).map(Math.round);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const dataMedian = [...first.dataMs].sort((a, b) => a - b).map(Math.round)[Math.floor(first.dataMs.length / 2)]!;
    const fpsMedian = [...first.fps].sort((a, b) => a - b)[Math.floor(first.fps.length / 2)]!;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    for (const f of sizes.files)
      console.log(`${f.initial ? '*' : ' '} ${f.name.padEnd(36)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)} gzip ${kb(f.br).padStart(10)} br`);
    console.log(
      `initial load (* above): ${kb(sizes.initialBytes)} uncompressed, ${kb(sizes.initialGzip)} gzip, ${kb(sizes.initialBrotli)} brotli (sent); everything: ${kb(sizes.totalGzip)} gzip, ${kb(sizes.totalBrotli)} brotli`,
    );
    console.log(
      `time to first drawn graph over ${runs} loads: median ${median} ms (min ${sorted[0]} ms, max ${sorted.at(-1)} ms); the data was in hand at ${dataMedian} ms (median)`,
    );
    console.log(`panning and zooming ${first.nodes} nodes and ${first.edges} edges: ${fpsMedian.toFixed(0)} frames per second (median)`);
    const national = await nationalDefaultView(world, runs);
    await writeFile(
      join(artifacts, 'web-bench.json'),
      `${JSON.stringify({ ...sizes, firstGraphMs: { median, runs: sorted, dataInHandMedian: dataMedian }, panZoomFps: { median: fpsMedian, runs: first.fps }, nationalDefaultViewMs: national }, null, 2)}\n`,
    );
  } finally {
    await other?.close();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
