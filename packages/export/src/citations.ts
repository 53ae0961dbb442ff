import { EVIDENCE_LABELS, type Bilingual, type Evidence, type Relation } from '@styrgraf/model';
import type { ExportSelection } from './selection.ts';

/** A provision a fact cites, with the words it stands on, for formats that carry citations as data. */
export interface Citation {
  provision: string;
  document: string | null;
  documentReference: string | null;
  reference: string | null;
  section: string;
  text: string;
  textKind: string;
}

export function citationsOf(ids: readonly string[], selection: ExportSelection): Citation[] {
  return ids.map((id) => {
    const p = selection.provisions.get(id);
    if (!p) return { provision: id, document: null, documentReference: null, reference: null, section: '', text: '', textKind: 'UNKNOWN' };
    const document = selection.documents.get(p.document);
    return {
      provision: id,
      document: p.document,
      documentReference: document?.reference ?? null,
      reference: p.reference ?? null,
      section: p.section,
      text: p.text,
      textKind: p.textKind,
    };
  });
}

/** Evidence flattened to plain fields, for tabular and attribute-based formats (GraphML, CSV, Cytoscape). */
export interface FlatEvidence {
  evidence_status: string;
  evidence_label_sv: string;
  evidence_label_en: string;
  quote: string;
  quoted_from: string;
  note_sv: string;
  note_en: string;
  readings_sv: string;
  readings_en: string;
  confidence: string;
  attested: string;
}

/** Readings are joined with " | ", which no reading in the data contains. */
export const LIST_SEPARATOR = ' | ';

export function flattenEvidence(evidence: Evidence): FlatEvidence {
  const { label } = EVIDENCE_LABELS[evidence.status];
  const readings = (lang: keyof Bilingual) => (evidence.readings ?? []).map((r) => r[lang]).join(LIST_SEPARATOR);
  return {
    evidence_status: evidence.status,
    evidence_label_sv: label.sv,
    evidence_label_en: label.en,
    quote: evidence.quote ?? '',
    quoted_from: evidence.provision ?? '',
    note_sv: evidence.note?.sv ?? '',
    note_en: evidence.note?.en ?? '',
    readings_sv: readings('sv'),
    readings_en: readings('en'),
    confidence: evidence.confidence ?? '',
    attested: evidence.attested ?? '',
  };
}

/** The cited provisions' references in words ("KS 2021/0005 punkt 3.2: Kommundirektörens uppdrag"), joined. */
export function citationText(relation: Pick<Relation, 'cites'>, selection: ExportSelection): string {
  return citationsOf(relation.cites, selection)
    .map((c) => [c.documentReference, c.reference, c.section].filter(Boolean).join(' '))
    .join(LIST_SEPARATOR);
}
