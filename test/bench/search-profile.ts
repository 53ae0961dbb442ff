/**
 * The embedded store's search alone, on the texts the HTTP bench draws (seed
 * 7: whole names, single words, typos, prefixes), timed one call at a time
 * and summarised per kind of text. Given two or more search-index modules,
 * it times them in the same run, alternating call by call, and checks that
 * they give the same hits — the way to show what a change to the index did on
 * a shared machine. Not part of `pnpm bench`:
 *
 *   tsx test/bench/search-profile.ts <graph dir> <search-index.ts> [<search-index.ts> …]
 *
 * For a "before", copy the old search-index.ts, vocabulary.ts, postings.ts
 * (and edit-distance.ts) into a directory beside them, such as
 * packages/store/src/memory/before/, with their `../` imports made `../../`;
 * do not commit it. SEARCH_TEXTS, SEARCH_ROUNDS and SEARCH_ONLY (one kind of
 * text) change what is timed.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { loadDatasetOrThrow, todayInSweden, type Entity } from '@styrgraf/model';
import type { SearchArgs, SearchHit } from '@styrgraf/store';
import { drawHttpInputs } from './http-inputs.ts';
import { summarise } from './stats.ts';

interface Index {
  search(args: SearchArgs): SearchHit[];
}

const [graphDir, ...modules] = process.argv.slice(2);
if (!graphDir || modules.length === 0) throw new Error('usage: tsx test/bench/search-profile.ts <graph dir> <search-index.ts> [<search-index.ts> …]');
const COUNT = Number(process.env.SEARCH_TEXTS ?? 800);
const ROUNDS = Number(process.env.SEARCH_ROUNDS ?? 3);
const CLASSES = ['whole name', 'word', 'typo', 'prefix'] as const;

const dataset = await loadDatasetOrThrow(graphDir);
// SEARCH_ONLY=typo (or "whole name", word, prefix) times one kind alone, for a profile of it.
const only = process.env.SEARCH_ONLY;
const texts = drawHttpInputs(dataset, 7, COUNT).texts.map((text, i) => (!only || CLASSES[i % 4] === only ? text : null));
const asOf = todayInSweden();
const indexes: { name: string; index: Index }[] = [];
for (const path of modules) {
  const { SearchIndex } = (await import(pathToFileURL(resolve(path)).href)) as { SearchIndex: new (entities: readonly Entity[]) => Index };
  const started = performance.now();
  const index = new SearchIndex(dataset.entities);
  console.log(`${path}: built in ${(performance.now() - started).toFixed(0)} ms`);
  indexes.push({ name: path, index });
}

const answer = (hits: SearchHit[]) => hits.map((h) => `${h.entity.id}:${h.match}:${h.field}:${h.score}`).join(' ');
const samples = indexes.map(() => CLASSES.map(() => [] as number[]));
// Per text, the time of the last index's calls: the slowest texts say where its cost goes.
const perText = texts.map(() => 0);
let differ = 0;
for (let round = 0; round < ROUNDS; round++) {
  texts.forEach((text, i) => {
    if (text === null) return;
    const answers: string[] = [];
    // Alternate which index goes first, so neither always finds the caches warm.
    const order = indexes.map((_, k) => (k + i + round) % indexes.length);
    for (const k of order) {
      const started = performance.now();
      const hits = indexes[k]!.index.search({ text, first: 10, asOf });
      const elapsed = performance.now() - started;
      if (round > 0) samples[k]![i % 4]!.push(elapsed);
      if (round > 0 && k === indexes.length - 1) perText[i]! += elapsed / (ROUNDS - 1);
      answers[k] = answer(hits);
    }
    if (round === 0 && answers.some((a) => a !== answers[0])) {
      differ++;
      if (differ <= 5) console.log(`different answers for ${JSON.stringify(text)}:\n${answers.join('\n')}`);
    }
  });
}
const slowest = texts.flatMap((text, i) => (text === null ? [] : [{ text, ms: perText[i]! }])).sort((a, b) => b.ms - a.ms);
console.log(
  `slowest texts (last index): ${slowest
    .slice(0, 8)
    .map((s) => `${JSON.stringify(s.text)} ${s.ms.toFixed(2)} ms`)
    .join(', ')}`,
);
const asked = texts.filter((text) => text !== null).length;
if (indexes.length > 1) console.log(differ === 0 ? `same hits for all ${asked} texts` : `${differ} of ${asked} texts answered differently`);
for (let c = 0; c < CLASSES.length; c++) {
  if (samples[0]![c]!.length === 0) continue;
  const figures = indexes.map((_, k) => summarise(samples[k]![c]!));
  const line = figures.map((f) => `p50 ${f.median.toFixed(3)} ms  p95 ${f.p95.toFixed(3)} ms`).join('  |  ');
  const ratio =
    figures.length > 1
      ? `  last/first: p50 ${(figures.at(-1)!.median / figures[0]!.median).toFixed(2)}×  p95 ${(figures.at(-1)!.p95 / figures[0]!.p95).toFixed(2)}×`
      : '';
  console.log(`${CLASSES[c]!.padEnd(10)} (n ${figures[0]!.n})  ${line}${ratio}`);
}
