import { RELATION_KINDS, type Relation } from '@styrgraf/model';
import { citationsOf, type Citation } from './citations.ts';
import type { ExportSelection } from './selection.ts';

/** A relation as a JSON record with everything it knows: the shape of the extension property in Popolo and OParl. */
export interface RelationRecord {
  id: string;
  family: string;
  kind: string;
  from: string;
  to: string;
  label: { sv: string; en: string };
  valid_from: string | null;
  valid_to: string | null;
  evidence: Relation['evidence'];
  citations: Citation[];
  sources: string[];
  note: { sv: string; en: string } | null;
}

export function relationRecord(relation: Relation, selection: ExportSelection): RelationRecord {
  return {
    id: relation.id,
    family: relation.family,
    kind: relation.kind,
    from: relation.from,
    to: relation.to,
    label: relation.label ?? RELATION_KINDS[relation.kind].label,
    valid_from: relation.validFrom ?? null,
    valid_to: relation.validTo ?? null,
    evidence: relation.evidence,
    citations: citationsOf(relation.cites, selection),
    sources: relation.sources,
    note: relation.note ?? null,
  };
}
