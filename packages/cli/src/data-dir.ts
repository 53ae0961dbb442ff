import { formatIssue, loadDataset, parseDataset, type Dataset, type SourceFile, type ValidationIssue } from '@styrgraf/model';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError, type Io } from './command.ts';

/** The data directory a command reads: the one given, else GRAPH_DIR, else graph/. */
export function dataDir(given: string | undefined): string {
  return resolve(given ?? process.env.GRAPH_DIR ?? 'graph');
}

/** A dataset that failed to load, with every problem (file, line, field) in one message. */
export class InvalidDataError extends Error {
  constructor(
    readonly where: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`✗ ${where}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'InvalidDataError';
  }
}

export async function loadOrThrow(dir: string): Promise<Dataset> {
  const result = await loadDataset(dir);
  if (!result.ok) throw new InvalidDataError(dir, result.issues);
  return result.dataset;
}

/**
 * The data set a command works on, or undefined once every problem (file,
 * line, field) has been said on stderr, followed by `advice` when given:
 * the command then exits 1, as the data says no.
 */
export async function loadOrReport(dir: string, io: Io, advice?: string): Promise<Dataset | undefined> {
  try {
    return await loadOrThrow(dir);
  } catch (error) {
    if (!(error instanceof InvalidDataError)) throw error;
    io.err(advice ? `${error.message}\n  ${advice}` : error.message);
    return undefined;
  }
}

const run = promisify(execFile);

/**
 * A data set from a directory, or from a git revision written `REV:PATH`
 * (`HEAD~1:graph`, `main:graph`), read with `git show` without touching the
 * work tree: how a reviewer compares a branch's data with main's.
 */
export async function loadSpec(spec: string): Promise<{ label: string; dataset: Dataset }> {
  const git = /^([^:]+):(.*)$/.exec(spec);
  if (!git || /^[A-Za-z]:[\\/]/.test(spec)) {
    const dir = resolve(spec);
    return { label: spec, dataset: await loadOrThrow(dir) };
  }
  const [, rev, path] = git as unknown as [string, string, string];
  const prefix = path.replace(/\/+$/, '');
  let listing: string;
  try {
    listing = (await run('git', ['ls-tree', '-r', '--name-only', rev, '--', prefix || '.'], { maxBuffer: 1e8 })).stdout;
  } catch (error) {
    throw new UsageError(`cannot read ${spec} from git: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
  const paths = listing.split('\n').filter((p) => p.endsWith('.yaml') || p.endsWith('.yml'));
  if (paths.length === 0) throw new UsageError(`${spec}: git holds no .yaml files under "${prefix}" at ${rev}`);
  const files: SourceFile[] = [];
  for (const p of paths) {
    const content = (await run('git', ['show', `${rev}:${p}`], { maxBuffer: 1e8 })).stdout;
    files.push({ path: prefix ? p.slice(prefix.length + 1) : p, content });
  }
  const result = parseDataset(files);
  if (!result.ok) throw new InvalidDataError(spec, result.issues);
  return { label: spec, dataset: result.dataset };
}
