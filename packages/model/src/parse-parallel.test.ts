import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { readDatasetFiles } from './load.ts';
import { parseFile } from './parse-file.ts';
import { defaultWorkers, parseFiles } from './parse-parallel.ts';
import { parseWorkerEntry } from './parse-worker-entry.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const graphDir = new URL('../../../graph/', import.meta.url);

describe('parsing in worker threads', () => {
  it('gives exactly what parsing in line gives, broken files included', async () => {
    const files = [
      ...syntheticFiles(generateSynthetic({ municipalities: 3, seed: 3 })),
      ...(await readDatasetFiles(graphDir.pathname)),
      { path: 'broken/syntax.yaml', content: 'entities:\n  - id: x\n    name: { sv: "unterminated\n' },
      { path: 'broken/schema.yaml', content: 'entities:\n  - id: Bad Id\n    kind: ROLE\n    colour: red\n' },
      { path: 'broken/list.yaml', content: '- a\n- b\n' },
      { path: 'empty.yaml', content: '' },
    ];
    const inLine = files.map(parseFile);
    // The pool warns when it falls back to parsing in line; here it must really use its threads.
    const warn = vi.spyOn(console, 'warn');
    const inWorkers = await parseFiles(files, { workers: 2, minBytes: 0, batchBytes: 20_000 });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(inWorkers).toEqual(inLine);
    expect(inWorkers.filter((r) => !r.ok)).toHaveLength(3);
  }, 60_000);

  it('parses in line on two cores, where taking apart what the workers send back costs what they save, and in a thread per core from three up', () => {
    expect([1, 2, 3, 4, 8].map(defaultWorkers)).toEqual([1, 1, 3, 4, 8]);
  });

  it('parses small sets in line', async () => {
    const content = await readFile(new URL('meta.yaml', graphDir), 'utf8');
    expect(await parseFiles([{ path: 'meta.yaml', content }])).toEqual([parseFile({ path: 'meta.yaml', content })]);
  });

  it('starts its workers from plain JavaScript: plain node, with no TypeScript loader, parses as parseFile does', async () => {
    const entry = await parseWorkerEntry();
    expect(entry).toMatch(/\.m?js$/);
    const content = await readFile(new URL('meta.yaml', graphDir), 'utf8');
    const file = { path: 'meta.yaml', content };
    const script = `const { default: parse } = await import(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(parse(JSON.parse(process.argv[1]))));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([file])], {
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify([parseFile(file)])));
  }, 60_000);
});
