import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult, SourceFile } from './parse-file.ts';
import { POOL_MIN_CORES } from './parse-parallel.ts';
import { parseWorkerEntry } from './parse-worker-entry.ts';

/**
 * The second core of a two-core machine, put to the parse. The pool
 * (parse-parallel.ts) does not pay there: its results come back as structured
 * clones, and taking those apart costs the main thread about what the
 * workers save it. Here one worker thread parses a share of the files as the
 * main thread reads them (the main thread parses the rest in line) and sends
 * each batch's results back as one JSON string: a string crosses threads as
 * a copy of its characters, and JSON.parse on the main thread builds the
 * objects back in ~0.13 s for the whole national set, against ~1.5 s for
 * parsing it. The results are those of parseFile, to the value: a file's
 * result is plain data (strings, numbers, arrays, objects), which JSON gives
 * back as it was.
 */

/** Fewer files than this are parsed in line: a thread costs more to start than they take. */
export const ALONGSIDE_MIN_FILES = 400;
/** Characters of YAML per message to the worker: messages few, and the worker busy from early on. */
const BATCH_CHARS = 200_000;

/** Whether a set of `fileCount` files is parsed partly alongside on this machine. */
export function parsesAlongside(fileCount: number, cores = availableParallelism()): boolean {
  return cores === POOL_MIN_CORES - 1 && fileCount >= ALONGSIDE_MIN_FILES;
}

/** What the worker sends back per batch. */
export interface AlongsideAnswer {
  batch: number;
  /** The batch's results as JSON, in the batch's order; or the worker's own fault. */
  json?: string;
  fault?: string;
}

/**
 * One worker thread taking files as they are read; `take` says whether it
 * takes a file (the main thread parses the rest), `results` gives each taken
 * file's result at its index.
 */
export class AlongsideParser {
  private readonly worker: Promise<Worker>;
  private readonly batches: number[][] = [];
  private pending: SourceFile[] = [];
  private pendingIndices: number[] = [];
  private pendingChars = 0;
  private sentChars = 0;
  private keptChars = 0;
  private readonly answers: Promise<AlongsideAnswer[]>;

  constructor() {
    this.worker = parseWorkerEntry().then((entry) => new Worker(entry, { workerData: { styrgrafAlongside: true } }));
    this.answers = this.worker.then(
      (worker) =>
        new Promise<AlongsideAnswer[]>((resolve, reject) => {
          const got: AlongsideAnswer[] = [];
          worker.on('message', (answer: AlongsideAnswer) => {
            got.push(answer);
            if (this.closed && got.length === this.batches.length) resolve(got);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => reject(new Error(`the parse worker stopped (exit code ${code})`)));
          this.settle = () => {
            if (got.length === this.batches.length) resolve(got);
          };
        }),
    );
    // Awaited in results(); a failure before then must not count as unhandled.
    this.answers.catch(() => undefined);
  }

  private closed = false;
  private settle: () => void = () => undefined;

  /**
   * Offers a file read at `index`: the worker takes it (true) while it has
   * had no more of the text than the main thread kept, so that both finish
   * at about the same time.
   */
  take(index: number, file: SourceFile): boolean {
    const chars = file.content.length;
    if (this.sentChars + this.pendingChars > this.keptChars) {
      this.keptChars += chars;
      return false;
    }
    this.pending.push(file);
    this.pendingIndices.push(index);
    this.pendingChars += chars;
    if (this.pendingChars >= BATCH_CHARS) this.send();
    return true;
  }

  private send(): void {
    if (this.pending.length === 0) return;
    const files = this.pending;
    const batch = this.batches.push(this.pendingIndices) - 1;
    void this.worker.then((worker) => worker.postMessage({ batch, files }));
    this.sentChars += this.pendingChars;
    this.pending = [];
    this.pendingIndices = [];
    this.pendingChars = 0;
  }

  /** Every taken file's result, put at its index in `into`; the worker is gone afterwards. */
  async results(into: FileResult[]): Promise<void> {
    this.send();
    this.closed = true;
    const worker = await this.worker;
    this.settle();
    try {
      for (const answer of await this.answers) {
        if (answer.fault !== undefined) throw new Error(`parsing in the worker failed: ${answer.fault}`);
        const results = JSON.parse(answer.json!) as FileResult[];
        const indices = this.batches[answer.batch]!;
        for (let i = 0; i < indices.length; i++) into[indices[i]!] = results[i]!;
      }
    } finally {
      void worker.terminate();
    }
  }

  /** Stops the worker without waiting for its results (the load failed on the way). */
  stop(): void {
    void this.worker.then((worker) => worker.terminate()).catch(() => undefined);
  }
}
