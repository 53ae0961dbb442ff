/**
 * A worker thread of parse-parallel.ts: parses the batches of files it is
 * sent and answers with each file's result.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile, type SourceFile } from './parse-file.ts';

parentPort!.on('message', (batch: { id: number; files: SourceFile[] }) => {
  parentPort!.postMessage({ id: batch.id, results: batch.files.map(parseFile) });
});
