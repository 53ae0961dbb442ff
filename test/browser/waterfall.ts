/**
 * Where the explorer's first picture spends its time, load by load, in
 * headless Chromium with a performance trace: the page and bundle arriving,
 * the bundle's compile and evaluation, each GraphQL question from sent to
 * answered, the wait for the data, and the layout and first draw on the
 * canvas. A diagnosis, not a test: it prints a table and asserts nothing.
 *
 *   GRAPH_DIR=/tmp/national   the data set to serve (default: graph/, Norrköping)
 *   VIEW='?kommun=s004-kommunen'   the view to open (default: the first screen)
 *   RUNS=3                    loads (default 3)
 *   COMPARE_WEB_DIR=/tmp/dist-before   also serve another build of the web app (e.g. main's) and
 *                             load the two in turn, so that a change is judged by the ratio of
 *                             medians taken on the same machine in the same minute
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { startServer } from '@styrgraf/server';
import { LAPTOP, startWorld } from './harness.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string } };
}

/** One load's phases, in ms since navigation began. */
export interface Waterfall {
  /** The HTML answered. */
  html: number;
  /** The bundle's scripts arrived (the last byte of the last initial script). */
  bundleArrived: number;
  /** Main-thread time compiling and evaluating script up to the first picture. */
  scriptCompile: number;
  scriptEvaluate: number;
  /** Each GraphQL question: its operation, when it was sent, when its answer had arrived, and its size. */
  questions: { operation: string; sent: number; answered: number; bytes: number }[];
  /** The app's marks: the data in hand, the picture drawn. */
  dataInHand: number;
  drawn: number;
  /** The end of the frame after the app's mark: one definition for builds that set the mark before or after Cytoscape's first frame. */
  painted: number;
  /** Main-thread tasks longer than 50 ms between the data in hand and the picture drawn (the layout and first render). */
  longTasksAfterData: number[];
}

async function oneLoad(world: Awaited<ReturnType<typeof startWorld>>, url: string): Promise<Waterfall> {
  const context = await world.browser.newContext(LAPTOP);
  await context.addInitScript(() => window.localStorage.setItem('styrgraf:start-dismissed', '1'));
  // The same end for every build, whenever its own mark is set (before Cytoscape's first frame on main until this branch, after it since): the end of the next frame.
  await context.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name: string, options?: PerformanceMarkOptions) => {
      if (name === 'styrgraf:first-graph-drawn') requestAnimationFrame(() => setTimeout(() => mark('waterfall:painted')));
      return mark(name, options);
    };
  });
  const page = await context.newPage();
  const questions: Waterfall['questions'] = [];
  let origin = 0;
  page.on('requestfinished', (request) => {
    void (async () => {
      if (!request.url().endsWith('/graphql')) return;
      const body = request.postData() ?? '';
      const operation = /\b(?:query|mutation)\s+(\w+)/.exec(body)?.[1] ?? '?';
      const timing = request.timing();
      const size = (await request.sizes()).responseBodySize;
      // timing.startTime is wall-clock ms; the others are relative to it.
      questions.push({ operation, sent: timing.startTime - origin, answered: timing.startTime + timing.responseEnd - origin, bytes: size });
    })();
  });
  await world.browser.startTracing(page, {
    categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline'],
  });
  origin = Date.now();
  await page.goto(url);
  // The navigation's own clock: performance.timeOrigin is wall-clock ms.
  origin = await page.evaluate(() => performance.timeOrigin);
  await page.waitForFunction(() => performance.getEntriesByName('waterfall:painted').length > 0, undefined, { timeout: 120_000, polling: 50 });
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.initiatorType === 'script' || r.name.endsWith('.js'),
    );
    return {
      html: nav.responseEnd,
      bundleArrived: Math.max(0, ...scripts.map((s) => s.responseEnd)),
      dataInHand: performance.getEntriesByName('styrgraf:first-graph-data')[0]!.startTime,
      drawn: performance.getEntriesByName('styrgraf:first-graph-drawn')[0]!.startTime,
      painted: performance.getEntriesByName('waterfall:painted')[0]!.startTime,
    };
  });
  const raw = await world.browser.stopTracing();
  if (process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, raw);
  const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] };
  await page.waitForTimeout(100);
  await context.close();
  // The trace's clock is microseconds on its own base; the app's own mark, seen on both clocks, ties the two together.
  const events = trace.traceEvents;
  const dataMark = events.find((e) => e.name === 'styrgraf:first-graph-data')!.ts;
  const navStart = dataMark - marks.dataInHand * 1000;
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.dur !== undefined && (e.ts - navStart) / 1000 < marks.painted;
  const sum = (names: string[]) => events.filter((e) => names.includes(e.name) && inWindow(e)).reduce((n, e) => n + e.dur! / 1000, 0);
  const longTasks = events
    .filter(
      (e) =>
        e.name === 'RunTask' && e.ph === 'X' && e.dur! > 50_000 && (e.ts - navStart) / 1000 >= marks.dataInHand - 5 && (e.ts - navStart) / 1000 < marks.painted,
    )
    .map((e) => Math.round(e.dur! / 1000));
  return {
    ...marks,
    scriptCompile: sum(['v8.compile', 'V8.CompileCode', 'v8.compileModule', 'CompileScript']),
    scriptEvaluate: sum(['EvaluateScript', 'v8.evaluateModule']),
    questions: questions.sort((a, b) => a.sent - b.sent),
    longTasksAfterData: longTasks,
  };
}

