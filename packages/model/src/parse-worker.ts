/**
 * A worker thread of parse-parallel.ts: parses the batches of files it is
 * sent and answers with each file's result.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile, type SourceFile } from './parse-file.ts';

// The yaml parser reads process.env.LOG_TOKENS once per token, and process.env
// is a slow native lookup. A worker's environment is its own copy, so making it
// a plain object here changes nothing for anyone else and parses ~20% faster.
process.env = { ...process.env };

parentPort!.on('message', (batch: { id: number; files: SourceFile[] }) => {
  parentPort!.postMessage({ id: batch.id, results: batch.files.map(parseFile) });
});
