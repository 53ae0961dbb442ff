import { readFile, readFileSync } from 'node:fs';
import { readdir, readlink, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { DatasetValidationError, type ValidationIssue } from './errors.ts';
import { parsedFile, parseFile, type FileResult, type ParsedFile, type SourceFile } from './parse-file.ts';
import { parseFiles, parsesInLine } from './parse-parallel.ts';
import type { Dataset } from './types.ts';
import { assembleDataset } from './validate.ts';

export { formatPath, type ParsedFile, type SourceFile } from './parse-file.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; issues: ValidationIssue[] };

/** Where a load's time goes, in milliseconds (filled in by loadDataset when asked, for the bench). */
export interface LoadTimings {
  /** Listing and reading the files (the part of it not spent parsing, where each file is parsed as it arrives). */
  readMs: number;
  /** YAML to checked file content, file by file. */
  parseMs: number;
  /** Gathering, deriving and checking across files, the digest left out. */
  assembleMs: number;
  /** The data set's digest (digest.ts). */
  digestMs: number;
}

export const GRAPH_FILE_EXTENSIONS = ['.yaml', '.yml'];

/** A file or link in the data directory that cannot be read as a data file. */
export class UnreadableEntryError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableEntryError';
  }
}

/**
 * Reads every YAML file under `dir` (recursively, sorted) as a data set. A
 * symbolic link to a file is read as that file; a link that points nowhere,
 * or to a directory, is refused by name (UnreadableEntryError), since
 * skipping it would load a data set with a part silently missing.
 */
export async function readDatasetFiles(dir: string): Promise<SourceFile[]> {
  const paths = await datasetPaths(dir);
  const files = new Array<SourceFile>(paths.length);
  await readEach(dir, paths, (i, path, bytes) => (files[i] = { path, content: bytes.toString('utf8') }));
  return files;
}

/** The data files under `dir`, sorted; links checked as readDatasetFiles says. */
async function datasetPaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths: string[] = [];
  for (const e of entries) {
    const path = join(e.parentPath, e.name);
    if (e.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      const shown = relative(dir, path).split(sep).join('/');
      if (!target) throw new UnreadableEntryError(shown, `is a symbolic link to ${await readlink(path).catch(() => '?')}, which does not exist`);
      if (target.isDirectory())
        throw new UnreadableEntryError(
          shown,
          'is a symbolic link to a directory, whose files would not be read: copy the directory in, or link its files one by one',
        );
      if (!target.isFile()) continue;
    } else if (!e.isFile()) continue;
    if (GRAPH_FILE_EXTENSIONS.some((ext) => e.name.endsWith(ext))) paths.push(path);
  }
  return paths.sort();
}

/**
 * Reads every file, handing each to `take` (with its index among `paths`,
 * and its path as data sets name it) as it arrives, in whatever order the
 * reads finish. The bytes are what `readFile(path, 'utf8')` decodes, so
 * `bytes.toString('utf8')` is that text, to the character.
 */
async function readEach(dir: string, paths: string[], take: (index: number, path: string, bytes: Buffer) => void): Promise<void> {
  // A bounded number of reads in flight: one read per file at once runs out of file handles (EMFILE) on a set of tens of thousands of files.
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < paths.length; i = next++) take(i, relative(dir, paths[i]!).split(sep).join('/'), await readBytes(paths[i]!));
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, paths.length) }, reader));
}

/**
 * Reads every file in turn, synchronously, handing each to `take` as readEach does. Where the files are parsed in line,
 * reads in flight beside the parse (readEach) bought no time: on two cores there is no core to spare for them, and each
 * asynchronous read costs the main thread four trips to the thread pool (open, stat, read, close), which on a busy machine
 * waited on the pool's threads. Read in turn, the national set's 4,355 files take ~60 ms of CPU, and its load ~10 % less CPU in all.
 */
function readEachInTurn(dir: string, paths: string[], take: (index: number, path: string, bytes: Buffer) => void): void {
  for (let i = 0; i < paths.length; i++) take(i, relative(dir, paths[i]!).split(sep).join('/'), readFileSync(paths[i]!));
}

/** Enough reads at once to keep the disk and the thread pool busy, far below any limit on open files. */
const READS_IN_FLIGHT = 64;

/**
 * fs.readFile with a callback: the promise API's readFile reads in several
 * chunked round trips and takes ~4× as long over thousands of small files.
 */
