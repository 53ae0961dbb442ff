/**
 * The growth table of `pnpm bench`: how load, memory and every store call
 * grow from Norrköping to one, two and four times the national set (290,
 * 580 and 1,160 synthetic municipalities, seed 7). Cost that grows with the
 * answer, not with the country, shows as a flat row; a row that doubles with
 * each column is work that reads the whole data set. The last column holds
 * each row's largest-set figure to linear growth from the national set's,
 * met or missed. Each call is timed on the wall clock, without the calls a GC
 * pause fell in, and by CPU time, and the walks and the quiz count what they
 * read: on a shared machine the counts and CPU time say what the wall clock
 * cannot.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';
import { drawQuiz, QuestionBank, readQuizGraph, type QuizGraph } from '@styrgraf/server';
import { countNeighbourReads } from '@styrgraf/store/bench';
import { buildLoadChild } from './build-load-child.ts';
import { GcPauses } from './gc-pauses.ts';
import { met, summarise, type Row, type Summary, type Target } from './stats.ts';
import { benchStore, STORE_OPERATIONS, type StoreOperation } from './store-ops.ts';

const run = promisify(execFile);

export interface Scale {
  /** "norrköping", "1×", "2×", "4×". */
  key: string;
  dir: string;
  loads: number;
}

export interface LoadFigures {
  loadMs: number;
  storeMs: number;
  totalMs: number;
  rssLoadedMb: number;
  rssSettledMb: number;
  rssPeakMb: number;
  /** The process before it read anything (Node, the modules): the part of the peak that does not grow with the data. */
  rssBeforeMb: number;
  entities: number;
  relations: number;
}

let built: Promise<string> | undefined;

/**
 * One load in a fresh process (load-child.ts), so that its memory is this
 * data set's alone: built JavaScript run by plain node, as the server runs in
 * production (build-load-child.ts), built once per bench.
 */
