import { describe, expect, it } from 'vitest';
import { format, STRINGS } from '../../i18n/strings.ts';
import { evidence } from '../../test-support/evidence.ts';
import { ACTOR_COLUMNS, filterAndSort, relationColumns, toCsv, type TableActor, type TableRelation } from './columns.ts';

const RELATION_COLUMNS = relationColumns({ reading: (n) => `Läsning ${n}`, attested: (when) => `Senast belagt ${when}.` });
const header = (key: keyof typeof STRINGS.sv) => format(STRINGS.sv[key]);

const actor = (name: string, kindLabel: string, relationCount: number): TableActor => ({
  id: name.toLowerCase(),
  kind: 'POLITICAL_BODY',
  kindLabel,
  name,
  nameEn: name,
  subtype: null,
  validFrom: null,
  validTo: null,
  relationCount,
});
const actors = [
  actor('Överförmyndarnämnden', 'Politiskt organ', 3),
  actor('Kommunstyrelsen', 'Politiskt organ', 40),
  actor('Socialkontoret', 'Förvaltningsenhet', 5),
];

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
  evidence: evidence('STATED', { quote: 'Kontoren arbetar på uppdrag av nämnderna.' }),
};

describe('the table’s rows', () => {
  it('sort in Swedish order (å, ä, ö last) and numbers as numbers', () => {
    expect(filterAndSort(actors, ACTOR_COLUMNS, '', { key: 'name', descending: false }).map((a) => a.name)).toEqual([
      'Kommunstyrelsen',
      'Socialkontoret',
      'Överförmyndarnämnden',
    ]);
    expect(filterAndSort(actors, ACTOR_COLUMNS, '', { key: 'relations', descending: true }).map((a) => a.relationCount)).toEqual([40, 5, 3]);
  });

  it('filter by every word, with å/ä/ö and case folded', () => {
    expect(filterAndSort(actors, ACTOR_COLUMNS, 'overformyndar', null).map((a) => a.name)).toEqual(['Överförmyndarnämnden']);
    expect(filterAndSort(actors, ACTOR_COLUMNS, 'politiskt kommun', null).map((a) => a.name)).toEqual(['Kommunstyrelsen']);
  });

  it('write a CSV a spreadsheet opens right: a byte-order mark, the headers, quotes around commas', () => {
    const csv = toCsv(RELATION_COLUMNS, [relation], header);
    expect(csv.startsWith('\uFEFFFrån,Relation,Till,Familj,I ord,Belägg,Citat eller läsning,Bestämmelser,Gäller\r\n')).toBe(true);
    expect(csv).toContain('"Socialkontoret arbetar på uppdrag av Socialnämnden, enligt reglementet."');
    expect(csv).toContain(',Enligt kommundirektörens instruktion,”Kontoren arbetar på uppdrag av nämnderna.”,Instruktionen 3 §,2024-01-01 – …');
  });

  it('say how each relation is known, with the quote, the reading or every reading behind it, and sort from stated to weakly sourced', () => {
    const rows: TableRelation[] = [
      {
        ...relation,
        id: 'low',
        evidence: evidence('SOURCED', {
          confidence: 'LOW',
          marker: 'osäkert',
          wording: 'Enligt källa (låg tillförlitlighet)',
          note: 'Ägaren 2020.',
          attested: '2020',
        }),
      },
      { ...relation, id: 'contested', evidence: evidence('CONTESTED', { readings: ['Kommunstyrelsens presidium.', 'Bolagsstyrelsens presidium.'] }) },
      { ...relation, id: 'reading', evidence: evidence('INTERPRETED', { note: 'I nämnder läses som i var och en av nämnderna.' }) },
      relation,
    ];
    const detail = RELATION_COLUMNS.find((c) => c.key === 'evidenceDetail')!;
    expect(rows.map((r) => detail.text(r))).toEqual([
      'Ägaren 2020. Senast belagt 2020.',
      'Läsning 1: Kommunstyrelsens presidium. Läsning 2: Bolagsstyrelsens presidium.',
      'I nämnder läses som i var och en av nämnderna.',
      '”Kontoren arbetar på uppdrag av nämnderna.”',
    ]);
    expect(filterAndSort(rows, RELATION_COLUMNS, '', { key: 'evidence', descending: false }).map((r) => r.id)).toEqual(['r', 'reading', 'contested', 'low']);
    expect(filterAndSort(rows, RELATION_COLUMNS, 'tolkning', null).map((r) => r.id)).toEqual(['reading']);
  });
});
