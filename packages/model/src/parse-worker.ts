/**
 * The task of a parse worker (parse-parallel.ts): a batch of files in, each
 * file's result out. The pool (tinypool) calls the default export.
 */
import { parseFile, type FileResult, type SourceFile } from './parse-file.ts';

// The yaml parser (the careful way) reads process.env.LOG_TOKENS once per
// token, and process.env is a slow native lookup. A worker's environment is its
// own copy, so making it a plain object here changes nothing for anyone else.
process.env = { ...process.env };

export default function parseBatch(files: SourceFile[]): FileResult[] {
  return files.map(parseFile);
}
