/**
 * Search on Neo4j alone, on the texts the HTTP bench draws (seed 7: whole
 * names, single words, typos, prefixes) plus the words again scoped to a drawn
 * municipality, timed one call at a time and summarised per class. Every
 * answer is checked against the embedded store's. Given the text of an older
 * search.cypher, it runs that statement too, alternating call by call with
 * the store's own, and prints the ratios — a before/after in one run on a
 * shared machine. Not part of `pnpm bench`:
 *
 *   NEO4J_URI=… NEO4J_USERNAME=… NEO4J_PASSWORD=… \
 *     tsx test/bench/neo4j-search.ts <graph dir> [<before search.cypher>]
 *
 * For a "before": `git show <commit>:packages/store/src/neo4j/cypher/search.cypher > /tmp/before.cypher`.
 * SEARCH_LOAD=1 loads the graph first; SEARCH_TEXTS (default 200) and
 * SEARCH_ROUNDS (default 3, the first a warm-up) change what is timed;
 * SEARCH_PROFILE="some text" prints each statement's PROFILE for that text
 * (operators with rows, db hits and time) instead of timing.
 */
import { readFile } from 'node:fs/promises';
import { deriveMunicipalities, fold, loadDatasetOrThrow, todayInSweden } from '@styrgraf/model';
import {
  createMemoryStore,
  createNeo4jDriver,
  ensureSchema,
  loadIntoNeo4j,
  neo4jSettingsFromEnv,
  openNeo4jStore,
  type SearchArgs,
  type SearchHit,
} from '@styrgraf/store';
import type { ProfiledPlan } from 'neo4j-driver';
import type { Entity } from '@styrgraf/model';
import { ENTITY_KINDS } from '@styrgraf/model';
import neo4j from 'neo4j-driver';
// An older statement is run as the adapter runs its own: with the adapter's parameters and the shared ranking after it.
import { cypher, rankHits, searchParams } from '@styrgraf/store/bench';
import { drawHttpInputs } from './http-inputs.ts';
import { summarise } from './stats.ts';

const [graphDir, beforePath] = process.argv.slice(2);
if (!graphDir) throw new Error('usage: tsx test/bench/neo4j-search.ts <graph dir> [<before search.cypher>]');
const COUNT = Number(process.env.SEARCH_TEXTS ?? 200);
const ROUNDS = Number(process.env.SEARCH_ROUNDS ?? 3);
const CLASSES = ['whole name', 'word', 'typo', 'prefix', 'word in a municipality'] as const;
const FIRST = 10;

