import { fileURLToPath } from 'node:url';
import { parseDataset, readDatasetFiles, type LoadResult, type SourceFile } from '@styrgraf/model';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Mutated copies of graph/ through the loader: broken YAML, wrong types,
 * loops, dangling and duplicate ids, unicode edge cases. Whatever the damage,
 * parseDataset answers with a value — the whole data set, or problems that
 * each name a file of the set (and a line and field where there is one) —
 * never a throw and never part of a data set. Seeded, a few hundred runs.
 */

const CODES = [
  'IO',
  'YAML_SYNTAX',
  'NOT_A_MAPPING',
  'SCHEMA',
  'MISSING_META',
  'DUPLICATE_ID',
  'DANGLING_REFERENCE',
  'WRONG_KIND',
  'MISSING_CITATION',
  'INVALID_DATES',
  'CYCLE',
  'MISSING_EVIDENCE',
  'EVIDENCE',
  'EMPTY',
];
let files: SourceFile[];
beforeAll(async () => {
  files = await readDatasetFiles(fileURLToPath(new URL('../graph/', import.meta.url)));
});

type Mutation = (files: SourceFile[]) => { files: SourceFile[]; mustFail: boolean };

const onFile =
  (pick: number, change: (content: string) => string, mustFail: boolean): Mutation =>
  (list) => {
    const i = pick % list.length;
    return { files: list.map((f, j) => (j === i ? { ...f, content: change(f.content) } : f)), mustFail };
  };
const at = (content: string, position: number) => Math.floor(position * content.length);

const STRANGE = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\ufeff',
  '\u2028',
  '🙂',
  'e\u0301',
  'ß',
  '\t',
  '"',
  "'",
  ':',
  '- ',
  '{',
  '[',
  '&a',
  '*a',
  '!!binary',
  '%YAML 1.1',
  '<<: *x',
  '\r\n',
  '  ',
  '#',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Bytes anywhere: syntax errors, wrong types, unicode at odd places.
  fc
    .tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...STRANGE))
    .map(([f, p, s]) => onFile(f, (c) => c.slice(0, at(c, p)) + s + c.slice(at(c, p)), false)),
  fc
    .tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 20 }))
    .map(([f, p, s]) => onFile(f, (c) => c.slice(0, at(c, p)) + s + c.slice(at(c, p)), false)),
  // A file cut short, or a stretch of it gone.
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([f, p]) => onFile(f, (c) => c.slice(0, at(c, p)), false)),
  fc
    .tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 }))
    .map(([f, p, n]) => onFile(f, (c) => c.slice(0, at(c, p)) + c.slice(at(c, p) + n), false)),
  // Wrong types: a scalar where a list or mapping belongs, and the other way round.
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        'name: 5',
        'cites: kl-5-1',
        'order: "ett"',
        'confidence: [HIGH]',
        'kind: 7',
        'validFrom: 2023-02-30',
        'participants: {}',
        'synthetic: "ja"',
      ),
    )
    .map(([f, line]) =>
      onFile(
        f,
        (c) => c.replace(/\n(\s+)(name|cites|order|confidence|kind|validFrom|participants|synthetic):[^\n]*/, (_m, indent: string) => `\n${indent}${line}`),
        false,
      ),
    ),
  // Dangling ids: a reference renamed to nothing.
  fc.nat().map((f) => onFile(f, (c) => c.replace(/\b(from|to|actor|document): ([a-z0-9-]+)/, '$1: $2-finns-inte'), false)),
  // Duplicate ids: a whole file read twice under another name.
  fc.nat().map((f): Mutation => (list) => {
    const copy = list[f % list.length]!;
    return { files: [...list, { path: `copy/${copy.path}`, content: copy.content }], mustFail: /\n\s*- id: /.test(copy.content) || copy.path === 'meta.yaml' };
  }),
  // A loop in line management or ownership.
  fc
    .constantFrom(
      'relations:\n  - { kind: ELECTS, from: kommunstyrelsen, to: kommunfullmaktige, cites: [kl-5-1], evidence: { status: INTERPRETED, note: { sv: x, en: x } } }\n',
      'relations:\n  - { kind: OWNS, from: nodra-ab, to: norrkoping-radhus-ab, sources: [https://example.org], evidence: { status: SOURCED, confidence: LOW } }\n',
      'relations:\n  - { kind: MANAGES, from: kommundirektor, to: kommundirektor, cites: [kl-7-1], evidence: { status: INTERPRETED, note: { sv: x, en: x } } }\n',
    )
    .map((content): Mutation => (list) => ({ files: [...list, { path: 'zz-loop.yaml', content }], mustFail: true })),
  // Unicode in ids and names.
  fc
    .tuple(fc.nat(), fc.constantFrom(...STRANGE))
    .map(([f, s]) => onFile(f, (c) => c.replace(/- id: ([a-z0-9-]+)/, (_m, id: string) => `- id: ${id}${s}`), false)),
);

function expectClean(result: LoadResult, input: SourceFile[], mustFail: boolean): void {
  if (result.ok) {
    expect(mustFail).toBe(false);
    expect(result.dataset.entities.length).toBeGreaterThan(0);
    return;
  }
  expect('dataset' in result).toBe(false);
  expect(result.issues.length).toBeGreaterThan(0);
  const paths = new Set(input.map((f) => f.path));
  for (const issue of result.issues) {
    expect(CODES).toContain(issue.code);
    expect(paths.has(issue.file) || issue.file === '.').toBe(true);
    expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
    expect(typeof issue.field).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe('fuzzing the data files', () => {
  it('turns 250 mutated copies of graph/ into the whole data set or clean problems, never a throw or a partial load', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let input = files;
        let mustFail = false;
        for (const m of mutations) {
          const next = m(input);
          input = next.files;
          mustFail ||= next.mustFail;
        }
        let result: LoadResult | undefined;
        expect(() => (result = parseDataset(input))).not.toThrow();
        expectClean(result!, input, mustFail);
      }),
      { seed: 20261123, numRuns: 250 },
    );
  }, 110_000);
});
