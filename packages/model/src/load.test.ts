import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from './errors.ts';
import { formatIssue } from './errors.ts';
import { parseDataset, type SourceFile } from './load.ts';

const META = `meta:
  id: test
  name: { sv: Testkommun, en: Test municipality }
  version: "1"
`;

const BASE = `documents:
  - id: instr
    name: { sv: Instruktion, en: Instruction }
provisions:
  - id: p-chef
    document: instr
    order: 1
    section: Ledning
    text: Direktören är chef för kontorscheferna.
    textKind: VERBATIM
    name: { sv: Chef, en: Manager }
entities:
  - id: ks
    kind: POLITICAL_BODY
    name: { sv: Kommunstyrelsen, en: Executive board }
    abbreviations: [KS]
    confidence: HIGH
    cites: [p-chef]
  - id: kd
    kind: ROLE
    name: { sv: Kommundirektör, en: Director }
    inText: { sv: kommundirektören, en: the director }
    confidence: HIGH
    cites: [p-chef]
  - id: bolag
    kind: COMPANY
    name: { sv: Bolaget AB, en: Bolaget AB }
    confidence: MEDIUM
    sources: [https://example.org/bolag]
    validTo: 2020-12-31
`;

function load(files: Record<string, string>) {
  return parseDataset(Object.entries(files).map(([path, content]): SourceFile => ({ path, content })));
}

function issues(files: Record<string, string>): ValidationIssue[] {
  const result = load(files);
  if (result.ok) throw new Error('expected the data to be rejected');
  return result.issues;
}