const settings = neo4jSettingsFromEnv();
const dataset = await loadDatasetOrThrow(graphDir);
const driver = createNeo4jDriver(settings);
if (process.env.SEARCH_LOAD) {
  const started = performance.now();
  await ensureSchema(driver, { database: settings.database });
  await loadIntoNeo4j(driver, dataset, { database: settings.database, timeoutMs: 1_800_000 });
  console.log(`loaded ${dataset.entities.length} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const store = await openNeo4jStore(settings, { transactionTimeoutMs: 120_000 });
const memory = createMemoryStore(dataset);
const asOf = todayInSweden();

const { municipalities } = deriveMunicipalities(dataset.entities, dataset.relations);
const drawn = drawHttpInputs(dataset, 7, COUNT).texts;
// The fifth class: each drawn word again, within a municipality drawn in turn from the list.
const asked: { cls: number; args: SearchArgs }[] = [
  ...drawn.map((text, i) => ({ cls: i % 4, args: { text, first: FIRST, asOf } })),
  ...drawn
    .filter((_, i) => i % 4 === 1)
    .map((text, i) => ({ cls: 4, args: { text, first: FIRST, asOf, municipality: municipalities[(i * 37) % municipalities.length]!.id } })),
];

const dateOf = (iso: string | null | undefined) => (iso ? neo4j.types.Date.fromStandardDate(new Date(`${iso}T12:00:00Z`)) : null);

/** The older statement, run with the store's parameters and finished by the same shared ranking. */
async function searchBefore(statement: string, args: SearchArgs): Promise<SearchHit[]> {
  const query = fold(args.text);
  const { records } = await driver.executeQuery(
    statement,
    {
      ...searchParams(query),
      kinds: args.kinds ?? [...ENTITY_KINDS],
      asOf: dateOf(args.asOf),
      first: neo4j.int(args.first),
      municipality: args.municipality || null,
    },
    { database: settings.database, routing: 'READ' },
  );
  return rankHits(
    records.map((r) => ({ entity: JSON.parse(String(r.get('json'))) as Entity, score: Number(r.get('score')) })),
    query,
    args.first,
  );
}

const answer = (hits: SearchHit[]) => hits.map((h) => `${h.entity.id}:${h.match}:${h.field}:${h.score.toFixed(3)}`).join(' ');
const named = (hits: SearchHit[]) =>
  hits
    .filter((h) => h.match !== 'FUZZY')
    .map((h) => `${h.entity.id}:${h.match}:${h.field}`)
    .join(' ');
const before = beforePath ? await readFile(beforePath, 'utf8') : null;
const engines: { name: string; search: (args: SearchArgs) => Promise<SearchHit[]> }[] = [
  ...(before ? [{ name: 'before', search: (args: SearchArgs) => searchBefore(before, args) }] : []),
  { name: 'now', search: (args: SearchArgs) => store.search(args) },
];

function printPlan(plan: ProfiledPlan, depth = 0): void {
  const time = (plan as ProfiledPlan & { time?: number }).time;
  const details = String(plan.arguments?.['Details'] ?? '').slice(0, 110);
  console.log(
    `${'  '.repeat(depth)}${plan.operatorType}  rows ${plan.rows}  dbHits ${plan.dbHits}${time !== undefined ? `  time ${(time / 1e6).toFixed(1)} ms` : ''}  ${details}`,
  );
  for (const child of plan.children) printPlan(child, depth + 1);
}

try {
  const profileText = process.env.SEARCH_PROFILE;
  if (profileText !== undefined) {
    const statements = [...(before ? [{ name: 'before', text: before }] : []), { name: 'now', text: cypher('search') }];
    const query = fold(profileText);
    const params = { ...searchParams(query), kinds: [...ENTITY_KINDS], asOf: dateOf(asOf), first: neo4j.int(FIRST), municipality: null };
    for (const { name, text } of statements) {
      const result = await driver.executeQuery(`PROFILE ${text}`, params, { database: settings.database, routing: 'READ' });
      console.log(
        `\n${name}: ${JSON.stringify(profileText)} → ${result.records.length} rows, ${result.summary.resultAvailableAfter.toNumber()} ms + ${result.summary.resultConsumedAfter.toNumber()} ms`,
      );
      printPlan(result.summary.profile as ProfiledPlan);
    }
  } else {
    const samples = engines.map(() => CLASSES.map(() => [] as number[]));
    const perText = asked.map(() => 0);
    let differ = 0;
    let differNamed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { cls, args }] of asked.entries()) {
        const order = engines.map((_, k) => (k + i + round) % engines.length);
        const answers: string[] = [];
        for (const k of order) {
          const started = performance.now();
          const hits = await engines[k]!.search(args);
          const elapsed = performance.now() - started;
          if (round > 0) samples[k]![cls]!.push(elapsed);
          if (round > 0 && k === engines.length - 1) perText[i]! += elapsed / (ROUNDS - 1);
          answers[k] = answer(hits);
          // The engines' typo hits differ by design (see the store contract); every hit the shared rules name must agree.
          if (round === 0) {
            const expected = named(await memory.search(args));
            if (named(hits) !== expected) {
              differNamed++;
              if (differNamed <= 5)
                console.log(`${engines[k]!.name} names other hits than the embedded store for ${JSON.stringify(args)}:\n  ${named(hits)}\n  ${expected}`);
            }
          }
        }
        if (round === 0 && answers.some((a) => a !== answers[0])) {
          differ++;
          if (differ <= 5) console.log(`before and now differ for ${JSON.stringify(args)}:\n  ${answers.join('\n  ')}`);
        }
      }
    }
    const slowest = asked.map((a, i) => ({ text: a.args.text, cls: CLASSES[a.cls], ms: perText[i]! })).sort((a, b) => b.ms - a.ms);
    console.log(
      `slowest (now): ${slowest
        .slice(0, 10)
        .map((s) => `${JSON.stringify(s.text)} (${s.cls}) ${s.ms.toFixed(0)} ms`)
        .join(', ')}`,
    );
    console.log(`texts on which before and now answer differently: ${differ}; answers naming other hits than the embedded store: ${differNamed}`);
    console.log(
      `\n${'class'.padEnd(24)}${engines.map((e) => `${e.name} p50 / p95 / req/s`.padStart(30)).join('')}${before ? '   ratio p50 / p95 / req/s' : ''}`,
    );
    const rows = [
      ...CLASSES.map((name, c) => ({ name, per: engines.map((_, k) => samples[k]![c]!) })),
      { name: 'all', per: engines.map((_, k) => samples[k]!.flat()) },
    ];
    for (const { name, per } of rows) {
      const figures = per.map((s) => {
        const summary = summarise(s);
        return { p50: summary.median, p95: summary.p95, rate: (1000 * s.length) / s.reduce((a, b) => a + b, 0) };
      });
      const cells = figures.map((f) => `${f.p50.toFixed(1)} / ${f.p95.toFixed(1)} / ${f.rate.toFixed(0)}`.padStart(30)).join('');
      const ratio =
        figures.length === 2
          ? `   ${(figures[0]!.p50 / figures[1]!.p50).toFixed(1)}× / ${(figures[0]!.p95 / figures[1]!.p95).toFixed(1)}× / ${(figures[1]!.rate / figures[0]!.rate).toFixed(1)}×`
          : '';
      console.log(`${name.padEnd(24)}${cells}${ratio}`);
    }
  }
} finally {
  await store.close();
  await driver.close();
}
