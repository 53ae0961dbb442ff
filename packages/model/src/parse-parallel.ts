import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFile, type FileResult, type SourceFile } from './parse-file.ts';

/**
 * Parsing YAML is most of the time a large data set takes to load (the
 * national synthetic set: ~15 MB in ~4,000 files), and each file parses on
 * its own, so a large set is parsed by a pool of worker threads, one per core.
 * The results are the very ones `parseFile` gives in line; only the time
 * differs. Small sets (Norrköping) are parsed in line: a worker costs more to
 * start than they take.
 */

/** Below this much YAML, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2_000_000;
/** Files per message: enough to keep the messages few, small enough to share the work out evenly. */
const BATCH_BYTES = 250_000;

export interface ParseOptions {
  /** Threads to use (default: one per core). */
  workers?: number;
  /** Parse in line below this many characters of YAML (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** Characters of YAML per message to a worker (default 250,000). */
  batchBytes?: number;
}

export async function parseFiles(files: SourceFile[], options: ParseOptions = {}): Promise<FileResult[]> {
  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const workers = Math.min(options.workers ?? availableParallelism(), Math.ceil(bytes / batchBytes));
  if (bytes < (options.minBytes ?? PARALLEL_MIN_BYTES) || workers < 2) return files.map(parseFile);
  try {
    return await parseInWorkers(files, workers, batchBytes);
  } catch (error) {
    // A pool that cannot start (no TypeScript loader, no threads) only costs time: parse in line.
    console.warn(`[styrgraf] parsing in line: worker threads unavailable (${error instanceof Error ? error.message : String(error)})`);
    return files.map(parseFile);
  }
}

/**
 * The one place the worker's entry is resolved: parse-worker beside this
 * module. In the server's build (apps/server/scripts/build-if-stale.mjs) that
 * is dist/parse-worker.js, loaded as is; only when running the sources (the
 * tests, the CLIs) is it TypeScript, loaded through tsx, a dev dependency.
 */
function workerSource(): { code: string; eval: boolean } | { url: URL; eval: false } {
  const url = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!url.pathname.endsWith('.ts')) return { url, eval: false };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  return { code: `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`, eval: true };
}

function parseInWorkers(files: SourceFile[], count: number, batchBytes: number): Promise<FileResult[]> {
  const batches: { id: number; files: SourceFile[]; start: number }[] = [];
  for (let start = 0; start < files.length; ) {
    let end = start;
    for (let size = 0; end < files.length && (size < batchBytes || end === start); end++) size += files[end]!.content.length;
    batches.push({ id: batches.length, files: files.slice(start, end), start });
    start = end;
  }
  const results = new Array<FileResult>(files.length);
  const source = workerSource();
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = () => Promise.all(pool.map((w) => w.terminate()));
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      void stop().finally(() => reject(error instanceof Error ? error : new Error(String(error))));
    };
    const feed = (worker: Worker) => {
      const batch = batches[next++];
      if (batch) worker.postMessage({ id: batch.id, files: batch.files });
    };
    for (let i = 0; i < count; i++) {
      const worker =
        'url' in source
          ? new Worker(source.url, { resourceLimits: { maxYoungGenerationSizeMb: 64 } })
          : new Worker(source.code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      pool.push(worker);
      worker.on('message', (answer: { id: number; results: FileResult[] }) => {
        const batch = batches[answer.id]!;
        answer.results.forEach((r, i) => (results[batch.start + i] = r));
        if (++done === batches.length) void stop().then(() => resolve(results), fail);
        else feed(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (done < batches.length) fail(new Error(`a parse worker stopped (exit code ${code}) before the work was done`));
      });
      feed(worker);
    }
  });
}
