import { RELATION_KINDS, explainRelation, type Entity, type Relation } from '@styrgraf/model';
import { LIST_SEPARATOR, citationText, flattenEvidence } from './citations.ts';
import type { ExportSelection } from './selection.ts';

/**
 * Nodes and edges as flat rows of strings: the one shape GraphML's `<key>`
 * attributes, Cytoscape's `data` and the CSV columns share, so the three
 * carry the same facts under the same names. Lists are joined with " | ".
 */
export const NODE_COLUMNS = [
  'id',
  'kind',
  'subtype',
  'name_sv',
  'name_en',
  'abbreviations',
  'description_sv',
  'valid_from',
  'valid_to',
  'post_in',
  'role',
  'confidence',
  'cites',
  'sources',
] as const;

export const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'family',
  'kind',
  'label_sv',
  'label_en',
  'sentence_sv',
  'evidence_status',
  'evidence_label_sv',
  'evidence_label_en',
  'quote',
  'quoted_from',
  'note_sv',
  'note_en',
  'readings_sv',
  'readings_en',
  'confidence',
  'attested',
  'cites',
  'citations',
  'sources',
  'valid_from',
  'valid_to',
] as const;

export type NodeRow = Record<(typeof NODE_COLUMNS)[number], string>;
export type EdgeRow = Record<(typeof EDGE_COLUMNS)[number], string>;

export function nodeRow(entity: Entity): NodeRow {
  const actor = 'postIn' in entity || 'subtype' in entity || 'role' in entity ? (entity as { subtype?: string; postIn?: string; role?: string }) : {};
  return {
    id: entity.id,
    kind: entity.kind,
    subtype: actor.subtype ?? '',
    name_sv: entity.name.sv,
    name_en: entity.name.en,
    abbreviations: entity.abbreviations.join(LIST_SEPARATOR),
    description_sv: entity.description?.sv ?? '',
    valid_from: entity.validFrom ?? '',
    valid_to: entity.validTo ?? '',
    post_in: actor.postIn ?? '',
    role: actor.role ?? '',
    confidence: entity.confidence ?? '',
    cites: entity.cites.join(LIST_SEPARATOR),
    sources: entity.sources.join(LIST_SEPARATOR),
  };
}

export function edgeRow(relation: Relation, selection: ExportSelection, lookup: (id: string) => Entity | undefined): EdgeRow {
  const label = relation.label ?? RELATION_KINDS[relation.kind].label;
  const e = flattenEvidence(relation.evidence);
  return {
    id: relation.id,
    source: relation.from,
    target: relation.to,
    family: relation.family,
    kind: relation.kind,
    label_sv: label.sv,
    label_en: label.en,
    sentence_sv: explainRelation(relation, lookup, 'sv'),
    evidence_status: e.evidence_status,
    evidence_label_sv: e.evidence_label_sv,
    evidence_label_en: e.evidence_label_en,
    quote: e.quote,
    quoted_from: e.quoted_from,
    note_sv: e.note_sv || (relation.note?.sv ?? ''),
    note_en: e.note_en || (relation.note?.en ?? ''),
    readings_sv: e.readings_sv,
    readings_en: e.readings_en,
    confidence: e.confidence,
    attested: e.attested,
    cites: relation.cites.join(LIST_SEPARATOR),
    citations: citationText(relation, selection),
    sources: relation.sources.join(LIST_SEPARATOR),
    valid_from: relation.validFrom ?? '',
    valid_to: relation.validTo ?? '',
  };
}

export function rowsOf(selection: ExportSelection): { nodes: NodeRow[]; edges: EdgeRow[] } {
  const byId = new Map(selection.entities.map((e) => [e.id, e]));
  const lookup = (id: string) => byId.get(id);
  return { nodes: selection.entities.map(nodeRow), edges: selection.relations.map((r) => edgeRow(r, selection, lookup)) };
}
