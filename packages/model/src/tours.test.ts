import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from './errors.ts';
import { parseDataset, type SourceFile } from './load.ts';

/** A small data set for tours to point into: a board, a director, an office, a decision area, two provisions. */
const BASE = `meta:
  id: test
  name: { sv: Testkommun, en: Test municipality }
  version: "1"
documents:
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
  - id: p-villkor
    document: instr
    order: 2
    section: Ledning
    text: Direktören beslutar om kontorschefs anställningsvillkor.
    textKind: VERBATIM
    name: { sv: Villkor, en: Terms }
entities:
  - id: ks
    kind: POLITICAL_BODY
    name: { sv: Kommunstyrelsen, en: Executive board }
    confidence: HIGH
    cites: [p-chef]
  - id: kd
    kind: ROLE
    name: { sv: Kommundirektör, en: Director }
    confidence: HIGH
    cites: [p-chef]
  - id: gamla-kontoret
    kind: UNIT
    name: { sv: Gamla kontoret, en: Old office }
    confidence: HIGH
    cites: [p-chef]
    validTo: 2020-12-31
relations:
  - { kind: APPOINTS, from: ks, to: kd, cites: [p-chef], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
  - { kind: SERVES, from: gamla-kontoret, to: ks, cites: [p-chef], validTo: 2020-12-31, evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
decisionAreas:
  - id: da-villkor
    name: { sv: Villkor, en: Terms }
    participants:
      - { role: DECIDES, actor: kd, cites: [p-villkor], evidence: { status: INTERPRETED, note: { sv: Läsning, en: Reading } } }
`;

function load(tours: string) {
  return parseDataset([
    { path: 'base.yaml', content: BASE },
    { path: 'tours/test.yaml', content: tours },
  ] satisfies SourceFile[]);
}

function issues(tours: string): ValidationIssue[] {
  const result = load(tours);
  if (result.ok) throw new Error('expected the tours to be rejected');
  return result.issues;
}

const step = (body: string) => `tours:
  - id: t
    order: 1
    title: { sv: Tur, en: Tour }
    summary: { sv: Om turen, en: About the tour }
    steps:
      - title: { sv: Steg, en: Step }
        text: { sv: Text, en: Text }
${body
  .trim()
  .split('\n')
  .map((line) => `        ${line}`)
  .join('\n')}
`;

