import type { Entity, Relation } from '@styrgraf/model';
import { describe, expect, it } from 'vitest';
import { computeChanges } from './changes.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { assembleOrgTree, hierarchyEdge } from './org-chart.ts';
import { compareSv } from './order.ts';
import { toGraphPaths } from './paths.ts';
import { classifyMatch, rankHits } from './search.ts';

const e = (id: string, sv: string, extra: Partial<Entity> = {}): Entity =>
  ({ id, kind: 'POLITICAL_BODY', name: { sv, en: sv }, abbreviations: [], aliases: [], cites: [], sources: [], ...extra }) as Entity;
const r = (from: string, kind: Relation['kind'], to: string, extra: Partial<Relation> = {}): Relation =>
  ({ id: `${from}.${kind.toLowerCase()}.${to}`, kind, family: 'REPORTING', from, to, cites: [], sources: [], ...extra }) as Relation;

describe('Swedish order', () => {
  it('puts å, ä, ö after z, in that order', () => {
    expect(['Överförmyndarnämnden', 'Ägardirektiv', 'Zon', 'Åtgärd', 'arbete'].sort(compareSv)).toEqual([
      'arbete',
      'Zon',
      'Åtgärd',
      'Ägardirektiv',
      'Överförmyndarnämnden',
    ]);
  });
});

describe('search ranking', () => {
  const ks = e('ks', 'Kommunstyrelsen', { abbreviations: ['KS'] });
  const pu = e('pu', 'Kommunstyrelsens personalutskott');
  const kf = e('kf', 'Kommunfullmäktige', { abbreviations: ['KF'] });
  it('classifies exact, prefix, word and infix matches', () => {
    expect(classifyMatch(ks, 'ks')).toEqual({ match: 'EXACT', field: 'abbreviation' });
    expect(classifyMatch(ks, 'kommunstyr')).toEqual({ match: 'PREFIX', field: 'name' });
    expect(classifyMatch(pu, 'personal')).toEqual({ match: 'WORD', field: 'name' });
    expect(classifyMatch(pu, 'utskott')).toEqual({ match: 'SUBSTRING', field: 'name' });
    expect(classifyMatch(pu, 'xyz')).toBeNull();
  });
  it('ranks by tier whatever the engine scored', () => {
    const hits = rankHits(
      [
        { entity: pu, score: 99 },
        { entity: kf, score: 1 },
        { entity: ks, score: 2 },
        { entity: ks, score: 50 },
      ],
      'kommun',
      10,
    );
    expect(hits.map((h) => h.entity.id)).toEqual(['ks', 'kf', 'pu']); // shorter name first within a tier
    expect(hits.map((h) => h.match)).toEqual(['PREFIX', 'PREFIX', 'PREFIX']);
  });
  it('keeps the first hits of many in the order a full sort gives', () => {
    const names = ['Kommunstyrelsen', 'Kommun', 'Socialnämnden i kommunen', 'Kommunfullmäktige', 'Kommunal revision', 'Nämnden för kommunala frågor', 'Okänd'];
    const many = Array.from({ length: 300 }, (_, i) => ({ entity: e(`e${(i * 7919) % 300}`, `${names[i % names.length]} ${i % 13}`), score: (i * 31) % 17 }));
    const all = rankHits(many, 'kommun', many.length);
    expect(all).toHaveLength(300);
    for (const first of [1, 5, 10, 50]) expect(rankHits(many, 'kommun', first)).toEqual(all.slice(0, first));
  });
});

describe('paths', () => {
  const between = (a: string, b: string) =>
    [r('a', 'APPOINTS', 'b'), r('a', 'MANAGES', 'b'), r('c', 'HEADS', 'b'), r('a', 'ELECTS', 'c')].filter(
      (x) => (x.from === a && x.to === b) || (x.from === b && x.to === a),
    );
  it('drops repeats and walks that revisit an entity, sorts by length then ids, and picks the first relation by vocabulary', () => {
    const paths = toGraphPaths(
      [
        ['a', 'c', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c', 'a', 'b'],
      ],
      between,
      10,
    );
    expect(paths.map((p) => p.nodes.join(''))).toEqual(['ab', 'acb']);
    expect(paths[0]!.steps[0]!.relation.kind).toBe('APPOINTS');
    expect(paths[1]!.steps[1]).toMatchObject({ forward: true, relation: { kind: 'HEADS' } });
    expect(toGraphPaths([['b', 'c']], between, 1)[0]!.steps[0]).toMatchObject({ forward: false, relation: { kind: 'HEADS' } });
    expect(
      toGraphPaths(
        [
          ['a', 'c', 'b'],
          ['a', 'b'],
        ],
        between,
        1,
      ),
    ).toHaveLength(1);
  });
});

describe('org chart', () => {
  it('hangs each entity under the nearest parent, and flips REPORTS_TO', () => {
    const entities = new Map(['kf', 'ks', 'kd', 'bolag'].map((id) => [id, e(id, id.toUpperCase())]));
    const edges = [r('kf', 'ELECTS', 'ks'), r('ks', 'APPOINTS', 'kd'), r('kd', 'REPORTS_TO', 'ks'), r('kf', 'OWNS', 'bolag'), r('kd', 'HEADS', 'bolag')]
      .map(hierarchyEdge)
      .filter((x) => x !== null);
    expect(edges.find((x) => x.relation.kind === 'REPORTS_TO')).toMatchObject({ parent: 'ks', child: 'kd' });
    const depths = new Map([
      ['kf', 0],
      ['ks', 1],
      ['bolag', 1],
      ['kd', 2],
    ]);
    const tree = assembleOrgTree('kf', depths, edges, (id) => entities.get(id));
    expect(tree!.children.map((c) => c.entity.id)).toEqual(['bolag', 'ks']);
    expect(tree!.children[1]!.children[0]).toMatchObject({ entity: { id: 'kd' }, via: { kind: 'APPOINTS' } });
    expect(hierarchyEdge(r('a', 'SERVES', 'b'))).toBeNull();
  });
});

describe('changes', () => {
  it('dates an end the day after validTo, within (from, to]', () => {
    const changes = computeChanges(
      [e('old', 'Gamla', { validTo: '2023-12-31' }), e('new', 'Nya', { validFrom: '2024-01-01' }), e('x', 'X', { validFrom: '2023-06-01' })],
      [r('new', 'SERVES', 'ks', { validFrom: '2024-01-01' })],
      '2023-06-01',
      '2024-01-01',
    );
    expect(changes.map((c) => [c.date, c.type, c.entity?.id ?? c.relation?.id])).toEqual([
      ['2024-01-01', 'ENDED', 'old'],
      ['2024-01-01', 'STARTED', 'new'],
      ['2024-01-01', 'STARTED', 'new.serves.ks'],
    ]);
  });
});

describe('cursors', () => {
  it('round-trips and refuses forgeries', () => {
    expect(decodeCursor(encodeCursor('kommunstyrelsen'))).toBe('kommunstyrelsen');
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(/not a cursor this API gave out/);
  });
});
