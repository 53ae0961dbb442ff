import type {
  ActorKind,
  Bilingual,
  Confidence,
  CoverageStatus,
  EvidenceConfidence,
  EvidenceStatus,
  ParticipationRole,
  RelationFamily,
  RelationKind,
} from './vocabulary.ts';

/** Where a record was read from, so that every error can name its place. */
export interface Origin {
  file: string;
  line: number;
}

/** ISO dates (YYYY-MM-DD), both ends inclusive; absent means open-ended. */
export interface Validity {
  validFrom?: string;
  validTo?: string;
}

/**
 * How a relation or a decision-area participant is known (see EVIDENCE_LABELS).
 * The loader checks it: a STATED quote must stand in a provision the fact
 * cites, an INTERPRETED fact writes its reading down, a CONTESTED one gives
 * two readings or more, a SOURCED one rests on a source and says how far.
 */
export interface Evidence {
  status: EvidenceStatus;
  /** Words of a cited provision as they stand there; parts may be joined by " … ". Required for STATED. */
  quote?: string;
  /** The cited provision the quote stands in; the loader fills it in when the data leaves it out. */
  provision?: string;
  /** INTERPRETED: the reading, written down. Otherwise an optional remark. */
  note?: Bilingual;
  /** CONTESTED: every reading the text allows, two or more. */
  readings?: Bilingual[];
  /** SOURCED: how far the source carries the fact as shown today. */
  confidence?: EvidenceConfidence;
  /** The latest year (YYYY) or day (YYYY-MM-DD) a source shows the fact to hold. */
  attested?: string;
}

interface EntityBase extends Validity {
  id: string;
  name: Bilingual;
  /** How the entity is named mid-sentence ("kommunstyrelsen", "the executive board"). */
  inText?: Bilingual;
  abbreviations: string[];
  aliases: string[];
  description?: Bilingual;
  /** Provision ids this entity rests on. */
  cites: string[];
  /** Source URLs (from the fact sheet) this entity rests on. */
  sources: string[];
  confidence?: Confidence;
  note?: Bilingual;
  synthetic?: boolean;
  origin?: Origin;
}

export interface ActorEntity extends EntityBase {
  kind: ActorKind;
  /** A finer type in Swedish terms: fullmäktige, styrelse, nämnd, utskott, presidium, kontor, avdelning, … */
  subtype?: string;
  /**
   * A post (W3C ORG `org:Post`): the organisation it is a post in, and (for a
   * body such as a nämnd's presidium) the one it belongs to. For a generic
   * role, where each of its posts sits, if all sit in one place.
   */
  postIn?: string;
  /**
   * The generic role this post is one of (ORG `org:role`): "VD för Nodra AB"
   * is one of "dotterbolagens VD". A field, not a relation, so that no path
   * walks from one post through their shared role to another.
   */
  role?: string;
  /**
   * A role that stands for a post in every organisation of a kind, as the
   * instruction speaks of "dotterbolagens VD": provisions about the kind
   * attach here, and it is never linked to one organisation.
   */
  generic?: boolean;
}

export interface Participation extends Validity {
  role: ParticipationRole;
  actor: string;
  cites: string[];
  sources: string[];
  evidence: Evidence;
  note?: Bilingual;
  origin?: Origin;
}

export interface DecisionAreaEntity extends EntityBase {
  kind: 'DECISION_AREA';
  topic?: string;
  participants: Participation[];
  /** What the sources leave unsettled about this decision. */
  unsettled?: Bilingual;
  /** False where the sources do not settle one decider; `settledReason` says why. Absent means settled. */
  settled?: boolean;
  settledReason?: Bilingual;
  /** Where the law keeps the decision with the body itself (KL 6 kap. 38 §): the provisions and why. */
  notDelegable?: { cites: string[]; note: Bilingual };
}

export type ProvisionTextKind = 'VERBATIM' | 'PARAPHRASE' | 'TITLE';

