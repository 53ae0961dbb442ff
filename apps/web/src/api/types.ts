/**
 * The shapes the explorer reads from the GraphQL API. The enums come from
 * the SDL through `pnpm codegen` (api/generated/enums.ts); the shapes below
 * are what the views hold, and each request's generated answer type must be
 * assignable to them, so a change to the SDL the views do not follow fails
 * typecheck.
 */
import type { Confidence, EntityKind, EvidenceStatus, Lang, ParticipationRole, RelationFamily } from './generated/enums.ts';

export type { Confidence, EntityKind, EvidenceStatus, Lang, ParticipationRole, RelationFamily };

/** The families a governance view shows; REFERENCE (provision → document) is for the detail panel, not the canvas. */
export const GOVERNANCE_FAMILIES: readonly RelationFamily[] = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS'];

/** The kinds the canvas can draw: the organisation and its decisions. */
export const GRAPH_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

/** What the canvas, the path finder and the matrix need of a fact's evidence: its status, and for a sourced fact how far the source carries it. */
export interface EvidenceMark {
  status: EvidenceStatus;
  confidence: Confidence | null;
  /** The bracketed word sentences carry ("tolkning", "omstritt", "osäkert"); null for a stated or well-sourced fact. */
  marker: string | null;
}

/** Everything the detail panel says about how a fact is known. */
export interface Evidence extends EvidenceMark {
  /** "Enligt kommundirektörens instruktion", "Tolkning", "Oklart – flera läsningar", "Enligt källa (låg tillförlitlighet)". */
  wording: string;
  quote: string | null;
  quotedFrom: { id: string; name: string; reference: string | null } | null;
  quoteVerbatim: boolean | null;
  note: string | null;
  readings: string[];
  attested: string | null;
}

export interface EvidenceStatusInfo {
  status: EvidenceStatus;
  label: string;
  labelSv: string;
  description: string;
  marker: string | null;
}

export interface FamilyInfo {
  family: RelationFamily;
  label: string;
  labelSv: string;
}
export interface RelationKindInfo {
  kind: string;
  family: RelationFamily;
  label: string;
  hierarchy: boolean;
}
export interface EntityKindInfo {
  kind: EntityKind;
  label: string;
  labelSv: string;
}
export interface Vocabulary {
  families: FamilyInfo[];
  relationKinds: RelationKindInfo[];
  entityKinds: EntityKindInfo[];
  participationRoles: ParticipationRole[];
  evidenceStatuses: EvidenceStatusInfo[];
}

export interface EntityRef {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface GraphNode extends EntityRef {
  nameEn: string;
  subtype: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** For a post (VD för Nodra AB, Utbildningsnämndens presidium): the organisation it sits in. */
  postIn: { id: string } | null;
}
export interface GraphEdge {
  id: string;
  kind: string;
  family: RelationFamily;
  label: string;
  from: { id: string };
  to: { id: string };
  evidence: EvidenceMark;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Entities a capped neighbourhood left out (absent when none). */
  omitted?: number;
}

export interface ProvisionRef {
  id: string;
  name: string;
  text: string;
  section: string;
  reference: string | null;
  textKind: 'VERBATIM' | 'PARAPHRASE' | 'TITLE';
  document: { id: string; name: string };
}

export interface RelationDetail {
  id: string;
  kind: string;
  family: RelationFamily;
  familyLabel: string;
  label: string;
  sentence: string;
  from: EntityRef;
  to: EntityRef;
  provisions: ProvisionRef[];
  sources: string[];
  note: string | null;
  validFrom: string | null;
  validTo: string | null;
  derived: boolean;
  evidence: Evidence;
}

export interface Participant {
  role: ParticipationRole;
  roleLabel: string;
  roleLabelSv: string;
  actor: EntityRef;
  provisions: ProvisionRef[];
  note: string | null;
  evidence: Evidence;
}

export interface EntityDetail {
  id: string;
  kind: EntityKind;
  kindLabel: string;
  names: { sv: string; en: string };
  description: string | null;
  note: string | null;
  abbreviations: string[];
  validFrom: string | null;
  validTo: string | null;
  confidence: Confidence | null;
  sources: string[];
  provisions: ProvisionRef[];
  relations: RelationDetail[];
  subtype?: string | null;
  /** For a post: the generic role it is one of, and the organisation it sits in. */
  role?: EntityRef | null;
  postIn?: EntityRef | null;
  /** For a generic role ("dotterbolagens VD"): it stands for a post in every organisation of a kind; `posts` lists them on the date shown. */
  generic?: boolean;
  posts?: (EntityRef & { postIn: EntityRef | null })[];
  summary?: string;
  unsettled?: string | null;
  settled?: boolean;
  settledReason?: string | null;
  notDelegable?: string | null;
  participants?: Participant[];
  text?: string;
  section?: string;
  definition?: string;
}

export interface SearchHit {
  /** `municipality`: the one the entity belongs to, null for what municipalities share. */
  entity: EntityRef & { kindLabel: string; nameEn: string; municipality?: { id: string } | null };
  match: string;
}

export interface PathStep {
  forward: boolean;
  label: string;
  from: EntityRef;
  to: EntityRef;
  relation: { id: string; family: RelationFamily; kind: string; evidence: EvidenceMark };
}
export interface GraphPath {
  length: number;
  explanation: string;
  nodes: EntityRef[];
  steps: PathStep[];
}

export interface OrgChartEntry {
  entity: EntityRef & { subtype: string | null; nameEn: string };
  depth: number;
  parent: { id: string } | null;
  via: { id: string; kind: string; family: RelationFamily; label: string } | null;
  childCount: number;
}

export interface DecisionArea {
  id: string;
  name: string;
  nameEn: string;
  topic: string | null;
  summary: string;
  unsettled: string | null;
  /** False where the sources settle no single decider; `settledReason` says why. */
  settled: boolean;
  settledReason: string | null;
  /** Where the law keeps the decision with the body itself (KL 6 kap. 38 §): why. */
  notDelegable: string | null;
  participants: Participant[];
}

export interface Change {
  date: string;
  type: 'STARTED' | 'ENDED';
  description: string;
  entity: { id: string } | null;
  relation: { id: string } | null;
}

export interface About {
  datasetId: string;
  name: string;
  nameSv: string;
  digest: string;
  version: string;
  engine: string;
  entityCount: number;
  relationCount: number;
  /** 1 for one municipality's data; many for the country, whose explorer opens on the overview. */
  municipalityCount: number;
}
