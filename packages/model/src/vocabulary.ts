/**
 * The relation vocabulary: every kind of entity and relation Styrgraf knows,
 * with the family it belongs to, its words in Swedish and English, and the
 * entity kinds it may connect. Styling, validation, explanations and the org
 * chart are all derived from this table, so a new kind is added here once.
 */

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

/** Kinds that act in the organisation: they decide, report, own and are consulted. */
export const ACTOR_KINDS = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export function isActorKind(kind: EntityKind): kind is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(kind);
}

export const RELATION_FAMILIES = ['REPORTING', 'DECISION', 'CONSULTATION', 'OWNERSHIP', 'OVERSIGHT', 'STRUCTURE', 'RIGHTS', 'REFERENCE'] as const;
export type RelationFamily = (typeof RELATION_FAMILIES)[number];

/** Families that describe how the organisation works, as opposed to how the sources are filed. */
export const GOVERNANCE_FAMILIES: readonly RelationFamily[] = RELATION_FAMILIES.filter((f) => f !== 'REFERENCE');

export type Lang = 'sv' | 'en';
export interface Bilingual {
  sv: string;
  en: string;
}

export interface RelationKindSpec {
  family: RelationFamily;
  /** "A <label> B", a verb phrase in the present tense. */
  label: Bilingual;
  /** "B <inverse> A". */
  inverse: Bilingual;
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /**
   * Place in the org chart: `down` means the source sits above the target,
   * `up` the target above the source. Kinds without it are not chart lines.
   */
  hierarchy?: 'down' | 'up';
  /** A role an actor plays in a decision area (source actor, target decision area). */
  participation?: boolean;
}

const ACTORS = ACTOR_KINDS;
const BODY_OR_ROLE = ['POLITICAL_BODY', 'ROLE'] as const;