describe('tour files', () => {
  it('accept a step with focus, roles, families, a path with waypoints and a date', () => {
    const result = load(
      step(`
focus: [ks, da-villkor]
roles: [DECIDES]
families: [REPORTING, DECISION]
path: { from: ks, via: [kd], to: da-villkor }
cites: [p-villkor]
asOf: 2024-01-01`),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.tours[0]).toMatchObject({
      id: 't',
      origin: { file: 'tours/test.yaml', line: 2 },
      steps: [{ focus: ['ks', 'da-villkor'], roles: ['DECIDES'], path: { from: 'ks', via: ['kd'], to: 'da-villkor' }, asOf: '2024-01-01' }],
    });
  });

  it('name the file, line and field of an unknown focus id, with a suggestion', () => {
    expect(issues(step(`focus: [ks, kdd]\ncites: [p-chef]`))).toEqual([
      {
        code: 'DANGLING_REFERENCE',
        file: 'tours/test.yaml',
        line: 9,
        field: 'tours[0].steps[0].focus[1]',
        message: 'unknown entity "kdd" (did you mean "kd"?)',
      },
    ]);
  });

  it('refuse a cite that is not a provision', () => {
    const [issue] = issues(step(`focus: [ks]\ncites: [p-chef, kd]`));
    expect(issue).toMatchObject({ code: 'WRONG_KIND', file: 'tours/test.yaml', line: 10, field: 'tours[0].steps[0].cites[1]' });
    expect(issue!.message).toContain('"kd" is a ROLE');
  });

  it('refuse a path end or waypoint that does not exist', () => {
    const found = issues(step(`path: { from: ks, via: [nobody], to: kontoret }\ncites: [p-chef]`));
    expect(found.map((i) => [i.code, i.field, i.line])).toEqual([
      ['DANGLING_REFERENCE', 'tours[0].steps[0].path.via[0]', 9],
      ['DANGLING_REFERENCE', 'tours[0].steps[0].path.to', 9],
    ]);
  });

  it('refuse a path from an entity to itself', () => {
    expect(issues(step(`path: { from: ks, to: ks }\ncites: [p-chef]`))).toMatchObject([
      { code: 'SCHEMA', field: 'tours[0].steps[0].path.to', message: expect.stringContaining('from "ks" to itself') },
    ]);
  });

  it('refuse an empty tour, at the line of its steps', () => {
    const found = issues(`tours:
  - id: tom
    order: 1
    title: { sv: Tom, en: Empty }
    summary: { sv: Inget, en: Nothing }
    steps: []
`);
    expect(found).toEqual([{ code: 'SCHEMA', file: 'tours/test.yaml', line: 6, field: 'tours[0].steps', message: 'a tour needs at least one step' }]);
  });

  it('refuse a step that cites no provision and no source', () => {
    expect(issues(step(`focus: [ks]`))).toMatchObject([
      { code: 'MISSING_CITATION', field: 'tours[0].steps[0]', line: 7, message: expect.stringContaining('a tour step cites no provision and no source') },
    ]);
    expect(load(step(`focus: [ks]\nsources: [https://example.org/agare]`)).ok).toBe(true);
  });

  it('refuse roles where no decision area is in focus', () => {
    expect(issues(step(`focus: [ks]\nroles: [HEARD]\ncites: [p-chef]`))).toMatchObject([
      { code: 'SCHEMA', field: 'tours[0].steps[0].roles', line: 10, message: expect.stringContaining('focuses no decision area') },
    ]);
  });

  it('refuse a focus or route entity that is not in force on the step’s date', () => {
    const found = issues(step(`focus: [gamla-kontoret]\npath: { from: gamla-kontoret, to: ks }\ncites: [p-chef]\nasOf: 2024-01-01`));
    expect(found.map((i) => [i.code, i.field])).toEqual([
      ['INVALID_DATES', 'tours[0].steps[0].focus[0]'],
      ['INVALID_DATES', 'tours[0].steps[0].path.from'],
    ]);
    expect(found[0]!.message).toContain('not in force on 2024-01-01');
    // The same step dated while the office existed is fine.
    expect(load(step(`focus: [gamla-kontoret]\npath: { from: gamla-kontoret, to: ks }\ncites: [p-chef]\nasOf: 2020-06-01`)).ok).toBe(true);
  });

  it('refuse an unknown role or family by name', () => {
    const found = issues(step(`focus: [da-villkor]\nroles: [VETOES]\nfamilies: [GOSSIP]\ncites: [p-chef]`));
    expect(found.map((i) => [i.code, i.field, i.line])).toEqual([
      ['SCHEMA', 'tours[0].steps[0].roles[0]', 10],
      ['SCHEMA', 'tours[0].steps[0].families[0]', 11],
    ]);
  });

  it('name both places of a tour id given twice in one file', () => {
    const tour = (title: string) => `  - id: dubbel
    order: 1
    title: { sv: ${title}, en: ${title} }
    summary: { sv: S, en: S }
    steps:
      - { title: { sv: S, en: S }, text: { sv: T, en: T }, focus: [ks], cites: [p-chef] }
`;
    expect(issues(`tours:\n${tour('A')}${tour('B')}`)).toEqual([
      { code: 'DUPLICATE_ID', file: 'tours/test.yaml', line: 8, field: 'tours[1].id', message: 'tour id "dubbel" is already used at tours/test.yaml:2' },
    ]);
  });
});
