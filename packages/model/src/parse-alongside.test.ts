import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, parseDataset } from './load.ts';
import { ALONGSIDE_MIN_FILES, AlongsideParser, parsesAlongside } from './parse-alongside.ts';
import { parseFile, type FileResult, type SourceFile } from './parse-file.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const broken: SourceFile[] = [
  { path: 'broken/syntax.yaml', content: 'entities:\n  - id: x\n    name: { sv: "unterminated\n' },
  { path: 'broken/schema.yaml', content: 'entities:\n  - id: Bad Id\n    kind: ROLE\n    colour: red\n' },
];
// Enough municipalities for more files than ALONGSIDE_MIN_FILES, so that a two-core machine loads them with the worker.
const files = syntheticFiles(generateSynthetic({ municipalities: 30, seed: 5 }));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrgraf-alongside-'));
  for (const f of files) {
    await mkdir(dirname(join(dir, 'set', f.path)), { recursive: true });
    await writeFile(join(dir, 'set', f.path), f.content);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parsing alongside the main thread on two cores', () => {
  it('is what a two-core machine does with a large set, and only there', () => {
    expect(files.length).toBeGreaterThanOrEqual(ALONGSIDE_MIN_FILES);
    expect(parsesAlongside(files.length, 2)).toBe(true);
    expect(parsesAlongside(files.length, 1)).toBe(false);
    expect(parsesAlongside(files.length, 4)).toBe(false);
    expect(parsesAlongside(ALONGSIDE_MIN_FILES - 1, 2)).toBe(false);
  });

  it('gives each file the worker takes exactly the result parseFile gives, broken files included', async () => {
    const all = [...files, ...broken];
    const parser = new AlongsideParser();
    const results = new Array<FileResult>(all.length);
    const taken: number[] = [];
    all.forEach((file, i) => {
      if (parser.take(i, file)) taken.push(i);
      else results[i] = parseFile(file);
    });
    await parser.results(results);
    // The worker takes about half of the text: neither thread idles while the other parses.
    const share = taken.reduce((n, i) => n + all[i]!.content.length, 0) / all.reduce((n, f) => n + f.content.length, 0);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    expect(results).toEqual(all.map(parseFile));
    expect(results.filter((r) => !r.ok)).toHaveLength(2);
  }, 60_000);

  it('loads a directory to the very data set, digest and all, that parsing the same files in line gives', async () => {
    const loaded = await loadDataset(join(dir, 'set'));
    const inLine = parseDataset(files);
    if (!loaded.ok || !inLine.ok) throw new Error('the synthetic set must load');
    expect(loaded.dataset.digest).toBe(inLine.dataset.digest);
    expect(loaded.dataset.entities).toEqual(inLine.dataset.entities);
  }, 60_000);

  it('reports a broken file loaded from a directory with the same file, line and field as in line', async () => {
    for (const f of broken) {
      await mkdir(dirname(join(dir, 'set', f.path)), { recursive: true });
      await writeFile(join(dir, 'set', f.path), f.content);
    }
    try {
      const loaded = await loadDataset(join(dir, 'set'));
      const inLine = parseDataset([...files, ...broken].sort((a, b) => (a.path < b.path ? -1 : 1)));
      if (loaded.ok || inLine.ok) throw new Error('the broken files must be refused');
      expect(loaded.issues).toEqual(inLine.issues);
      expect(loaded.issues.map((i) => i.file)).toEqual(expect.arrayContaining(['broken/syntax.yaml', 'broken/schema.yaml']));
    } finally {
      await rm(join(dir, 'set/broken'), { recursive: true });
    }
  }, 60_000);
});
