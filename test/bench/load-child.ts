/**
 * One load of a data directory in a fresh process, so that its resident
 * memory is that data set's alone: validates and loads `dir` as the server
 * does at start, builds the embedded store, and prints one JSON line of times
 * (ms) and memory (MB). Run by run.ts, never on its own.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { loadDataset, type LoadTimings } from '@styrgraf/model';
import { createMemoryStore } from '@styrgraf/store';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const dir = process.argv[2];
if (!dir) throw new Error('usage: load-child.ts <graph dir>');

const mb = (bytes: number) => bytes / 2 ** 20;
const rssBefore = process.memoryUsage().rss;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const started = performance.now();
const cpuStarted = cpuMs();
const phases: LoadTimings = { readMs: 0, parseMs: 0, assembleMs: 0, digestMs: 0 };
const result = await loadDataset(dir, phases);
if (!result.ok) throw new Error(`${dir} does not load: ${result.issues.length} issues, the first: ${JSON.stringify(result.issues[0])}`);
const dataset = result.dataset;
const loaded = performance.now();
const cpuLoaded = cpuMs();
const store = createMemoryStore(dataset);
// Ask once, so that anything the store builds lazily is built before memory is read.
const info = await store.info();
await store.search({ text: 'kommun', first: 10 });
const ready = performance.now();
const cpuReady = cpuMs();
const rssLoaded = process.memoryUsage().rss;
gc();
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    loadMs: loaded - started,
    ...phases,
    storeMs: ready - loaded,
    totalMs: ready - started,
    // CPU time of this process (every thread): on a machine shared with other work it moves far less than the time on the clock.
    loadCpuMs: cpuLoaded - cpuStarted,
    storeCpuMs: cpuReady - cpuLoaded,
    rssBeforeMb: mb(rssBefore),
    rssLoadedMb: mb(rssLoaded),
    rssSettledMb: mb(usage.rss),
    // The process's highest resident memory since it started: the whole load, parse workers (threads of this process) included.
    rssPeakMb: process.resourceUsage().maxRSS / 1024,
    heapMb: mb(usage.heapUsed),
    entities: info.entityCount,
    relations: info.relationCount,
  }),
);
process.exit(0);
