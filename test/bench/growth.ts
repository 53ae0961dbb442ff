/**
 * The growth table of `pnpm bench`: how load, memory and every store call
 * grow from Norrköping to one, two and four times the national set (290,
 * 580 and 1,160 synthetic municipalities, seed 7). Cost that grows with the
 * answer, not with the country, shows as a flat row; a row that doubles with
 * each column is work that reads the whole data set.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';
import { drawQuiz, QuestionBank, QuizGraph } from '@styrgraf/server';
import { buildLoadChild } from './build-load-child.ts';
import { met, summarise, type Row, type Summary, type Target } from './stats.ts';
import { benchStore, STORE_OPERATIONS } from './store-ops.ts';

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

/** The first quiz of ten on a date no one asked before: the quiz graph read once per data set, then a bank for the date and the quiz. */
async function benchQuiz(dataset: Dataset, runs: number): Promise<{ graphRead: Summary; quizCold: Summary }> {
  const store = createMemoryStore(dataset);
  const reads: number[] = [];
  const quizzes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    const graph = await QuizGraph.read(store);
    reads.push(performance.now() - started);
    started = performance.now();
    // A date of its own per run (one a year apart), as a client picking a new date would ask.
    const bank = new QuestionBank(graph, `${2000 + i}-06-15`);
    const quiz = drawQuiz(bank, { seed: i + 1, count: 10 });
    quizzes.push(performance.now() - started);
    if (quiz.questions.length === 0) throw new Error('the quiz has no questions');
  }
  await store.close();
  return { graphRead: summarise(reads), quizCold: summarise(quizzes) };
}

export async function benchGrowth(
  root: string,
  scales: readonly Scale[],
  log: (message: string) => void,
): Promise<{ rows: Row[]; targets: Target[]; table: string }> {
  const rows: Row[] = [];
  const targets: Target[] = [];
  // Per measure, per scale: a figure for the table.
  const grid = new Map<string, Map<string, string>>();
  const put = (measure: string, scale: string, value: string) => (grid.get(measure) ?? grid.set(measure, new Map()).get(measure)!).set(scale, value);
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
    // 400 calls each: enough for the 95th percentile to be a figure and not the slowest call.
    const results = await benchStore(dataset, store, { calls: 400, seed: 7 });
    await store.close();
    for (const name of STORE_OPERATIONS) {
      const s = results.get(name)!;
      rows.push({ section: `growth ${scale.key}`, what: name, unit: 'ms', summary: s });
      put(`${name} p50 / p95 (ms)`, scale.key, `${ms(s.median)} / ${ms(s.p95)}`);
    }
    const quiz = await benchQuiz(dataset, 5);
    dataset = null;
    rows.push(
      { section: `growth ${scale.key}`, what: 'quiz graph read (once per data set)', unit: 'ms', summary: quiz.graphRead },
      { section: `growth ${scale.key}`, what: 'quiz of 10, new date (bank cold)', unit: 'ms', summary: quiz.quizCold, note: 'n = 5: max, not p95' },
    );
    put('quiz graph read, median (ms)', scale.key, ms(quiz.graphRead.median));
    put('quiz of 10 cold, max (ms)', scale.key, ms(quiz.quizCold.p95));
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
        { what: 'national: quiz of 10 on a new date, cold, max', actual: quiz.quizCold.p95, limit: 200, unit: 'ms', kind: 'max' },
      );
    }
  }

  const keys = scales.map((s) => s.key);
  const header = ['measure', ...keys];
  const body = [...grid].map(([measure, byScale]) => [measure, ...keys.map((k) => byScale.get(k) ?? '')]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
  return { rows, targets, table };
}