export async function loadInChild<F extends LoadFigures = LoadFigures>(root: string, dir: string): Promise<F> {
  built ??= buildLoadChild(root);
  const { stdout } = await run(process.execPath, [await built, dir], { cwd: root, maxBuffer: 1e6 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as F;
}

/** How the bench's loads are run, for its output. */
export const LOAD_CHILD_NOTE = 'built JavaScript (esbuild bundle) under plain node, as in production';

/** Cold quizzes timed on one quiz graph: enough new dates for the 95th percentile to be a figure, not the slowest quiz. */
const QUIZ_DATES = 100;

/**
 * The quiz's two costs, apart: the quiz graph read with what every date
 * shares (once per data set, at the server's start), and a first quiz of ten
 * on a date no one asked before (a new bank), on one graph, each date its own,
 * with the relations it read.
 */
async function benchQuiz(
  dataset: Dataset,
  reads: number,
): Promise<{ graphRead: Summary; quizCold: Summary; quizUnpaused: Summary; quizPaused: number; quizReads: Summary }> {
  const store = createMemoryStore(dataset);
  const times: number[] = [];
  let graph: QuizGraph | undefined;
  for (let i = 0; i < reads; i++) {
    graph = undefined;
    const started = performance.now();
    graph = await readQuizGraph(store);
    times.push(performance.now() - started);
  }
  await store.close();
  const quizzes: number[] = [];
  const spans: [number, number][] = [];
  const edgesRead: number[] = [];
  const pauses = new GcPauses();
  for (let i = 0; i < QUIZ_DATES; i++) {
    const before = graph!.edgesRead;
    const started = performance.now();
    // A date of its own per quiz (a week apart from 1990), as a client picking a new date would ask.
    const bank = new QuestionBank(graph!, new Date(Date.UTC(1990, 0, 1 + 7 * i)).toISOString().slice(0, 10));
    const quiz = drawQuiz(bank, { seed: i + 1, count: 10 });
    const ended = performance.now();
    quizzes.push(ended - started);
    spans.push([started, ended]);
    edgesRead.push(graph!.edgesRead - before);
    if (quiz.questions.length === 0) throw new Error('the quiz has no questions');
  }
  await pauses.stop();
  const unpaused = quizzes.filter((_, i) => !pauses.fellIn(...spans[i]!));
  return {
    graphRead: summarise(times),
    quizCold: summarise(quizzes),
    quizUnpaused: summarise(unpaused.length > 0 ? unpaused : quizzes),
    quizPaused: quizzes.length - unpaused.length,
    quizReads: summarise(edgesRead),
  };
}

/** The store calls that walk the graph, whose neighbour reads the table counts. */
const WALKS: readonly StoreOperation[] = [
  'neighbourhood depth 1',
  'neighbourhood depth 2',
  'neighbourhood depth 2, new date',
  'shortest paths ≤ 6',
  'all paths ≤ 6',
];

export async function benchGrowth(
  root: string,
  scales: readonly Scale[],
  log: (message: string) => void,
): Promise<{ rows: Row[]; targets: Target[]; table: string }> {
  const rows: Row[] = [];
  const targets: Target[] = [];
  // Per measure, per scale: a figure for the table.
  const grid = new Map<string, Map<string, string>>();
  // Per measure, per scale: the figure held to linear growth (a call's p95, a read's median, a count of work), where there is one.
  const figures = new Map<string, Map<string, number>>();
  const put = (measure: string, scale: string, value: string, figure?: number) => {
    (grid.get(measure) ?? grid.set(measure, new Map()).get(measure)!).set(scale, value);
    if (figure !== undefined) (figures.get(measure) ?? figures.set(measure, new Map()).get(measure)!).set(scale, figure);
  };
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const mark = (t: Target) => (met(t) ? 'met' : 'MISSED');
  // Each size's load and peak memory, for the rows that hold the larger sizes to the national set's figures.
  const sized = new Map<string, { entities: number; relations: number; load: number; peak: number }>();

  for (const scale of scales) {
    const loads: LoadFigures[] = [];
    for (let i = 0; i < scale.loads; i++) loads.push(await loadInChild(root, scale.dir));
    const total = summarise(loads.map((l) => l.totalMs));
    const peak = Math.max(...loads.map((l) => l.rssPeakMb));
    const size = `${loads[0]!.entities} entities, ${loads[0]!.relations} relations`;
    log(`growth ${scale.key}: loaded ${scale.loads} times (${size}), median ${total.median.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB`);
    rows.push(
      { section: `growth ${scale.key}`, what: 'load, to first answer', unit: 'ms', summary: total, note: `${size}; ${LOAD_CHILD_NOTE}` },
      { section: `growth ${scale.key}`, what: 'peak RSS over the load', unit: 'MB', summary: summarise(loads.map((l) => l.rssPeakMb)) },
    );
    put('entities', scale.key, String(loads[0]!.entities));
    put('load, median (ms)', scale.key, ms(total.median));
    put('peak RSS, worst (MB)', scale.key, peak.toFixed(0));
    // The peak less the process's own start, so that a fixed part does not make a larger set look cheaper per entity.
    const grown = Math.max(...loads.map((l) => l.rssPeakMb - l.rssBeforeMb));
    sized.set(scale.key, { entities: loads[0]!.entities, relations: loads[0]!.relations, load: total.median, peak: grown });
    const national = sized.get('1×');
    if (scale.key === '1×') {
      const load: Target = { what: 'national: load, to first answer, median', actual: total.median, limit: 3_000, unit: 'ms', kind: 'max' };
      const memory: Target = { what: 'national: peak RSS over the load, worst', actual: peak, limit: 450, unit: 'MB', kind: 'max' };
      put('load: target', scale.key, `< 3,000 ms ${mark(load)}`);
      put('peak RSS: target', scale.key, `< 450 MB ${mark(memory)}`);
    } else if (national && scale.key !== 'norrköping') {
      // No super-linear row: a larger set may cost no more per entity and relation than the national set did (10 % allowed for a shared machine's noise).
      const scaleFactor = (loads[0]!.entities + loads[0]!.relations) / (national.entities + national.relations);
      const load: Target = {
        what: `${scale.key}: load per unit of data, against the national set's`,
        actual: total.median / national.load / scaleFactor,
        limit: 1.1,
        unit: '×',
        kind: 'max',
      };
      const memory: Target = {
        what: `${scale.key}: peak RSS above the start, per unit of data, against the national set's`,
        actual: grown / national.peak / scaleFactor,
        limit: 1.1,
        unit: '×',
        kind: 'max',
      };
      targets.push(load, memory);
      put('load: target', scale.key, `${load.actual.toFixed(2)}× of linear ${mark(load)}`);
      put('peak RSS: target', scale.key, `${memory.actual.toFixed(2)}× of linear ${mark(memory)}`);
    }

    let dataset: Dataset | null = await loadDatasetOrThrow(scale.dir);
    const store = createMemoryStore(dataset);
    const reads = countNeighbourReads();
    // 400 calls each: enough for the 95th percentile to be a figure and not the slowest call.
    const results = await benchStore(dataset, store, { calls: 400, seed: 7, work: reads.read });
    reads.stop();
    await store.close();
    for (const name of STORE_OPERATIONS) {
      const s = results.get(name)!;
      rows.push({ section: `growth ${scale.key}`, what: name, unit: 'ms', summary: s, note: `max ${ms(s.max)}` });
      put(`${name} p50 / p95 / max (ms)`, scale.key, `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)}`, s.p95);
      put(`${name}, no GC pause in the call: p95 (calls paused)`, scale.key, `${ms(s.unpaused.p95)} (${s.paused})`, s.unpaused.p95);
      put(`${name}, CPU time p50 / p95 (ms)`, scale.key, `${ms(s.cpu.median)} / ${ms(s.cpu.p95)}`, s.cpu.p95);
      if (WALKS.includes(name) && s.work) {
        rows.push({ section: `growth ${scale.key}`, what: `${name}: neighbour entries read`, unit: 'reads', summary: s.work });
        put(`${name}, reads p50 / p95`, scale.key, `${s.work.median} / ${s.work.p95}`, s.work.p95);
      }
    }
    const quiz = await benchQuiz(dataset, 5);
    dataset = null;
    rows.push(
      { section: `growth ${scale.key}`, what: 'quiz graph read and option pools (once per data set)', unit: 'ms', summary: quiz.graphRead },
      { section: `growth ${scale.key}`, what: 'quiz of 10, new date (bank cold)', unit: 'ms', summary: quiz.quizCold, note: `max ${ms(quiz.quizCold.max)}` },
      { section: `growth ${scale.key}`, what: 'quiz of 10, new date: relations read', unit: 'reads', summary: quiz.quizReads },
    );
    put('quiz graph read, median (ms)', scale.key, ms(quiz.graphRead.median), quiz.graphRead.median);
    put(
      'quiz of 10 cold p50 / p95 / max (ms)',
      scale.key,
      `${ms(quiz.quizCold.median)} / ${ms(quiz.quizCold.p95)} / ${ms(quiz.quizCold.max)}`,
      quiz.quizCold.p95,
    );
    put('quiz of 10 cold, no GC pause in it: p95 (quizzes paused)', scale.key, `${ms(quiz.quizUnpaused.p95)} (${quiz.quizPaused})`, quiz.quizUnpaused.p95);
    put('quiz of 10 cold, reads p50 / p95', scale.key, `${quiz.quizReads.median} / ${quiz.quizReads.p95}`, quiz.quizReads.p95);
    log(`growth ${scale.key}: store calls and quiz measured`);

    if (scale.key === '1×') {
      targets.push(
        { what: 'national: load, to first answer, median', actual: total.median, limit: 3_000, unit: 'ms', kind: 'max' },
        { what: 'national: peak RSS over the load, worst', actual: peak, limit: 450, unit: 'MB', kind: 'max' },
        {
          what: 'national: neighbourhood depth 2 on a new date, p95',
          actual: results.get('neighbourhood depth 2, new date')!.p95,
          limit: 50,
          unit: 'ms',
          kind: 'max',
        },
        { what: 'national: org chart on a new date, p95', actual: results.get('org chart, new date')!.p95, limit: 50, unit: 'ms', kind: 'max' },
        { what: 'national: quiz of 10 on a new date, cold, p95', actual: quiz.quizCold.p95, limit: 200, unit: 'ms', kind: 'max' },
      );
    }
  }

  // No super-linear row: each measured row's figure at the largest size against the national set's grown in proportion to the data (10 % allowed for a shared machine's noise), as the load and memory rows are held above.
  const keys = scales.map((s) => s.key);
  const [national, largest] = [sized.get('1×'), keys.at(-1)!];
  const growth = new Map<string, string>();
  const largeSize = sized.get(largest);
  if (national && largeSize && largest !== '1×') {
    const scaleFactor = (largeSize.entities + largeSize.relations) / (national.entities + national.relations);
    for (const [measure, byScale] of figures) {
      const [from, to] = [byScale.get('1×'), byScale.get(largest)];
      if (from === undefined || to === undefined) continue;
      // A figure of zero at 1× (a call that read nothing) grows linearly only if it stays zero.
      const actual = from > 0 ? to / from / scaleFactor : to > 0 ? Number.POSITIVE_INFINITY : 0;
      const target: Target = { what: `${largest}: ${measure}, against linear growth from 1×`, actual, limit: 1.1, unit: '×', kind: 'max' };
      targets.push(target);
      growth.set(measure, `${actual.toFixed(2)}× of linear ${mark(target)}`);
    }
  }
  const header = ['measure', ...keys, ...(growth.size > 0 ? [`1× → ${largest}`] : [])];
  const body = [...grid].map(([measure, byScale]) => [
    measure,
    ...keys.map((k) => byScale.get(k) ?? ''),
    ...(growth.size > 0 ? [growth.get(measure) ?? ''] : []),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  return { rows, targets, table };
}
