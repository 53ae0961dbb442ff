/**
 * The task of a parse worker: a batch of files in, each file's result out.
 * The pool (parse-parallel.ts, tinypool) calls the default export; a worker
 * started alongside the main thread's own parse (parse-alongside.ts) takes
 * its batches as messages and answers each with its results as JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AlongsideAnswer } from './parse-alongside.ts';
import { parseFile, type FileResult, type SourceFile } from './parse-file.ts';

// The yaml parser (the careful way) reads process.env.LOG_TOKENS once per
// token, and process.env is a slow native lookup. A worker's environment is its
// own copy, so making it a plain object here changes nothing for anyone else.
process.env = { ...process.env };

export default function parseBatch(files: SourceFile[]): FileResult[] {
  return files.map(parseFile);
}

if (parentPort && (workerData as { styrgrafAlongside?: boolean } | null)?.styrgrafAlongside) {
  const port = parentPort;
  port.on('message', ({ batch, files }: { batch: number; files: SourceFile[] }) => {
    let answer: AlongsideAnswer;
    try {
      answer = { batch, json: JSON.stringify(parseBatch(files)) };
    } catch (error) {
      answer = { batch, fault: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(answer);
  });
}