export const RELATION_KINDS = {
  // REPORTING: who answers to whom, who leads what.
  ELECTS: {
    family: 'REPORTING',
    label: { sv: 'väljer', en: 'elects' },
    inverse: { sv: 'väljs av', en: 'is elected by' },
    from: ['POLITICAL_BODY'],
    to: ['POLITICAL_BODY', 'ROLE'],
    hierarchy: 'down',
  },
  APPOINTS: {
    family: 'REPORTING',
    label: { sv: 'anställer', en: 'appoints' },
    inverse: { sv: 'anställs av', en: 'is appointed by' },
    from: BODY_OR_ROLE,
    to: ['ROLE'],
    hierarchy: 'down',
  },
  HEADS: {
    family: 'REPORTING',
    label: { sv: 'leder', en: 'heads' },
    inverse: { sv: 'leds av', en: 'is headed by' },
    from: ['ROLE'],
    to: ['UNIT', 'COMPANY'],
    hierarchy: 'down',
  },
  MANAGES: {
    family: 'REPORTING',
    label: { sv: 'är chef för', en: 'is the line manager of' },
    inverse: { sv: 'är underställd', en: 'reports to' },
    from: ['ROLE'],
    to: ['ROLE'],
    hierarchy: 'down',
  },
  REPORTS_TO: {
    family: 'REPORTING',
    label: { sv: 'redovisar till', en: 'reports to' },
    inverse: { sv: 'tar emot redovisning från', en: 'receives reports from' },
    from: ['ROLE', 'UNIT', 'POLITICAL_BODY', 'COMPANY'],
    to: BODY_OR_ROLE,
    hierarchy: 'up',
  },
  SERVES: {
    family: 'REPORTING',
    label: { sv: 'arbetar på uppdrag av', en: 'works for' },
    inverse: { sv: 'får stöd av', en: 'is supported by' },
    from: ['UNIT'],
    to: ['POLITICAL_BODY'],
  },
  ASSIGNS: {
    family: 'REPORTING',
    label: { sv: 'lämnar uppdrag till', en: 'gives assignments to' },
    inverse: { sv: 'tar emot uppdrag från', en: 'receives assignments from' },
    from: ['POLITICAL_BODY'],
    to: ['ROLE', 'UNIT'],
  },

  // DECISION: who decides, proposes, prepares and executes; delegation.
  DECIDES: {
    family: 'DECISION',
    label: { sv: 'beslutar om', en: 'decides on' },
    inverse: { sv: 'beslutas av', en: 'is decided by' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  PROPOSES: {
    family: 'DECISION',
    label: { sv: 'lämnar förslag om', en: 'proposes' },
    inverse: { sv: 'föreslås av', en: 'is proposed by' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  PREPARES: {
    family: 'DECISION',
    label: { sv: 'bereder', en: 'prepares' },
    inverse: { sv: 'bereds av', en: 'is prepared by' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  EXECUTES: {
    family: 'DECISION',
    label: { sv: 'verkställer', en: 'executes' },
    inverse: { sv: 'verkställs av', en: 'is executed by' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  RESPONSIBLE: {
    family: 'DECISION',
    label: { sv: 'ansvarar för', en: 'is responsible for' },
    inverse: { sv: 'är ett ansvar för', en: 'is the responsibility of' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  DELEGATES: {
    family: 'DECISION',
    label: { sv: 'delegerar beslut om', en: 'delegates decisions on' },
    inverse: { sv: 'delegeras av', en: 'is delegated by' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  DELEGATES_TO: {
    family: 'DECISION',
    label: { sv: 'delegerar beslutanderätt till', en: 'delegates decision-making to' },
    inverse: { sv: 'har fått delegation från', en: 'holds delegated powers from' },
    from: BODY_OR_ROLE,
    to: BODY_OR_ROLE,
  },
  SUBDELEGATES_TO: {
    family: 'DECISION',
    label: { sv: 'vidaredelegerar till', en: 'sub-delegates to' },
    inverse: { sv: 'har fått vidaredelegation från', en: 'holds sub-delegated powers from' },
    from: ['ROLE'],
    to: ['ROLE'],
  },

  // CONSULTATION: who is asked, heard or told.
  CONSULTED: {
    family: 'CONSULTATION',
    label: { sv: 'deltar i samråd om', en: 'is consulted on' },
    inverse: { sv: 'sker i samråd med', en: 'requires consultation with' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  HEARD: {
    family: 'CONSULTATION',
    label: { sv: 'ska höras om', en: 'is heard on' },
    inverse: { sv: 'kräver hörande av', en: 'requires hearing' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },
  INFORMED: {
    family: 'CONSULTATION',
    label: { sv: 'får redovisning om', en: 'is informed of' },
    inverse: { sv: 'redovisas för', en: 'is reported to' },
    from: ACTORS,
    to: ['DECISION_AREA'],
    participation: true,
  },

  // OWNERSHIP: the municipality (a legal person) owns; the council exercises that ownership.
  OWNS: {
    family: 'OWNERSHIP',
    label: { sv: 'äger', en: 'owns' },
    inverse: { sv: 'ägs av', en: 'is owned by' },
    from: ['ORGANISATION', 'POLITICAL_BODY', 'COMPANY'],
    to: ['COMPANY'],
    hierarchy: 'down',
  },
  CO_OWNS: {
    family: 'OWNERSHIP',
    label: { sv: 'är delägare i', en: 'is a part-owner of' },
    inverse: { sv: 'ägs delvis av', en: 'is partly owned by' },
    from: ['ORGANISATION', 'POLITICAL_BODY', 'COMPANY'],
    to: ['COMPANY', 'ORGANISATION'],
  },
  EXERCISES_OWNERSHIP: {
    family: 'OWNERSHIP',
    label: { sv: 'utövar kommunens ägande i', en: "exercises the municipality's ownership of" },
    inverse: { sv: 'har kommunens ägande utövat av', en: "has the municipality's ownership exercised by" },
    from: ['POLITICAL_BODY'],
    to: ['COMPANY'],
    hierarchy: 'down',
  },

  // OVERSIGHT
  OVERSEES: {
    family: 'OVERSIGHT',
    label: { sv: 'har uppsikt över', en: 'oversees' },
    inverse: { sv: 'står under uppsikt av', en: 'is overseen by' },
    from: ['POLITICAL_BODY'],
    to: ['POLITICAL_BODY', 'COMPANY', 'ORGANISATION'],
  },
  AUDITS: {
    family: 'OVERSIGHT',
    label: { sv: 'granskar', en: 'audits' },
    inverse: { sv: 'granskas av', en: 'is audited by' },
    from: ['POLITICAL_BODY', 'UNIT'],
    to: ['POLITICAL_BODY', 'COMPANY', 'UNIT'],
  },
  ASSISTS: {
    family: 'OVERSIGHT',
    label: { sv: 'biträder', en: 'assists' },
    inverse: { sv: 'biträds av', en: 'is assisted by' },
    from: ['ROLE', 'UNIT'],
    to: BODY_OR_ROLE,
  },

  // STRUCTURE
  PART_OF: {
    family: 'STRUCTURE',
    label: { sv: 'ingår i', en: 'is part of' },
    inverse: { sv: 'omfattar', en: 'includes' },
    from: ACTORS,
    to: ACTORS,
  },
  MEMBER_OF: {
    family: 'STRUCTURE',
    label: { sv: 'är medlem i', en: 'is a member of' },
    inverse: { sv: 'har som medlem', en: 'has as a member' },
    from: ACTORS,
    to: ['POLITICAL_BODY', 'UNIT', 'ORGANISATION'],
  },
  CHAIRS: {
    family: 'STRUCTURE',
    label: { sv: 'är ordförande i', en: 'chairs' },
    inverse: { sv: 'har som ordförande', en: 'is chaired by' },
    from: ['ROLE'],
    to: ['POLITICAL_BODY', 'COMPANY'],
  },
  IS_A: {
    family: 'STRUCTURE',
    label: { sv: 'är en', en: 'is a' },
    inverse: { sv: 'är den allmänna rollen för', en: 'is the general role of' },
    from: ['ROLE'],
    to: ['ROLE'],
  },
  SUCCEEDS: {
    family: 'STRUCTURE',
    label: { sv: 'efterträder', en: 'succeeds' },
    inverse: { sv: 'efterträds av', en: 'is succeeded by' },
    from: ACTORS,
    to: ACTORS,
  },

  // RIGHTS
  ATTENDS_AND_SPEAKS: {
    family: 'RIGHTS',
    label: { sv: 'har närvaro- och yttranderätt i', en: 'may attend and speak in' },
    inverse: { sv: 'ger närvaro- och yttranderätt till', en: 'lets attend and speak' },
    from: ['ROLE'],
    to: ['POLITICAL_BODY'],
  },
  ANNOTATES_MINUTES: {
    family: 'RIGHTS',
    label: { sv: 'får göra anteckningar till protokollet i', en: 'may add notes to the minutes of' },
    inverse: { sv: 'tar emot protokollsanteckningar från', en: 'takes notes to its minutes from' },
    from: ['ROLE'],
    to: ['POLITICAL_BODY'],
  },
  SIGNS_FOR: {
    family: 'RIGHTS',
    label: { sv: 'undertecknar skrivelser till', en: 'signs the letters to' },
    inverse: { sv: 'tar emot skrivelser undertecknade av', en: 'receives letters signed by' },
    from: ['ROLE'],
    to: ['POLITICAL_BODY'],
  },

  // REFERENCE: how the sources hang together (derived by the loader).
  IN_DOCUMENT: {
    family: 'REFERENCE',
    label: { sv: 'står i', en: 'is set out in' },
    inverse: { sv: 'innehåller', en: 'contains' },
    from: ['PROVISION'],
    to: ['SOURCE_DOCUMENT'],
  },
  ANSWERS: {
    family: 'REFERENCE',
    label: { sv: 'besvarar', en: 'answers' },
    inverse: { sv: 'besvaras av', en: 'is answered by' },
    from: ['PROVISION'],
    to: ['WORKSHOP_QUESTION'],
  },
} as const satisfies Record<string, RelationKindSpec>;

export type RelationKind = keyof typeof RELATION_KINDS;
export const RELATION_KIND_NAMES = Object.keys(RELATION_KINDS) as RelationKind[];

export function relationSpec(kind: RelationKind): RelationKindSpec {
  return RELATION_KINDS[kind];
}

export function familyOf(kind: RelationKind): RelationFamily {
  return RELATION_KINDS[kind].family;
}

/** The roles an actor can play in a decision area, in the order a reader expects them. */
export const PARTICIPATION_ROLES = [
  'DECIDES',
  'DELEGATES',
  'PROPOSES',
  'PREPARES',
  'RESPONSIBLE',
  'CONSULTED',
  'HEARD',
  'INFORMED',
  'EXECUTES',
] as const satisfies readonly RelationKind[];
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

/** How a role in a decision area is named: a column heading, and the verb for a sentence ("… beslutar"), singular and plural subject. */
export const PARTICIPATION_ROLE_LABELS: Record<ParticipationRole, { short: Bilingual; clause: Bilingual; clausePlural: Bilingual }> = {
  DECIDES: { short: { sv: 'Beslutar', en: 'Decides' }, clause: { sv: 'beslutar', en: 'decides' }, clausePlural: { sv: 'beslutar', en: 'decide' } },
  DELEGATES: {
    short: { sv: 'Delegerar', en: 'Delegates' },
    clause: { sv: 'delegerar beslutet', en: 'delegates the decision' },
    clausePlural: { sv: 'delegerar beslutet', en: 'delegate the decision' },
  },
  PROPOSES: {
    short: { sv: 'Föreslår', en: 'Proposes' },
    clause: { sv: 'lämnar förslag', en: 'makes the proposal' },
    clausePlural: { sv: 'lämnar förslag', en: 'make the proposal' },
  },
  PREPARES: {
    short: { sv: 'Bereder', en: 'Prepares' },
    clause: { sv: 'bereder ärendet', en: 'prepares the matter' },
    clausePlural: { sv: 'bereder ärendet', en: 'prepare the matter' },
  },
  RESPONSIBLE: {
    short: { sv: 'Ansvarar', en: 'Responsible' },
    clause: { sv: 'ansvarar för processen', en: 'is responsible for the process' },
    clausePlural: { sv: 'ansvarar för processen', en: 'are responsible for the process' },
  },
  CONSULTED: {
    short: { sv: 'Samråd', en: 'Consulted' },
    clause: { sv: 'ska delta i samråd', en: 'must be consulted' },
    clausePlural: { sv: 'ska delta i samråd', en: 'must be consulted' },
  },
  HEARD: { short: { sv: 'Hörs', en: 'Heard' }, clause: { sv: 'ska höras', en: 'must be heard' }, clausePlural: { sv: 'ska höras', en: 'must be heard' } },
  INFORMED: {
    short: { sv: 'Informeras', en: 'Informed' },
    clause: { sv: 'får en redovisning', en: 'is reported to' },
    clausePlural: { sv: 'får en redovisning', en: 'are reported to' },
  },
  EXECUTES: { short: { sv: 'Verkställer', en: 'Executes' }, clause: { sv: 'verkställer', en: 'executes' }, clausePlural: { sv: 'verkställer', en: 'execute' } },
};

export const COVERAGE_LABELS: Record<CoverageStatus, Bilingual> = {
  ANSWERED: { sv: 'Besvarad', en: 'Answered' },
  PARTLY: { sv: 'Delvis besvarad', en: 'Partly answered' },
  OPEN: { sv: 'Öppen', en: 'Open' },
};

export const FAMILY_LABELS: Record<RelationFamily, Bilingual> = {
  REPORTING: { sv: 'Rapportering och ledning', en: 'Reporting and line management' },
  DECISION: { sv: 'Beslut', en: 'Decisions' },
  CONSULTATION: { sv: 'Samråd och hörande', en: 'Consultation and hearing' },
  OWNERSHIP: { sv: 'Ägande', en: 'Ownership' },
  OVERSIGHT: { sv: 'Uppsikt och granskning', en: 'Oversight and audit' },
  STRUCTURE: { sv: 'Struktur', en: 'Structure' },
  RIGHTS: { sv: 'Rättigheter', en: 'Rights' },
  REFERENCE: { sv: 'Källhänvisningar', en: 'Source references' },
};

export const ENTITY_KIND_LABELS: Record<EntityKind, Bilingual> = {
  POLITICAL_BODY: { sv: 'Politiskt organ', en: 'Political body' },
  ROLE: { sv: 'Roll', en: 'Role' },
  UNIT: { sv: 'Förvaltningsenhet', en: 'Administrative unit' },
  COMPANY: { sv: 'Bolag', en: 'Company' },
  ORGANISATION: { sv: 'Annan organisation', en: 'Other organisation' },
  DECISION_AREA: { sv: 'Beslutsområde', en: 'Decision area' },
  PROVISION: { sv: 'Bestämmelse', en: 'Provision' },
  SOURCE_DOCUMENT: { sv: 'Källdokument', en: 'Source document' },
  WORKSHOP_QUESTION: { sv: 'Workshopfråga', en: 'Workshop question' },
  GLOSSARY_TERM: { sv: 'Begrepp', en: 'Glossary term' },
};

export const COVERAGE_STATUSES = ['ANSWERED', 'PARTLY', 'OPEN'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export const CONFIDENCE_LEVELS = ['HIGH', 'MEDIUM'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * How a relation or a decision-area participant is known. The model never
 * serves a reading as what the text says: each fact says which of these it is.
 */
export const EVIDENCE_STATUSES = ['STATED', 'INTERPRETED', 'CONTESTED', 'SOURCED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** How far a non-provision source carries a fact as shown today; LOW where it was true once and may no longer be. */
export const EVIDENCE_CONFIDENCE_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type EvidenceConfidence = (typeof EVIDENCE_CONFIDENCE_LEVELS)[number];

export const EVIDENCE_LABELS: Record<EvidenceStatus, { label: Bilingual; description: Bilingual; marker?: Bilingual }> = {
  STATED: {
    label: { sv: 'Står i bestämmelsen', en: 'Stated' },
    description: {
      sv: 'En bestämmelse säger det med så många ord; citatet visar vilka.',
      en: 'A provision says it in so many words; the quote shows which.',
    },
  },
  INTERPRETED: {
    label: { sv: 'Tolkning', en: 'Interpretation' },
    description: {
      sv: 'En läsning av en bestämmelse som inte säger det rakt ut; läsningen står skriven bredvid.',
      en: 'A reading of a provision that does not say it outright; the reading is written beside it.',
    },
    marker: { sv: 'tolkning', en: 'reading' },
  },
  CONTESTED: {
    label: { sv: 'Oklart – flera läsningar', en: 'Contested – more than one reading' },
    description: {
      sv: 'Texten går att läsa på mer än ett sätt; varje läsning står skriven bredvid.',
      en: 'The text can be read in more than one way; each reading is written beside it.',
    },
    marker: { sv: 'omstritt', en: 'contested' },
  },
  SOURCED: {
    label: { sv: 'Enligt källa', en: 'From a source' },
    description: {
      sv: 'Ingen bestämmelse säger det; det bygger på en annan källa, med angiven tillförlitlighet.',
      en: 'No provision says it; it rests on another source, with its confidence given.',
    },
  },
};

/** The marker a sentence carries for a fact of low confidence. */
export const LOW_CONFIDENCE_MARKER: Bilingual = { sv: 'osäkert', en: 'uncertain' };