function readBytes(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFile(path, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

/**
 * A file whose text is kept as its bytes once it is parsed, and decoded
 * again only if a problem's line must be found by parsing it anew
 * (parse-file.ts's lineOf). The text as a string is two bytes a character
 * in V8 for nearly every file of ours (any "å" makes it so) and lived on the
 * garbage-collected heap until the load ended: ~37 MB of the national set's
 * heap, copied by every young-generation collection it survived. The bytes
 * are half that, outside the heap.
 */
function keptAsBytes(path: string, bytes: Buffer): SourceFile {
  return {
    path,
    get content() {
      return bytes.toString('utf8');
    },
  };
}

/** Loads and validates a data directory. Never throws for bad data: the issues come back as values. */
export async function loadDataset(dir: string, timings?: LoadTimings): Promise<LoadResult> {
  const started = performance.now();
  let paths: string[];
  try {
    paths = await datasetPaths(dir);
  } catch (error) {
    return unreadable(dir, error);
  }
  if (paths.length === 0) return parseDataset([]);
  if (timings) timings.digestMs = 0;
  const files = new Array<SourceFile>(paths.length);
  let results: FileResult[];
  let parseMs = 0;
  if (parsesInLine()) {
    // Each file parsed as soon as it is read (see readEachInTurn).
    const parsed = new Array<FileResult>(paths.length);
    // A fault of the parser's own (never the data's: that comes back as issues) is thrown as it is, not taken for a read error.
    let fault: { error: unknown } | undefined;
    try {
      readEachInTurn(dir, paths, (i, path, bytes) => {
        files[i] = keptAsBytes(path, bytes);
        const content = bytes.toString('utf8');
        const begun = performance.now();
        try {
          parsed[i] = parseFile({ path, content });
        } catch (error) {
          fault ??= { error };
        }
        parseMs += performance.now() - begun;
      });
    } catch (error) {
      return unreadable(dir, error);
    }
    if (fault) throw fault.error;
    results = parsed;
  } else {
    const kept = new Array<SourceFile>(paths.length);
    try {
      await readEach(dir, paths, (i, path, bytes) => {
        files[i] = { path, content: bytes.toString('utf8') };
        kept[i] = keptAsBytes(path, bytes);
      });
    } catch (error) {
      return unreadable(dir, error);
    }
    const begun = performance.now();
    results = await parseFiles(files);
    // Once parsed, the texts are kept as bytes here too (see keptAsBytes).
    kept.forEach((file, i) => (files[i] = file));
    parseMs = performance.now() - begun;
  }
  const read = performance.now();
  const result = assembleFiles(files, results, timings);
  if (timings) {
    timings.readMs = read - started - parseMs;
    timings.parseMs = parseMs;
    timings.assembleMs = performance.now() - read - timings.digestMs;
  }
  return result;
}

function unreadable(dir: string, error: unknown): LoadResult {
  if (error instanceof UnreadableEntryError) return { ok: false, issues: [{ code: 'IO', file: error.path, line: 0, field: '', message: error.message }] };
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, issues: [{ code: 'IO', file: dir, line: 0, field: '', message: `cannot read the data directory: ${reason}` }] };
}

/** Like loadDataset, but throws a DatasetValidationError listing every issue. */
export async function loadDatasetOrThrow(dir: string): Promise<Dataset> {
  const result = await loadDataset(dir);
  if (!result.ok) throw new DatasetValidationError(dir, result.issues);
  return result.dataset;
}

/** Parses and validates files already in memory: all or nothing. */
export function parseDataset(files: SourceFile[]): LoadResult {
  if (files.length === 0) {
    return { ok: false, issues: [{ code: 'EMPTY', file: '.', line: 0, field: '', message: 'no .yaml files found' }] };
  }
  return assembleFiles(files, files.map(parseFile));
}

/** Cross-file checks over every file that parsed, with the problems of those that did not. */
function assembleFiles(files: SourceFile[], results: FileResult[], timings?: LoadTimings): LoadResult {
  const issues: ValidationIssue[] = [];
  const parsed: ParsedFile[] = [];
  // Ids and keys that broken files seem to hold, so that checking the rest does not report their absence.
  const brokenIds = new Set<string>();
  let brokenHasMeta = false;
  results.forEach((result, i) => {
    if (!result.ok) {
      issues.push(...result.issues);
      for (const id of result.ids) brokenIds.add(id);
      brokenHasMeta ||= result.hasMeta;
    } else parsed.push(parsedFile(files[i]!, result.data, result.outline));
  });
  const assembled = assembleDataset(parsed, timings);
  if (issues.length === 0) return assembled;
  if (!assembled.ok) {
    issues.push(
      ...assembled.issues.filter(
        (i) =>
          !(i.code === 'DANGLING_REFERENCE' && [...brokenIds].some((id) => i.message.includes(`"${id}"`))) && !(i.code === 'MISSING_META' && brokenHasMeta),
      ),
    );
  }
  return { ok: false, issues };
}
