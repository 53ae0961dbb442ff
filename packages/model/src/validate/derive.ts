import type { DecisionAreaEntity, Participation, ProvisionEntity, Relation, WorkshopQuestionEntity } from '../types.ts';
import { familyOf } from '../vocabulary.ts';

/**
 * The relations the records imply, which no file writes as relations: a
 * decision area's participants, a provision's place in its document, and the
 * provisions that answer a workshop question.
 */

/** A participant of a decision area as a relation from the actor to the area. */
export function participationRelation(entity: DecisionAreaEntity, p: Participation): Relation {
  return {
    id: `${entity.id}.${p.role.toLowerCase()}.${p.actor}`,
    kind: p.role,
    family: familyOf(p.role),
    from: p.actor,
    to: entity.id,
    cites: p.cites,
    sources: p.sources,
    evidence: p.evidence,
    derivedFrom: 'PARTICIPATION',
    ...(p.note ? { note: p.note } : {}),
    ...(p.validFrom ? { validFrom: p.validFrom } : {}),
    ...(p.validTo ? { validTo: p.validTo } : {}),
    ...(p.origin ? { origin: p.origin } : {}),
  };
}

/** A provision as part of the document it is quoted from. */
export function inDocumentRelation(entity: ProvisionEntity): Relation {
  return {
    id: `${entity.id}.in_document.${entity.document}`,
    kind: 'IN_DOCUMENT',
    family: 'REFERENCE',
    from: entity.id,
    to: entity.document,
    cites: [entity.id],
    sources: [],
    // The provision is the document's own text: known from the source, as surely as its section number is.
    evidence: {
      status: 'SOURCED',
      confidence: entity.verified === false ? 'MEDIUM' : 'HIGH',
      note: { sv: 'Härlett: bestämmelsen är återgiven ur dokumentet.', en: 'Derived: the provision is reproduced from the document.' },
    },
    derivedFrom: 'REFERENCE',
    ...(entity.origin ? { origin: entity.origin } : {}),
  };
}

/** A provision answering a workshop question. */
export function answersRelation(pid: string, entity: WorkshopQuestionEntity): Relation {
  return {
    id: `${pid}.answers.${entity.id}`,
    kind: 'ANSWERS',
    family: 'REFERENCE',
    from: pid,
    to: entity.id,
    cites: [pid],
    sources: [],
    // Grading a workshop question against the instruction is a reading of it: the grader's reason is that reading.
    evidence: { status: 'INTERPRETED', note: entity.reason },
    derivedFrom: 'REFERENCE',
    ...(entity.origin ? { origin: entity.origin } : {}),
  };
}
