/**
 * `pnpm bench:web`: the explorer's production bundle size (gzip) and its time
 * to first drawn graph in headless Chromium, against the real server on the
 * embedded store. A benchmark, not a test: it prints numbers and asserts
 * nothing. Writes .artifacts/web-bench.json.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { artifacts, drawn, openPage, root, startWorld } from './harness.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const dist = join(root, 'apps/web/dist');

async function bundle() {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const files = await readdir(join(dist, 'assets'));
  const rows = await Promise.all(
    files.map(async (name) => {
      const bytes = await readFile(join(dist, 'assets', name));
      return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(`assets/${name}`) };
    }),
  );
  const sum = (list: typeof rows) => list.reduce((n, r) => n + r.gzip, 0);
  return { files: rows.sort((a, b) => b.gzip - a.gzip), initialGzip: sum(rows.filter((r) => r.initial)), totalGzip: sum(rows) };
}

const world = await startWorld();
try {
  const sizes = await bundle();
  const times: number[] = [];
  const dataTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, close } = await openPage(world);
    await drawn(page);
    const [data, first] = await page.evaluate(() => ['styrgraf:first-graph-data', 'styrgraf:first-graph-drawn'].map((m) => Math.round(performance.getEntriesByName(m)[0]!.startTime)));
    dataTimes.push(data!);
    times.push(first!);
    await close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  for (const f of sizes.files) console.log(`${f.initial ? '*' : ' '} ${f.name.padEnd(36)} ${kb(f.bytes).padStart(10)} ${kb(f.gzip).padStart(10)} gzip`);
  console.log(`initial load (* above): ${kb(sizes.initialGzip)} gzip; everything: ${kb(sizes.totalGzip)} gzip`);
  const dataMedian = [...dataTimes].sort((a, b) => a - b)[Math.floor(dataTimes.length / 2)]!;
  console.log(`time to first drawn graph over ${RUNS} loads: median ${median} ms (min ${sorted[0]} ms, max ${sorted.at(-1)} ms); the data was in hand at ${dataMedian} ms (median)`);
  await writeFile(join(artifacts, 'web-bench.json'), `${JSON.stringify({ ...sizes, firstGraphMs: { median, runs: times, dataInHandMedian: dataMedian } }, null, 2)}\n`);
} finally {
  await world.close();
}