describe('loading a data set', () => {
  it('accepts a valid set and derives the reference relations', () => {
    const result = load({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:
  - kind: APPOINTS
    from: ks
    to: kd
    cites: [p-chef]
    evidence: { status: STATED, quote: chef för kontorscheferna }
`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.dataset.relations.map((r) => r.id);
    expect(ids).toContain('ks.appoints.kd');
    expect(ids).toContain('p-chef.in_document.instr');
    const appoints = result.dataset.relations.find((r) => r.id === 'ks.appoints.kd');
    expect(appoints).toMatchObject({ family: 'REPORTING', origin: { file: 'rel.yaml', line: 2 } });
    expect(result.dataset.entities.find((e) => e.id === 'kd')?.origin).toEqual({ file: 'base.yaml', line: 19 });
  });

  it('gives the same digest however the files are split', () => {
    const relation = `relations:\n  - { kind: APPOINTS, from: ks, to: kd, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n`;
    const a = load({ 'meta.yaml': META, 'base.yaml': BASE, 'rel.yaml': relation });
    const b = load({ 'all.yaml': META + BASE + relation });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.dataset.digest).toBe(b.dataset.digest);
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issues({ 'meta.yaml': META, 'broken.yaml': 'entities:\n  - id: x\n    name: { sv: "unterminated\n' });
    expect(issue).toMatchObject({ code: 'YAML_SYNTAX', file: 'broken.yaml' });
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('names unknown fields, wrong types and impossible dates by file, line and field', () => {
    const found = issues({
      'meta.yaml': META,
      'bad.yaml': `entities:
  - id: ks
    kind: POLITICAL_BODY
    name: { sv: Kommunstyrelsen, en: Board }
    confidence: HIGH
    sources: [https://example.org]
    colour: red
  - id: kd
    kind: ROLE
    name: 5
    confidence: HIGH
    sources: [https://example.org]
    validFrom: 2023-02-30
`,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'SCHEMA', file: 'bad.yaml', line: 7, field: 'entities[0]', message: 'unknown field "colour"' }),
        expect.objectContaining({ code: 'SCHEMA', file: 'bad.yaml', line: 10, field: 'entities[1].name' }),
        expect.objectContaining({ code: 'SCHEMA', file: 'bad.yaml', line: 13, field: 'entities[1].validFrom' }),
      ]),
    );
    expect(formatIssue(found.find((i) => i.field === 'entities[1].validFrom')!)).toMatch(/^bad\.yaml:13 entities\[1\]\.validFrom: must be a real date/);
  });

  it('rejects a file that is not a mapping, and unknown top-level keys', () => {
    expect(issues({ 'meta.yaml': META, 'list.yaml': '- a\n- b\n' })[0]).toMatchObject({ code: 'NOT_A_MAPPING', file: 'list.yaml' });
    expect(issues({ 'meta.yaml': META, 'x.yaml': 'entitys: []\n' })[0]).toMatchObject({ code: 'SCHEMA', message: 'unknown field "entitys"' });
  });

  it('finds duplicate ids across files and says where the first one is', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'more.yaml': `entities:\n  - id: kd\n    kind: ROLE\n    name: { sv: Annan, en: Other }\n    confidence: HIGH\n    cites: [p-chef]\n`,
    });
    expect(issue).toMatchObject({ code: 'DUPLICATE_ID', file: 'more.yaml', line: 2, field: 'entities[0].id' });
    expect(issue!.message).toContain('base.yaml:19');
  });

  it('finds dangling references and suggests the id meant', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:\n  - kind: APPOINTS\n    from: ks\n    to: kdd\n    cites: [p-chefs]\n    evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } }\n`,
    });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'DANGLING_REFERENCE',
        file: 'rel.yaml',
        line: 4,
        field: 'relations[0].to',
        message: 'unknown entity "kdd" (did you mean "kd"?)',
      }),
      expect.objectContaining({
        code: 'DANGLING_REFERENCE',
        line: 5,
        field: 'relations[0].cites[0]',
        message: 'unknown provision "p-chefs" (did you mean "p-chef"?)',
      }),
    ]);
  });

  it('rejects a relation kind between the wrong kinds of entity', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:\n  - { kind: OWNS, from: kd, to: ks, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n`,
    });
    expect(issue).toMatchObject({ code: 'WRONG_KIND', field: 'relations[0].from' });
    expect(issue!.message).toContain('OWNS cannot start at a ROLE');
  });

  it('requires every relation, participant and organisational entity to cite something', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:\n  - { kind: APPOINTS, from: ks, to: kd, evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n`,
      'da.yaml': `decisionAreas:
  - id: da-x
    name: { sv: Beslut, en: Decision }
    participants:
      - { role: DECIDES, actor: kd, evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
`,
      'e.yaml': `entities:\n  - { id: loose, kind: UNIT, name: { sv: Enhet, en: Unit }, confidence: HIGH }\n`,
    });
    expect(found.map((i) => [i.code, i.file, i.field])).toEqual(
      expect.arrayContaining([
        ['MISSING_CITATION', 'rel.yaml', 'relations[0]'],
        ['MISSING_CITATION', 'da.yaml', 'decisionAreas[0].participants[0]'],
        ['MISSING_CITATION', 'e.yaml', 'entities[0]'],
      ]),
    );
  });

  it('rejects participation roles written as plain relations', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'da.yaml': `decisionAreas:\n  - id: da-x\n    name: { sv: B, en: D }\n    participants: [{ role: DECIDES, actor: ks, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }]\nrelations:\n  - { kind: DECIDES, from: kd, to: da-x, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n`,
    });
    expect(issue).toMatchObject({ code: 'WRONG_KIND', field: 'relations[0].kind' });
  });

  it('checks dates: order, and relations that can never hold', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:
  - { kind: OWNS, from: ks, to: bolag, cites: [p-chef], validFrom: 2022-01-01, evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
  - { kind: APPOINTS, from: ks, to: kd, cites: [p-chef], validFrom: 2024-01-01, validTo: 2023-01-01, evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
`,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'INVALID_DATES', line: 2, message: expect.stringContaining('never valid') }),
        expect.objectContaining({ code: 'INVALID_DATES', line: 3, field: 'relations[1].validTo' }),
      ]),
    );
  });

  it('finds ownership and line-management loops', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'c.yaml': `entities:
  - { id: a-ab, kind: COMPANY, name: { sv: A AB, en: A AB }, confidence: HIGH, cites: [p-chef] }
  - { id: b-ab, kind: COMPANY, name: { sv: B AB, en: B AB }, confidence: HIGH, cites: [p-chef] }
relations:
  - { kind: OWNS, from: a-ab, to: b-ab, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
  - { kind: OWNS, from: b-ab, to: a-ab, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
`,
    });
    expect(found.filter((i) => i.code === 'CYCLE')).toHaveLength(2); // once as ownership, once as line management
    expect(found[0]!.message).toContain('a-ab');
  });

  it('requires the ANSWERED and PARTLY questions to name their provisions', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'q.yaml': `questions:\n  - id: q1\n    order: 1\n    section: S\n    name: { sv: Fråga?, en: Question? }\n    status: ANSWERED\n    reason: { sv: Ja, en: Yes }\n`,
    });
    expect(issue).toMatchObject({ code: 'MISSING_CITATION', field: 'questions[0].provisions' });
  });

  it('reports problems in the other files too, without follow-on errors from the broken one', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'broken.yaml': `entities:\n  - id: new-unit\n    kind: UNIT\n`,
      'rel.yaml': `relations:\n  - { kind: HEADS, from: kd, to: new-unit, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n  - { kind: APPOINTS, from: ks, to: kdx, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }\n`,
    });
    expect(found.map((i) => `${i.file}:${i.line} ${i.field}: ${i.message}`)).toEqual([
      'broken.yaml:2 entities[0].name: is required',
      'rel.yaml:3 relations[1].to: unknown entity "kdx" (did you mean "kd"?)',
    ]);
  });

  it('needs meta, and at least one file', () => {
    expect(issues({ 'base.yaml': BASE })).toEqual([expect.objectContaining({ code: 'MISSING_META' })]);
    expect(parseDataset([])).toMatchObject({ ok: false, issues: [{ code: 'EMPTY' }] });
  });

  it('survives hostile text: unicode, huge numbers, aliases', () => {
    const found = issues({
      'meta.yaml': META,
      'u.yaml': `entities:\n  - id: "Ö-id"\n    kind: ROLE\n    name: { sv: "\u0000", en: "🙂" }\n    confidence: HIGH\n    cites: [p]\n`,
      'n.yaml': 'provisions:\n  - { id: p, document: d, order: 1e400, section: s, text: t, textKind: VERBATIM, name: { sv: a, en: b } }\n',
    });
    expect(found.every((i) => i.code === 'SCHEMA' && i.line > 0)).toBe(true);
    expect(found.map((i) => i.field)).toEqual(expect.arrayContaining(['entities[0].id', 'provisions[0].order']));
  });
});

describe('evidence: how each fact is known', () => {
  const rel = (evidence: string, extra = 'cites: [p-chef]') => `relations:\n  - { kind: APPOINTS, from: ks, to: kd, ${extra}, evidence: ${evidence} }\n`;
  const one = (evidence: string, extra?: string) => issues({ 'meta.yaml': META, 'base.yaml': BASE, 'rel.yaml': rel(evidence, extra) });

  it('accepts a quote that stands in a cited provision, in parts joined by " … ", and names the provision', () => {
    const result = load({ 'meta.yaml': META, 'base.yaml': BASE, 'rel.yaml': rel('{ status: STATED, quote: "Direktören … kontorscheferna." }') });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.dataset.relations.find((r) => r.id === 'ks.appoints.kd')!.evidence).toEqual({
        status: 'STATED',
        quote: 'Direktören … kontorscheferna.',
        provision: 'p-chef',
      });
  });

  it('refuses a relation or a participant that does not say how it is known', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'rel.yaml': `relations:\n  - { kind: APPOINTS, from: ks, to: kd, cites: [p-chef] }\n`,
      'da.yaml': `decisionAreas:\n  - id: da-x\n    name: { sv: B, en: D }\n    participants:\n      - { role: DECIDES, actor: kd, cites: [p-chef] }\n`,
    });
    expect(found.map((i) => [i.code, i.file, i.line, i.field])).toEqual([
      ['MISSING_EVIDENCE', 'rel.yaml', 2, 'relations[0]'],
      ['MISSING_EVIDENCE', 'da.yaml', 5, 'decisionAreas[0].participants[0]'],
    ]);
    expect(found[0]!.message).toMatch(/STATED .*INTERPRETED .*CONTESTED .*SOURCED/);
  });

  it('refuses a quote that no cited provision holds, naming the provisions looked in', () => {
    const [issue] = one('{ status: STATED, quote: "Direktören är chef för nämnderna." }');
    expect(issue).toMatchObject({ code: 'EVIDENCE', file: 'rel.yaml', line: 2, field: 'relations[0].evidence.quote' });
    expect(issue!.message).toContain('does not stand in the text of p-chef');
  });

  it('asks each status for what makes it: a quote, a reading, two readings, a source with its confidence', () => {
    expect(one('{ status: STATED }')[0]).toMatchObject({ code: 'EVIDENCE', field: 'relations[0].evidence.quote' });
    expect(one('{ status: INTERPRETED }')[0]).toMatchObject({ code: 'EVIDENCE', field: 'relations[0].evidence.note' });
    expect(one('{ status: CONTESTED, readings: [{ sv: En, en: One }] }')[0]).toMatchObject({ code: 'EVIDENCE', field: 'relations[0].evidence.readings' });
    expect(one('{ status: SOURCED, confidence: LOW }').map((i) => i.field)).toEqual(['relations[0].evidence.status']);
    expect(one('{ status: SOURCED }', 'sources: ["https://example.org/"]').map((i) => i.field)).toEqual(['relations[0].evidence.confidence']);
    expect(one('{ status: SOURCED, confidence: LOW, attested: "20" }', 'sources: ["https://example.org/"]')[0]).toMatchObject({
      code: 'SCHEMA',
      field: 'relations[0].evidence.attested',
    });
  });
});

describe('posts and generic roles', () => {
  const ROLES = `entities:
  - { id: vd, kind: ROLE, generic: true, name: { sv: Dotterbolagens VD, en: Subsidiary MDs }, confidence: HIGH, cites: [p-chef] }
  - { id: vd-bolag, kind: ROLE, role: vd, postIn: bolag, name: { sv: VD för Bolaget AB, en: MD of Bolaget AB }, confidence: MEDIUM, cites: [p-chef] }
`;
  const EV = 'evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } }';

  it('accepts a post of a generic role in its organisation', () => {
    const result = load({
      'meta.yaml': META,
      'base.yaml': BASE,
      'roles.yaml': ROLES,
      'rel.yaml': `relations:\n  - { kind: HEADS, from: vd-bolag, to: bolag, validTo: 2020-12-31, cites: [p-chef], ${EV} }\n`,
    });
    expect(result.ok).toBe(true);
  });

  it('refuses to join a generic role to one organisation, and says to link the post instead', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'roles.yaml': ROLES,
      'rel.yaml': `relations:\n  - { kind: HEADS, from: vd, to: bolag, validTo: 2020-12-31, cites: [p-chef], ${EV} }\n`,
    });
    expect(issue).toMatchObject({ code: 'WRONG_KIND', file: 'rel.yaml', field: 'relations[0].from' });
    expect(issue!.message).toContain('role: vd, postIn: bolag');
  });

  it('refuses a post whose role is not generic, or that names no organisation', () => {
    const found = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'roles.yaml': `entities:\n  - { id: chef, kind: ROLE, role: kd, postIn: ks, name: { sv: C, en: C }, confidence: HIGH, cites: [p-chef] }\n  - { id: chef2, kind: ROLE, role: kd, name: { sv: C, en: C }, confidence: HIGH, cites: [p-chef] }\n`,
    });
    expect(found.map((i) => [i.code, i.field])).toEqual([
      ['WRONG_KIND', 'entities[0].role'],
      ['SCHEMA', 'entities[1].postIn'],
      ['WRONG_KIND', 'entities[1].role'],
    ]);
  });

  it('asks an area marked unsettled to say why', () => {
    const [issue] = issues({
      'meta.yaml': META,
      'base.yaml': BASE,
      'da.yaml': `decisionAreas:\n  - id: da-x\n    name: { sv: B, en: D }\n    settled: false\n    participants:\n      - { role: DECIDES, actor: kd, cites: [p-chef], ${EV} }\n`,
    });
    expect(issue).toMatchObject({ code: 'SCHEMA', file: 'da.yaml', field: 'decisionAreas[0].settledReason' });
  });
});
