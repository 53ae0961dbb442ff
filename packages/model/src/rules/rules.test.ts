import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetOrThrow, parseDataset, readDatasetFiles, type SourceFile } from '../load.ts';
import type { Dataset } from '../types.ts';
import { gaps } from './kontor-has-head.ts';
import { runRuleChecks, type RuleResult } from './index.ts';

/**
 * The governance rules over Norrköping's data, and over copies of graph/ with
 * a breach planted: each breach must fail the rule named for it, and only
 * where the honest data passes.
 */

const graphDir = fileURLToPath(new URL('../../../../graph', import.meta.url));
const AS_OF = '2025-06-01';
let dataset: Dataset;
let files: SourceFile[];

beforeAll(async () => {
  dataset = await loadDatasetOrThrow(graphDir);
  files = await readDatasetFiles(graphDir);
});

const byId = (results: RuleResult[]) => new Map(results.map((r) => [r.id, r]));
const statuses = (results: RuleResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

/** graph/ with one file's text changed: the breach a test plants. */
function planted(path: string, change: (text: string) => string): Dataset {
  const copy = files.map((f) => (f.path === path ? { ...f, content: change(f.content) } : f));
  const result = parseDataset(copy);
  if (!result.ok) throw new Error(`the planted copy does not load: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.dataset;
}

/** Removes the relation item of this kind from `from` to `to` from a relation file. */
const withoutRelation = (kind: string, from: string, to: string) => (text: string) => {
  const item = new RegExp(`\\n  - kind: ${kind}\\n    from: ${from}\\n    to: ${to}\\n(?:    .*\\n|      .*\\n)*`);
  if (!item.test(text)) throw new Error(`no ${kind} ${from} -> ${to} to remove`);
  return text.replace(item, '\n');
};

describe('Norrköping’s honest result', () => {
  it('fails nothing, and warns where the instruction leaves things open', () => {
    const results = runRuleChecks(dataset, AS_OF);
    expect(statuses(results)).toEqual({
      'decision-area-decider': 'WARN',
      'kontor-has-head': 'PASS',
      'namnd-has-kontor': 'PASS',
      'delegation-to-employee': 'WARN',
      'onward-delegation': 'PASS',
      'not-delegated': 'PASS',
      'director-appointed': 'PASS',
      'ownership-tree': 'WARN',
      'company-posts': 'WARN',
      'evidence-present': 'WARN',
    });
  });

  it('names what it warns about: the four unsettled areas, the uncertain owners, the contested reading', () => {
    const results = byId(runRuleChecks(dataset, AS_OF));
    expect(
      results
        .get('decision-area-decider')!
        .findings.map((f) => f.entities[0])
        .sort(),
    ).toEqual(['da-anslag-utrustning-a1', 'da-anstallning-vd-dotterbolag', 'da-avslut-kontorschef', 'da-verkstallighet-ks-beslut']);
    expect(results.get('ownership-tree')!.findings.map((f) => f.relations[0])).toEqual([
      'norrkoping-radhus-ab.owns.norrkoping-airport-ab',
      'norrkopings-kommun.co_owns.nykoping-ostgotalanken-ab',
    ]);
    expect(results.get('evidence-present')!.findings.map((f) => f.relations[0])).toEqual(['da-anstallning-vd-dotterbolag.consulted.ks-presidium']);
    expect(results.get('delegation-to-employee')!.findings.every((f) => f.status === 'WARN' && f.entities[1] === 'kommundirektor')).toBe(true);
    expect(results.get('onward-delegation')!.provisions).toEqual(['kl-7-6']);
    expect(results.get('director-appointed')!.provisions).toEqual(['kl-7-1', 'kl-7-2']);
  });

  it('speaks Swedish and English', () => {
    const results = byId(runRuleChecks(dataset, AS_OF));
    const evidence = results.get('evidence-present')!;
    expect(evidence.summary.sv).toMatch(/^\d+ relationer: \d+ uttryckligen sagda, \d+ tolkningar, 1 omstridd, \d+ enligt källa\.$/);
    expect(evidence.summary.en).toMatch(/^\d+ relations: \d+ stated, \d+ readings, 1 contested, \d+ sourced\.$/);
    expect(results.get('kontor-has-head')!.title).toEqual({
      sv: 'Varje kontor har en chef, så länge det finns',
      en: 'Every office has a head for as long as it exists',
    });
  });

  it('in 2020, warns that the instruction then in force is known only by its number', () => {
    const director = byId(runRuleChecks(dataset, '2020-06-01')).get('director-appointed')!;
    expect(director.status).toBe('WARN');
    expect(director.findings[0]!.message.sv).toContain('KS 2019/1358');
  });
});

describe('planted breaches fail the rule named for them', () => {
  it('a kontor whose head is removed', () => {
    const broken = planted('relations/reporting.yaml', withoutRelation('HEADS', 'utbildningsdirektor', 'utbildningskontoret'));
    const rule = byId(runRuleChecks(broken, AS_OF)).get('kontor-has-head')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings.map((f) => [f.entities, f.message.sv])).toEqual([[['utbildningskontoret'], 'Utbildningskontoret saknar chef … – ….']]);
  });

  it('a historical kontor whose head left before it closed', () => {
    const broken = planted('entities/roles.yaml', (t) => t.replace(/( {2}- id: stadsbyggnadsdirektor\n(?: {4}.*\n)*? {4}validTo: )2018-12-31/, '$12018-06-30'));
    const rule = byId(runRuleChecks(broken, AS_OF)).get('kontor-has-head')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings[0]!.message.sv).toBe('Stadsbyggnadskontoret saknar chef 2018-07-01 – 2018-12-31.');
  });

  it('an onward delegation outside the administration, to a company’s managing director', () => {
    const broken = planted(
      'relations/decision.yaml',
      (t) =>
        t +
        `
  - kind: SUBDELEGATES_TO
    from: kommundirektor
    to: vd-nodra-ab
    cites: [kdi-vidaredelegation-a1]
    evidence: { status: INTERPRETED, note: { sv: Planterat fel., en: A planted breach. } }
`,
    );
    const rule = byId(runRuleChecks(broken, AS_OF)).get('onward-delegation')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings).toHaveLength(1);
    expect(rule.findings[0]).toMatchObject({
      relations: ['kommundirektor.subdelegates_to.vd-nodra-ab'],
      entities: ['kommundirektor', 'vd-nodra-ab'],
      provisions: ['kdi-vidaredelegation-a1', 'kl-7-6'],
    });
    expect(rule.findings[0]!.message.sv).toMatch(/^VD för Nodra AB är inte anställd i kommunens förvaltning/);
  });

  it('an onward delegation the board never allowed', () => {
    const broken = planted('relations/decision.yaml', (t) =>
      t
        .replace('cites: [kdi-vidaredelegation-a1, do-a1, kl-7-6]', 'cites: [kl-7-6]')
        .replace(
          /( {4}evidence:\n {6}status: STATED\n {6}quote: "Kommundirektören har rätt att vidaredelegera)[^\n]*\n/,
          '    evidence: { status: INTERPRETED, note: { sv: Utan stöd., en: Unsupported. } }\n',
        ),
    );
    const rule = byId(runRuleChecks(broken, AS_OF)).get('onward-delegation')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings[0]!.message.sv).toMatch(/^Att kommunstyrelsen har tillåtit/);
  });

  it('a decision area with two deciders that does not say why', () => {
    const broken = planted('decision-areas/instruktionen.yaml', (t) =>
      t.replace(/ {4}settled: false\n {4}settledReason:\n {6}sv: "Beslutanderätten ligger[^\n]*\n {6}en: [^\n]*\n/, ''),
    );
    const rule = byId(runRuleChecks(broken, AS_OF)).get('decision-area-decider')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings.find((f) => f.status === 'FAIL')!.message.sv).toBe(
      'Anslag för utrustning till kontoren (punkt A 1) har 2 beslutsfattare och är inte markerat som oklart.',
    );
  });

  it('a company cut loose from the ownership tree, and one without a chair', () => {
    const loose = planted('relations/ownership.yaml', withoutRelation('OWNS', 'norrkoping-radhus-ab', 'nodra-ab'));
    const tree = byId(runRuleChecks(loose, AS_OF)).get('ownership-tree')!;
    expect(tree.status).toBe('FAIL');
    expect(tree.findings.filter((f) => f.status === 'FAIL').map((f) => f.entities)).toEqual([['nodra-ab']]);
    const chairless = planted('relations/posts.yaml', withoutRelation('CHAIRS', 'ordforande-nodra-ab', 'nodra-ab'));
    const posts = byId(runRuleChecks(chairless, AS_OF)).get('company-posts')!;
    expect(posts.status).toBe('FAIL');
    expect(posts.findings.find((f) => f.status === 'FAIL')!.message.sv).toBe('Nodra AB saknar post för styrelseordförande.');
  });

  it('a director no longer appointed by the board', () => {
    const broken = planted('relations/reporting.yaml', withoutRelation('APPOINTS', 'kommunstyrelsen', 'kommundirektor'));
    expect(byId(runRuleChecks(broken, AS_OF)).get('director-appointed')!.status).toBe('FAIL');
  });

  it('a nämnd no office works for', () => {
    const broken = planted('relations/reporting.yaml', withoutRelation('SERVES', 'socialkontoret', 'socialnamnden'));
    const rule = byId(runRuleChecks(broken, AS_OF)).get('namnd-has-kontor')!;
    expect(rule.status).toBe('FAIL');
    expect(rule.findings.map((f) => f.entities)).toEqual([['socialnamnden']]);
  });
});

describe('the days a kontor has no head', () => {
  it('are the stretches of its life no head covers', () => {
    expect(
      gaps('2019-01-01', '2022-12-31', [
        ['2019-01-01', '2020-06-30'],
        ['2020-08-01', '9999-12-31'],
      ]),
    ).toEqual([['2020-07-01', '2020-07-31']]);
    expect(gaps('0001-01-01', '9999-12-31', [['0001-01-01', '9999-12-31']])).toEqual([]);
    expect(gaps('2019-01-01', '2019-12-31', [])).toEqual([['2019-01-01', '2019-12-31']]);
    expect(
      gaps('2019-01-01', '2019-12-31', [
        ['2018-01-01', '2019-03-31'],
        ['2019-03-01', '2019-10-31'],
      ]),
    ).toEqual([['2019-11-01', '2019-12-31']]);
  });
});
