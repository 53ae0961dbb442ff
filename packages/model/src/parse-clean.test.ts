import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from './load.ts';
import { outlineOfText, parseCleanFile } from './parse-clean.ts';
import { parseFileCarefully, type SourceFile } from './parse-file.ts';
import type { GraphFile } from './schema.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const graphDir = new URL('../../../graph/', import.meta.url);

describe('the quick way through a clean file', () => {
  it('gives what the careful way gives, lines included, for every file of graph/ and of a synthetic set', async () => {
    const files = [...(await readDatasetFiles(graphDir.pathname)), ...syntheticFiles(generateSynthetic({ municipalities: 3, seed: 3 }))];
    let quick = 0;
    for (const file of files) {
      const fast = parseCleanFile(file);
      if (!fast) continue;
      quick++;
      expect(fast, file.path).toEqual(parseFileCarefully(file));
    }
    // The quick way must really be taken, or it saves nothing: every generated file, nearly every reviewed one.
    expect(quick).toBeGreaterThan(files.length * 0.9);
  }, 60_000);

  it('leaves to the careful way what it cannot vouch for', () => {
    const cases: SourceFile[] = [
      // Scalars the two libraries read differently.
      { path: 'a.yaml', content: 'meta:\n  version: 0b11\n' },
      { path: 'b.yaml', content: 'meta:\n  version: +.5\n' },
      // Anchors and aliases, which `yaml` guards against bombs.
      { path: 'c.yaml', content: 'entities:\n  - &x\n    id: a\n' },
      // A dash alone on its line: a layout the line scan does not follow.
      { path: 'd.yaml', content: 'entities:\n  -\n    id: kommunfullmaktige\n' },
      // Broken YAML and content the schema refuses.
      { path: 'e.yaml', content: 'entities:\n  - id: x\n    name: { sv: "unterminated\n' },
      { path: 'f.yaml', content: 'entities:\n  - id: Bad Id\n    kind: ROLE\n' },
      // A duplicate key, which js-yaml and `yaml` both refuse, but only `yaml` places.
      { path: 'g.yaml', content: 'meta:\n  a: 1\n  a: 2\n' },
    ];
    for (const file of cases) expect(parseCleanFile(file), file.path).toBeNull();
  });

  it('finds each item by the line its dash is on, past comments and block scalars', () => {
    const file = {
      path: 'x.yaml',
      content: [
        'glossary:',
        '  # a comment at the indent of the items',
        '  - id: term-a',
        '    name: { sv: A, en: A }',
        '    definition:',
        '      sv: |',
        '        - inte en post',
        '      en: |',
        '        - not an item',
        '  - id: term-b',
        '    name: { sv: B, en: B }',
        '    definition: { sv: B, en: B }',
        '',
      ].join('\n'),
    };
    const careful = parseFileCarefully(file);
    expect(careful.ok).toBe(true);
    const fast = parseCleanFile(file);
    expect(fast).toEqual(careful);
    expect(fast?.outline.items.glossary).toEqual([3, 10]);
  });

  it('finds the same lines in a file written with CRLF line ends, tabs and no-break spaces in its indents', () => {
    const lines = [
      'decisionAreas:',
      '  - id: area-a',
      '    participants:  # who',
      '      - { entity: x, role: y }',
      '\t   ',
      '      - { entity: z, role: y }',
      '  - id: area-b',
      '    participants: []',
      '',
    ];
    const crlf = lines.join('\r\n');
    const odd = lines.map((l) => l.replace(/^ {4}/, '\u00a0   ')).join('\n');
    const data = { decisionAreas: [{ participants: [1, 2] }, { participants: [] }] } as unknown as GraphFile;
    const expected = { items: { decisionAreas: [2, 7] }, participants: [[4, 6], []] };
    expect(outlineOfText(crlf, data)).toEqual(expected);
    expect(outlineOfText(odd, data)).toEqual(expected);
    // A dash alone on its line, a CR after it, is left to the careful way.
    expect(outlineOfText('decisionAreas:\r\n  -\r\n    id: a\r\n', { decisionAreas: [{ participants: [] }] } as unknown as GraphFile)).toBeNull();
  });
});
