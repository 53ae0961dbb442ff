import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from './load.ts';
import { readPlainYaml } from './parse-plain-yaml.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';

const graphDir = new URL('../../../graph/', import.meta.url);

/** What js-yaml makes of the text under the core schema, or `refused` when it throws. */
function jsYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return 'refused';
  }
}

/** The reader's one promise: js-yaml's value, or null (it leaves the text to js-yaml); never a value js-yaml would not give. */
function holdsToJsYaml(text: string): boolean {
  const mine = readPlainYaml(text);
  if (mine !== null) answered++;
  return mine === null || isDeepStrictEqual(mine, jsYaml(text));
}
/** How many texts the reader answered for, so that a property is seen to test its answers, not only its giving up. */
let answered = 0;

const realFiles = async () => [...(await readDatasetFiles(graphDir.pathname)), ...syntheticFiles(generateSynthetic({ municipalities: 3, seed: 3 }))];

describe('the reader of plain YAML', () => {
  it('reads every file of graph/ and of a synthetic set as js-yaml does, or leaves it to js-yaml', async () => {
    const reviewed = await readDatasetFiles(graphDir.pathname);
    const generated = syntheticFiles(generateSynthetic({ municipalities: 3, seed: 3 }));
    const read = (files: typeof reviewed) =>
      files.filter((file) => {
        const mine = readPlainYaml(file.content);
        if (mine !== null) expect(mine, file.path).toStrictEqual(jsYaml(file.content));
        return mine !== null;
      }).length;
    // It must really read them, or it saves nothing: every generated file but the set's description (a quoted text over two
    // lines), and the reviewed files without folded texts (`>-`).
    expect(read(generated)).toBe(generated.length - 1);
    expect(read(reviewed)).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('reads the layouts of our files, with the values written', () => {
    const text = [
      '# a comment',
      'relations:',
      '  - kind: ELECTS',
      '    from: s001-kommunfullmaktige   # trailing comment',
      '    label: { sv: \'väljer, utser\', en: "elects \\"all\\"" }',
      '    cites: [ se-kl-5-1, 3 kap. 5 § ]',
      '    text: Kommunstyrelsen ska leda',
      '      och samordna.',
      '    order: 12',
      '    synthetic: true',
      '    note:',
      'items:',
      '- a',
      '- { x: [], y: {} }',
      '',
    ].join('\r\n');
    expect(readPlainYaml(text)).toStrictEqual({
      relations: [
        {
          kind: 'ELECTS',
          from: 's001-kommunfullmaktige',
          label: { sv: 'väljer, utser', en: 'elects "all"' },
          cites: ['se-kl-5-1', '3 kap. 5 §'],
          text: 'Kommunstyrelsen ska leda och samordna.',
          order: 12,
          synthetic: true,
          note: null,
        },
      ],
      items: ['a', { x: [], y: {} }],
    });
    expect(holdsToJsYaml(text)).toBe(true);
  });

  it('resolves plain scalars as the core schema does', () => {
    const scalars = ['1', '-1', '+1', '012', '0x1F', '0o17', '1_000', '1e3', '1.5', '1.', '.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL'];
    const more = ['true', 'True', 'TRUE', 'false', 'no', 'yes', 'on', '2024-01-01', '12:30', '1 2', 'nul', 'truely', 'ff', '0x', '-', '-a', 'a-', '§ 5'];
    for (const scalar of [...scalars, ...more]) {
      const text = `a: ${scalar}\nb: [ ${scalar} ]\nc:\n  - ${scalar}\n`;
      const mine = readPlainYaml(text);
      expect(mine === null || isDeepStrictEqual(mine, jsYaml(text)), scalar).toBe(true);
    }
    expect(readPlainYaml('a: 0x1F\nb: 12\nc: ~\nd: False\ne: 2024-01-01\nf: no\n')).toStrictEqual({
      a: 31,
      b: 12,
      c: null,
      d: false,
      e: '2024-01-01',
      f: 'no',
    });
  });

  it('leaves to js-yaml what it does not read', () => {
    const leftAlone = [
      'a: >-\n  folded\n  text\n', // block scalars
      'a: |\n  kept\n',
      'a:\tb\n', // tabs
      '"a": b\n', // quoted keys
      'a: "two\n  lines"\n', // quoted over several lines
      'a: [ b,\n  c ]\n', // flow over several lines
      'a: b\n\n  c\n', // a plain scalar over a blank line
      '---\na: b\n', // document markers
      'a: &x b\nc: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: b\na: c\n', // duplicate keys (js-yaml refuses them)
      '__proto__: b\n',
      'a: b: c\n', // a mapping on one line in block context
      'a:\n  -\n    b: c\n', // a dash alone on its line
      '\uFEFFa: b\n', // a byte order mark
      'a: b\rc: d\n', // a lone carriage return
      '- a\n', // a list at the top
      'a: [ b, ]\n', // a comma before the close
      'a: { b: c:d }\n', // a colon in a flow scalar
    ];
    for (const text of leftAlone) expect(readPlainYaml(text), JSON.stringify(text)).toBeNull();
  });

  it('never gives a value js-yaml would not, for documents of every layout', () => {
    const word = fc.constantFrom('a', 'sv', 'kind', 'b-c', 'x_1', 'null', 'True', '1', '"q"', "'s'", '__proto__');
    const scalar = fc.constantFrom(
      'x',
      'två ord',
      '12',
      '-3',
      '0x1F',
      '.inf',
      '~',
      'true',
      'no',
      '2024-01-01',
      '"dq \\" \\n"',
      "'it''s'",
      '"bad \\q"',
      '[ a, b ]',
      '{ sv: X, en: Y }',
      '[]',
      '{}',
      'a # c',
      'a: b',
      '- a',
      '>-',
      '|',
      '&x a',
      '*x',
      '!t a',
      '#c',
      '',
      '[ a,',
      '{ a: [ b, { c: d } ] }',
    );
    const indent = fc.constantFrom('', ' ', '  ', '    ', '\t');
    const line = fc.oneof(
      fc.tuple(indent, word, scalar).map(([i, k, v]) => `${i}${k}: ${v}`),
      fc.tuple(indent, word).map(([i, k]) => `${i}${k}:`),
      fc.tuple(indent, scalar).map(([i, v]) => `${i}- ${v}`),
      fc.tuple(indent, word, scalar).map(([i, k, v]) => `${i}- ${k}: ${v}`),
      fc.tuple(indent, scalar).map(([i, v]) => `${i}  ${v}`),
      fc.constantFrom('', '# note', '  # note', '---', '-'),
    );
    const document = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol) + eol);
    fc.assert(
      fc.property(document, (text) => holdsToJsYaml(text)),
      { numRuns: 5_000 },
    );
  });

  it('reads documents written in the layouts of our files, in every style, as js-yaml does', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        'x',
        'två ord',
        'Syntetisk läsning, text',
        '12',
        '-3',
        '0x1F',
        '1e3',
        '.inf',
        '~',
        'true',
        'no',
        '2024-01-01',
        '3 kap. 5 §',
        'a]b',
        'e-post',
      ),
      fc.constantFrom('"dq \\" x"', "'it''s'", '"a, b"', "'[x]'"),
    );
    const key = fc.constantFrom('id', 'sv', 'en', 'kind', 'cites', 'from-to', 'x_1');
    type Node = { scalar: string } | { list: Node[] } | { map: [string, Node][] };
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar.map((s) => ({ scalar: s })),
        fc.array(tie('node'), { maxLength: 3 }).map((list) => ({ list })),
        fc.uniqueArray(fc.tuple(key, tie('node')), { maxLength: 3, selector: ([k]) => k }).map((map) => ({ map })),
      ),
    }));
    type Style = { flow: boolean; sameIndent: boolean; step: number; comments: boolean; wrap: boolean };
    const style: fc.Arbitrary<Style> = fc.record({
      flow: fc.boolean(),
      sameIndent: fc.boolean(),
      step: fc.constantFrom(2, 4),
      comments: fc.boolean(),
      wrap: fc.boolean(),
    });
    const flow = (n: Node): string =>
      'scalar' in n
        ? n.scalar
        : 'list' in n
          ? `[ ${n.list.map(flow).join(', ')} ]`
          : n.map.length === 0
            ? '{}'
            : `{ ${n.map.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
    const block = (n: Node, indent: number, s: Style): string[] => {
      const pad = ' '.repeat(indent);
      const value = (k: string, v: Node, at: number): string[] => {
        if ('scalar' in v || (s.flow && !('map' in v && v.map.some(([, x]) => !('scalar' in x))))) {
          const text = flow(v);
          // A plain scalar of two words may go on over a deeper line.
          if (s.wrap && 'scalar' in v && /^[a-zå]+ [a-zå]+$/.test(text))
            return [`${' '.repeat(at)}${k}: ${text.split(' ')[0]}`, `${' '.repeat(at + s.step)}${text.split(' ')[1]}`];
          return [`${' '.repeat(at)}${k}: ${text}${s.comments ? ' # c' : ''}`];
        }
        if ('list' in v && v.list.length === 0) return [`${' '.repeat(at)}${k}: []`];
        if ('map' in v && v.map.length === 0) return [`${' '.repeat(at)}${k}: {}`];
        return [`${' '.repeat(at)}${k}:`, ...block(v, 'list' in v && s.sameIndent ? at : at + s.step, s)];
      };
      if ('scalar' in n) return [`${pad}- ${n.scalar}`];
      if ('list' in n)
        return n.list.flatMap((item) => {
          if ('map' in item && item.map.length > 0) {
            const [first, ...rest] = item.map.flatMap(([k, v], i) => value(k, v, i === 0 ? 0 : indent + 2));
            return [`${pad}- ${first!}`, ...rest, ...(s.comments ? [`${pad}  # between`] : [])];
          }
          return [`${pad}- ${flow(item)}`];
        });
      return n.map.flatMap(([k, v]) => value(k, v, indent));
    };
    const documents = fc
      .tuple(fc.uniqueArray(fc.tuple(key, node), { minLength: 1, maxLength: 4, selector: ([k]) => k }), style, fc.constantFrom('\n', '\r\n'))
      .map(([map, s, eol]) => block({ map }, 0, s).join(eol) + eol);
    answered = 0;
    fc.assert(
      fc.property(documents, (text) => holdsToJsYaml(text)),
      { numRuns: 3_000 },
    );
    // Most are read, not left to js-yaml: the property holds the reader's answers.
    expect(answered).toBeGreaterThan(2_000);
  });

  it('never gives a value js-yaml would not, for our files damaged line by line', async () => {
    const files = (await realFiles()).filter((f) => f.content.length < 20_000);
    const damage = fc.record({
      file: fc.nat(files.length - 1),
      line: fc.nat(400),
      how: fc.constantFrom('drop', 'repeat', 'indent', 'outdent', 'comment', 'colon', 'dash', 'quote', 'tab', 'blank', 'brace'),
    });
    const damaged = ({ file, line, how }: { file: number; line: number; how: string }) => {
      const lines = files[file]!.content.split('\n');
      const at = line % lines.length;
      const text = lines[at]!;
      const changed: Record<string, string[]> = {
        drop: [],
        repeat: [text, text],
        indent: [' ' + text],
        outdent: [text.replace(/^ /, '')],
        comment: [text + ' # note', '  # note'],
        colon: [text + ': x'],
        dash: ['- ' + text],
        quote: [text.replace(/: /, ': "')],
        tab: [text.replace(/ /, '\t')],
        blank: ['', text],
        brace: [text.replace(/}/, '')],
      };
      lines.splice(at, 1, ...changed[how]!);
      return lines.join('\n');
    };
    answered = 0;
    fc.assert(
      fc.property(damage, (d) => holdsToJsYaml(damaged(d))),
      { numRuns: 3_000 },
    );
    expect(answered).toBeGreaterThan(600);
  }, 60_000);
});
