/**
 * The shapes the explorer reads from the GraphQL API. The enums mirror
 * apps/server/src/schema/*.graphql; api/types.test.ts fails when they drift.
 */
export const RELATION_FAMILIES = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS', 'REFERENCE'] as const;
export type RelationFamily = (typeof RELATION_FAMILIES)[number];

/** The families a governance view shows; REFERENCE (provision → document) is for the detail panel, not the canvas. */
export const GOVERNANCE_FAMILIES: readonly RelationFamily[] = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS'];

export const ENTITY_KINDS = [
  'POLITICAL_BODY',
  'ROLE',
  'UNIT',
  'COMPANY',
  'ORGANISATION',
  'DECISION_AREA',
  'PROVISION',
  'SOURCE_DOCUMENT',
  'WORKSHOP_QUESTION',
  'GLOSSARY_TERM',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The kinds the canvas can draw: the organisation and its decisions. */
export const GRAPH_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];

export const PARTICIPATION_ROLES = ['DECIDES', 'DELEGATES', 'PROPOSES', 'PREPARES', 'RESPONSIBLE', 'CONSULTED', 'HEARD', 'INFORMED', 'EXECUTES'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export type Lang = 'SV' | 'EN';

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
}
export interface GraphEdge {
  id: string;
  kind: string;
  family: RelationFamily;
  label: string;
  from: { id: string };
  to: { id: string };
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
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
}

export interface Participant {
  role: ParticipationRole;
  roleLabel: string;
  roleLabelSv: string;
  actor: EntityRef;
  provisions: ProvisionRef[];
  note: string | null;
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
  confidence: 'HIGH' | 'MEDIUM' | null;
  sources: string[];
  provisions: ProvisionRef[];
  relations: RelationDetail[];
  subtype?: string | null;
  summary?: string;
  unsettled?: string | null;
  participants?: Participant[];
  text?: string;
  section?: string;
  definition?: string;
}

export interface SearchHit {
  entity: EntityRef & { kindLabel: string; nameEn: string };
  match: string;
}

export interface PathStep {
  forward: boolean;
  label: string;
  from: EntityRef;
  to: EntityRef;
  relation: { id: string; family: RelationFamily; kind: string };
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
}