export interface ProvisionEntity extends EntityBase {
  kind: 'PROVISION';
  document: string;
  order: number;
  /** Heading of the section the provision stands under, as in the source. */
  section: string;
  /** Swedish text: verbatim from the source, or a paraphrase where the source text was not available. */
  text: string;
  textKind: ProvisionTextKind;
  /** Legal reference such as "7 kap. 1 §" or "punkt A 1". */
  reference?: string;
  /** For law references: whether the section number was verified in a source. */
  verified?: boolean;
}

export interface SourceDocumentEntity extends EntityBase {
  kind: 'SOURCE_DOCUMENT';
  /** Diarienummer, SFS number or similar. */
  reference?: string;
  adopted?: string;
  adoptedBy?: string;
  replaces?: string;
  url?: string;
  /** The actor whose remit the document sets out: an instruction governs the director. */
  governs?: string;
}

export interface WorkshopQuestionEntity extends EntityBase {
  kind: 'WORKSHOP_QUESTION';
  order: number;
  section: string;
  topic?: string;
  alsoInSections: string[];
  status: CoverageStatus;
  provisions: string[];
  reason: Bilingual;
}

export interface GlossaryTermEntity extends EntityBase {
  kind: 'GLOSSARY_TERM';
  definition: Bilingual;
  related: string[];
}

export type Entity = ActorEntity | DecisionAreaEntity | ProvisionEntity | SourceDocumentEntity | WorkshopQuestionEntity | GlossaryTermEntity;

export interface Relation extends Validity {
  id: string;
  kind: RelationKind;
  family: RelationFamily;
  from: string;
  to: string;
  /** Overrides the kind's wording for this one relation ("är VD för" instead of "leder"). */
  label?: Bilingual;
  /** The same, read from the target's side ("ägs av"); defaults to the kind's inverse. */
  inverseLabel?: Bilingual;
  cites: string[];
  sources: string[];
  /** How the relation is known; derived relations carry the evidence of the record they come from. */
  evidence: Evidence;
  note?: Bilingual;
  /** Set when the loader derived the relation from a decision area or a provision file. */
  derivedFrom?: 'PARTICIPATION' | 'REFERENCE';
  origin?: Origin;
}

/** A route a tour step draws on the graph, from one entity to another. */
export interface TourPath {
  from: string;
  /**
   * Entities the route passes, in order. The shortest path between two ends
   * is often not the chain the text tells (fullmäktige is one step from a
   * kontor through the nämnd it serves); waypoints make the route the text's.
   */
  via?: string[];
  to: string;
  /** Relation families each leg may use; the step's families, or all governance families, when absent. */
  families?: RelationFamily[];
}

export interface TourStep {
  title: Bilingual;
  text: Bilingual;
  /** Entities the step is about: highlighted on the graph, or shown as cards (questions, provisions). */
  focus: string[];
  /** For decision areas in focus: the participants to highlight, by role; all participants when absent. */
  roles?: ParticipationRole[];
  /** The relation families the graph shows at this step; all governance families when absent. */
  families?: RelationFamily[];
  path?: TourPath;
  /** The provisions the step's text rests on. */
  cites: string[];
  /** Source URLs, where the text rests on facts no provision states (who owns which company); a step gives cites, sources or both. */
  sources: string[];
  /** The date the graph is shown as of, for a step about a time; today when absent. */
  asOf?: string;
}

export interface Tour {
  id: string;
  order: number;
  title: Bilingual;
  summary: Bilingual;
  steps: TourStep[];
  origin?: Origin;
}

export interface DatasetMeta {
  id: string;
  name: Bilingual;
  /** Editorial version of the data, bumped by whoever reviews a change. */
  version: string;
  description?: Bilingual;
  synthetic?: boolean;
  /** Notes on what the sources could not settle (shown in the UI and README). */
  gaps?: Bilingual[];
}

export interface Dataset {
  meta: DatasetMeta;
  /** A digest of the loaded content: two data sets with the same digest are identical. */
  digest: string;
  entities: Entity[];
  relations: Relation[];
  tours: Tour[];
}
