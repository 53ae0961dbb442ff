import { describe, expect, it } from 'vitest';
import { ACTOR_COLUMNS, filterAndSort, RELATION_COLUMNS, toCsv, type TableActor, type TableRelation } from './columns.ts';

const actor = (name: string, kindLabel: string, relationCount: number): TableActor => ({ id: name.toLowerCase(), kind: 'POLITICAL_BODY', kindLabel, name, nameEn: name, subtype: null, validFrom: null, validTo: null, relationCount });
const actors = [actor('Överförmyndarnämnden', 'Politiskt organ', 3), actor('Kommunstyrelsen', 'Politiskt organ', 40), actor('Socialkontoret', 'Förvaltningsenhet', 5)];

describe('the table’s rows', () => {
  it('sort in Swedish order (å, ä, ö last) and numbers as numbers', () => {
    expect(filterAndSort(actors, ACTOR_COLUMNS, '', { key: 'name', descending: false }).map((a) => a.name)).toEqual(['Kommunstyrelsen', 'Socialkontoret', 'Överförmyndarnämnden']);
    expect(filterAndSort(actors, ACTOR_COLUMNS, '', { key: 'relations', descending: true }).map((a) => a.relationCount)).toEqual([40, 5, 3]);
  });

  it('filter by every word, with å/ä/ö and case folded', () => {
    expect(filterAndSort(actors, ACTOR_COLUMNS, 'overformyndar', null).map((a) => a.name)).toEqual(['Överförmyndarnämnden']);
    expect(filterAndSort(actors, ACTOR_COLUMNS, 'politiskt kommun', null).map((a) => a.name)).toEqual(['Kommunstyrelsen']);
  });

  it('write a CSV a spreadsheet opens right: a byte-order mark, the headers, quotes around commas', () => {
    const relation: TableRelation = {
      id: 'r',
      kind: 'SERVES',
      family: 'REPORTING',
      familyLabel: 'Rapportering och ledning',
      label: 'arbetar på uppdrag av',
      from: { id: 'socialkontoret', name: 'Socialkontoret' },
      to: { id: 'socialnamnden', name: 'Socialnämnden' },
      sentence: 'Socialkontoret arbetar på uppdrag av Socialnämnden, enligt reglementet.',
      validFrom: '2024-01-01',
      validTo: null,
      provisions: [{ id: 'p', name: 'Instruktionen 3 §', section: 'Ansvar', reference: null }],
    };
    const csv = toCsv(RELATION_COLUMNS, [relation], (key) => ({ tableFrom: 'Från', tableRelation: 'Relation', tableTo: 'Till', tableFamily: 'Familj', tableSentence: 'I ord', tableProvisions: 'Bestämmelser', tableValid: 'Gäller' })[key as string] ?? key);
    expect(csv.startsWith('\uFEFFFrån,Relation,Till,Familj,I ord,Bestämmelser,Gäller\r\n')).toBe(true);
    expect(csv).toContain('"Socialkontoret arbetar på uppdrag av Socialnämnden, enligt reglementet."');
    expect(csv).toContain('Instruktionen 3 §,2024-01-01 – …');
  });
});
