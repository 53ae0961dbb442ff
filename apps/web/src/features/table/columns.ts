import { fold } from '@styrgraf/text';
import type { Evidence } from '../../api/types.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { EVIDENCE_KEYS, evidenceDetail, evidenceKey } from '../evidence/evidence.ts';

/**
 * The table view's columns, written once: what each shows, how it sorts and
 * what goes in the CSV. A field the API adds to Relation is one entry in
 * RELATION_TABLE_FIELDS and one column in RELATION_COLUMNS below; nothing
 * else in the view needs to change.
 */
export const RELATION_TABLE_FIELDS = /* GraphQL */ `
  fragment RelationTableFields on Relation {
    sentence(lang: $lang)
    validFrom
    validTo
    provisions {
      id
      name
      section
      reference
    }
    evidence {
      status
      confidence
      marker(lang: $lang)
      wording(lang: $lang)
      quote
      note(lang: $lang)
      readings(lang: $lang)
      attested
    }
  }
`;

export type TableEvidence = Pick<Evidence, 'status' | 'confidence' | 'marker' | 'wording' | 'quote' | 'note' | 'readings' | 'attested'>;

export interface TableProvision {
  id: string;
  name: string;
  section: string;
  reference: string | null;
}

export interface TableActor {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  nameEn: string;
  subtype: string | null;
  validFrom: string | null;
  validTo: string | null;
  relationCount: number;
}

export interface TableRelation {
  id: string;
  kind: string;
  family: string;
  familyLabel: string;
  label: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  sentence: string;
  validFrom: string | null;
  validTo: string | null;
  provisions: TableProvision[];
  evidence: TableEvidence;
}

export interface Column<Row> {
  key: string;
  header: StringKey;
  /** The cell as text: what is sorted, filtered and written to the CSV. */
  text(row: Row): string;
  /** Numbers sort as numbers. */
  numeric?: boolean;
  /** Where the text does not sort right (evidence: from stated to weakly sourced), the key to sort by instead. */
  order?(row: Row): number;
  /** Narrow screens leave it out of sight (it stays in the CSV). */
  wide?: boolean;
}

const validity = (from: string | null, to: string | null) => (from || to ? `${from ?? '…'} – ${to ?? '…'}` : '');

export const ACTOR_COLUMNS: Column<TableActor>[] = [
  { key: 'name', header: 'tableName', text: (a) => a.name },
  { key: 'kind', header: 'tableKind', text: (a) => a.kindLabel },
  { key: 'subtype', header: 'tableSubtype', text: (a) => a.subtype ?? '' },
  { key: 'nameEn', header: 'tableNameEn', text: (a) => a.nameEn, wide: true },
  { key: 'relations', header: 'tableRelationCount', text: (a) => String(a.relationCount), numeric: true },
  { key: 'valid', header: 'tableValid', text: (a) => validity(a.validFrom, a.validTo), wide: true },
];

export const provisionText = (p: TableProvision) => [p.name, p.reference].filter(Boolean).join(', ');

/** The words the evidence's detail needs, in the interface's language. */
export interface EvidenceWords {
  reading(n: number): string;
  attested(when: string): string;
}

/** The relation table's columns; the evidence detail's words come from the interface's language. */
export function relationColumns(words: EvidenceWords): Column<TableRelation>[] {
  return [
    { key: 'from', header: 'tableFrom', text: (r) => r.from.name },
    { key: 'label', header: 'tableRelation', text: (r) => r.label },
    { key: 'to', header: 'tableTo', text: (r) => r.to.name },
    { key: 'family', header: 'tableFamily', text: (r) => r.familyLabel, wide: true },
    { key: 'sentence', header: 'tableSentence', text: (r) => r.sentence, wide: true },
    { key: 'evidence', header: 'tableEvidence', text: (r) => r.evidence.wording, order: (r) => EVIDENCE_KEYS.indexOf(evidenceKey(r.evidence)) },
    { key: 'evidenceDetail', header: 'tableEvidenceDetail', text: (r) => evidenceDetail(r.evidence, words), wide: true },
    { key: 'provisions', header: 'tableProvisions', text: (r) => r.provisions.map(provisionText).join('; ') },
    { key: 'valid', header: 'tableValid', text: (r) => validity(r.validFrom, r.validTo), wide: true },
  ];
}

/** RFC 4180 CSV with a byte-order mark, so that a spreadsheet opens Swedish letters right. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[], header: (key: StringKey) => string): string {
  const cell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [columns.map((c) => cell(header(c.header))).join(','), ...rows.map((row) => columns.map((c) => cell(c.text(row))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface Sort {
  key: string;
  descending: boolean;
}

/** Rows whose text in any column holds every word of the filter (case and å/ä/ö folded), sorted by one column in Swedish order. */
export function filterAndSort<Row>(rows: readonly Row[], columns: readonly Column<Row>[], filter: string, sort: Sort | null): Row[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const kept =
    words.length === 0
      ? [...rows]
      : rows.filter((row) => {
          const text = fold(columns.map((c) => c.text(row)).join(' '));
          return words.every((w) => text.includes(w));
        });
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!column) return kept;
  const compare = column.order
    ? (a: Row, b: Row) => column.order!(a) - column.order!(b) || column.text(a).localeCompare(column.text(b), 'sv')
    : column.numeric
      ? (a: Row, b: Row) => Number(column.text(a)) - Number(column.text(b))
      : (a: Row, b: Row) => column.text(a).localeCompare(column.text(b), 'sv');
  return kept.sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
}