const ms = (n: number) => `${Math.round(n)}`.padStart(6);

export function printWaterfall(w: Waterfall): void {
  console.log(`  html ${ms(w.html)} ms · bundle arrived ${ms(w.bundleArrived)} · compile ${ms(w.scriptCompile)} · evaluate ${ms(w.scriptEvaluate)}`);
  for (const q of w.questions)
    console.log(
      `  ${q.operation.padEnd(16)} sent ${ms(q.sent)} answered ${ms(q.answered)} (${ms(q.answered - q.sent)} ms, ${(q.bytes / 1024).toFixed(1)} KiB)`,
    );
  console.log(
    `  data in hand ${ms(w.dataInHand)} · drawn ${ms(w.drawn)} · painted ${ms(w.painted)} (layout and first render ${ms(w.painted - w.dataInHand)} ms; long tasks ${w.longTasksAfterData.join(', ') || 'none'})`,
  );
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

async function main() {
  const runs = Number(process.env.RUNS ?? 3);
  const world = await startWorld();
  const graphDir = process.env.GRAPH_DIR;
  const here = graphDir ? await startServer({ port: 0, host: '127.0.0.1', graphDir }) : world.server;
  const compare = process.env.COMPARE_WEB_DIR;
  const other = compare ? await startServer({ port: 0, host: '127.0.0.1', webDir: compare, ...(graphDir ? { graphDir } : {}) }) : null;
  const builds = [{ name: 'this build', server: here, drawn: [] as number[], painted: [] as number[], data: [] as number[] }];
  if (other) builds.push({ name: compare!, server: other, drawn: [], painted: [], data: [] });
  try {
    for (let i = 0; i < runs; i++)
      for (const build of builds) {
        const url = new URL(process.env.VIEW ?? '', build.server.url).toString();
        console.log(`load ${i + 1}, ${build.name}: ${url}`);
        const w = await oneLoad(world, url);
        printWaterfall(w);
        build.drawn.push(w.drawn);
        build.painted.push(w.painted);
        build.data.push(w.dataInHand);
      }
    for (const b of builds)
      console.log(
        `${b.name}: painted median ${Math.round(median(b.painted))} ms (its own mark ${Math.round(median(b.drawn))} ms), data in hand median ${Math.round(median(b.data))} ms over ${runs} loads`,
      );
    if (other) console.log(`ratio painted (this build / ${compare}): ${(median(builds[0]!.painted) / median(builds[1]!.painted)).toFixed(2)}`);
  } finally {
    await other?.close();
    if (here !== world.server) await here.close();
    await world.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
