import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { parseFile, type FileResult, type SourceFile } from './parse-file.ts';
import { parseWorkerEntry } from './parse-worker-entry.ts';

/**
 * Parsing YAML is most of the time a large data set takes to load (the
 * national synthetic set: ~15 MB in ~4,000 files), and each file parses on
 * its own, so a large set is parsed by a pool of worker threads, one per core.
 * The results are the very ones `parseFile` gives in line; only the time
 * differs. Small sets (Norrköping) are parsed in line: a worker costs more to
 * start than they take.
 *
 * Nor does the pool pay on two cores. Every result comes back to the main
 * thread as a structured clone, and taking the clones apart there is work of
 * the main thread alone: on the national set ~0.5-0.9 s, besides ~0.5 s of
 * cloning in the workers, against ~1.3 s for parsing all of it in line. Two
 * workers halve the parse and add that back, and on a machine that is busy
 * anyway they lose outright (national set on a loaded 2-core machine: 4.2-4.6 s
 * in two workers, 2.3-2.5 s in line); their heaps also raise the peak memory
 * of the load. So by default the pool is used from three cores up.
 */

/** Below this much YAML, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 2_000_000;
/** The fewest cores on which parsing in workers is faster than in line (see above). */
export const POOL_MIN_CORES = 3;
/** Files per message: enough to keep the messages few, small enough to share the work out evenly. */
const BATCH_BYTES = 250_000;

export interface ParseOptions {
  /** Threads to use (default: one per core from POOL_MIN_CORES cores up, else none: parse in line). */
  workers?: number;
  /** Parse in line below this many characters of YAML (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** Characters of YAML per message to a worker (default 250,000). */
  batchBytes?: number;
}

export async function parseFiles(files: SourceFile[], options: ParseOptions = {}): Promise<FileResult[]> {
  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const workers = Math.min(options.workers ?? defaultWorkers(availableParallelism()), Math.ceil(bytes / batchBytes));
  if (bytes < (options.minBytes ?? PARALLEL_MIN_BYTES) || workers < 2) return files.map(parseFile);
  try {
    return await parseInWorkers(files, workers, batchBytes);
  } catch (error) {
    // A pool that cannot start (no bundler, no threads) only costs time: parse in line.
    console.warn(`[styrgraf] parsing in line: worker threads unavailable (${error instanceof Error ? error.message : String(error)})`);
    return files.map(parseFile);
  }
}

/**
 * Whether a large set is parsed in line on this machine whatever its size, so
 * that each file can be parsed as soon as it is read (load.ts), before the
 * whole set's size is known.
 */
export function parsesInLine(): boolean {
  return defaultWorkers(availableParallelism()) < 2;
}

/** Parse threads for a machine of `cores` cores: one per core, or none (in line) below POOL_MIN_CORES. */
export function defaultWorkers(cores: number): number {
  return cores >= POOL_MIN_CORES ? cores : 1;
}

function batchesOf(files: SourceFile[], batchBytes: number): { files: SourceFile[]; start: number }[] {
  const batches: { files: SourceFile[]; start: number }[] = [];
  for (let start = 0; start < files.length;) {
    let end = start;
    for (let size = 0; end < files.length && (size < batchBytes || end === start); end++) size += files[end]!.content.length;
    batches.push({ files: files.slice(start, end), start });
    start = end;
  }
  return batches;
}

/** A pool of `count` threads (tinypool) parsing the batches; each result lands where its file is. */
async function parseInWorkers(files: SourceFile[], count: number, batchBytes: number): Promise<FileResult[]> {
  const pool = new Tinypool({
    filename: await parseWorkerEntry(),
    minThreads: count,
    maxThreads: count,
    // One load's worth of batches, then the pool is gone: no need for a fresh thread per task.
    isolateWorkers: false,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  try {
    const results = new Array<FileResult>(files.length);
    await Promise.all(
      batchesOf(files, batchBytes).map(async (batch) => {
        const answers = (await pool.run(batch.files)) as FileResult[];
        answers.forEach((r, i) => (results[batch.start + i] = r));
      }),
    );
    return results;
  } finally {
    await pool.destroy();
  }
}
