import { ACTOR_KINDS, PARTICIPATION_ROLES, type Bilingual, type EntityKind, type RelationKind } from '@styrgraf/model';

/**
 * What a quiz can ask, as data: each template turns every relation of one
 * kind in the graph into the question "who <relation> <subject>?", whose
 * answer is the relation's source. Another municipality's graph gives its own
 * questions from the same templates.
 */

export const QUIZ_TOPICS = [
  'DECISION',
  'PREPARATION',
  'CONSULTATION',
  'HEARING',
  'INFORMATION',
  'LEADERSHIP',
  'APPOINTMENT',
  'SUPPORT',
  'OWNERSHIP',
  'OVERSIGHT',
] as const;
export type QuizTopic = (typeof QUIZ_TOPICS)[number];

export const QUIZ_TOPIC_LABELS: Record<QuizTopic, { label: Bilingual; description: Bilingual }> = {
  DECISION: {
    label: { sv: 'Beslut', en: 'Decisions' },
    description: { sv: 'Vem som beslutar om det som instruktionen reglerar.', en: 'Who decides on what the instruction regulates.' },
  },
  PREPARATION: {
    label: { sv: 'Beredning och ansvar', en: 'Preparation and responsibility' },
    description: { sv: 'Vem som bereder, föreslår, ansvarar och verkställer.', en: 'Who prepares, proposes, is responsible and carries out.' },
  },
  CONSULTATION: {
    label: { sv: 'Samråd', en: 'Consultation' },
    description: { sv: 'Vem som ska delta i samråd innan ett beslut fattas.', en: 'Who must be consulted before a decision is taken.' },
  },
  HEARING: {
    label: { sv: 'Hörande', en: 'Hearing' },
    description: { sv: 'Vem som ska höras innan ett beslut fattas.', en: 'Who must be heard before a decision is taken.' },
  },
  INFORMATION: {
    label: { sv: 'Redovisning', en: 'Reporting back' },
    description: { sv: 'Vem som ska få ett beslut redovisat för sig.', en: 'Who is to be informed of a decision.' },
  },
  LEADERSHIP: {
    label: { sv: 'Ledning', en: 'Leadership' },
    description: { sv: 'Vem som leder kontor och bolag, och vem som är chef för vem.', en: 'Who heads the offices and companies, and who manages whom.' },
  },
  APPOINTMENT: {
    label: { sv: 'Val och anställning', en: 'Elections and appointments' },
    description: { sv: 'Vem som väljer organen och anställer de ledande tjänstepersonerna.', en: 'Who elects the bodies and appoints the leading officials.' },
  },
  SUPPORT: {
    label: { sv: 'Kontor och nämnder', en: 'Offices and committees' },
    description: { sv: 'Vilket kontor som stödjer vilken nämnd.', en: 'Which office supports which committee.' },
  },
  OWNERSHIP: {
    label: { sv: 'Ägande', en: 'Ownership' },
    description: {
      sv: 'Vem som äger kommunens bolag, och vem som utövar kommunens ägande.',
      en: "Who owns the municipal companies, and who exercises the municipality's ownership.",
    },
  },
  OVERSIGHT: {
    label: { sv: 'Uppsikt och granskning', en: 'Oversight and audit' },
    description: {
      sv: 'Vem som har uppsikt över nämnder och bolag, och vem som granskar dem.',
      en: 'Who oversees the committees and companies, and who audits them.',
    },
  },
};

export interface QuestionTemplate {
  /** Part of every question id made from this template ("decides:da-villkor-kontorschef"). */
  id: string;
  topic: QuizTopic;
  /** The relation asked about: its source is the answer, its target the question's subject. */
  kind: RelationKind;
  /** Other kinds whose source is also right (the body that delegated a decision may still take it). */
  alsoRight?: readonly RelationKind[];
  /** Whether the relation carries over a chain: an owner's owner owns too, so is never a wrong option. */
  transitive?: boolean;
  /**
   * Kinds whose source the sources could be read to make right too, so never a
   * wrong option: the council, which exercises the municipality's ownership,
   * is no wrong answer to who owns a company (nor to who owns its owner).
   */
  neverWrong?: readonly RelationKind[];
  /** The kinds of entity every option is; always kinds the vocabulary lets hold the relation, so a wrong option is wrong, not absurd. */
  optionKinds: readonly EntityKind[];
  /** Sources of these relations make up the pool of plausible wrong options. */
  poolKinds: readonly RelationKind[];
  /** Targets of these relations are plausible wrong options too (the other companies, for who owns a company). */
  poolTargets?: readonly RelationKind[];
  /** The question in words; by default "Vem <the relation's label> <subject>?". */
  prompt?: (subject: Bilingual) => Bilingual;
}

const PARTICIPATION: readonly RelationKind[] = PARTICIPATION_ROLES;

export const QUESTION_TEMPLATES: readonly QuestionTemplate[] = [
  { id: 'decides', topic: 'DECISION', kind: 'DECIDES', alsoRight: ['DELEGATES'], optionKinds: ACTOR_KINDS, poolKinds: PARTICIPATION },
  { id: 'prepares', topic: 'PREPARATION', kind: 'PREPARES', optionKinds: ACTOR_KINDS, poolKinds: PARTICIPATION },
  { id: 'proposes', topic: 'PREPARATION', kind: 'PROPOSES', optionKinds: ACTOR_KINDS, poolKinds: PARTICIPATION },
  { id: 'responsible', topic: 'PREPARATION', kind: 'RESPONSIBLE', optionKinds: ACTOR_KINDS, poolKinds: PARTICIPATION },
  {
    id: 'executes',
    topic: 'PREPARATION',
    kind: 'EXECUTES',
    optionKinds: ACTOR_KINDS,
    poolKinds: PARTICIPATION,
    prompt: (s) => ({ sv: `Vem ansvarar för ${s.sv}?`, en: `Who is responsible for ${s.en}?` }),
  },
  {
    id: 'consulted',
    topic: 'CONSULTATION',
    kind: 'CONSULTED',
    optionKinds: ACTOR_KINDS,
    poolKinds: PARTICIPATION,
    prompt: (s) => ({ sv: `Vem ska delta i samråd om ${s.sv}?`, en: `Who must be consulted on ${s.en}?` }),
  },
  {
    id: 'heard',
    topic: 'HEARING',
    kind: 'HEARD',
    optionKinds: ACTOR_KINDS,
    poolKinds: PARTICIPATION,
    prompt: (s) => ({ sv: `Vem ska höras inför beslut om ${s.sv}?`, en: `Who must be heard before a decision on ${s.en}?` }),
  },
  {
    id: 'informed',
    topic: 'INFORMATION',
    kind: 'INFORMED',
    optionKinds: ACTOR_KINDS,
    poolKinds: PARTICIPATION,
    prompt: (s) => ({ sv: `Vem ska få en redovisning om ${s.sv}?`, en: `Who is to be informed about ${s.en}?` }),
  },
  { id: 'heads', topic: 'LEADERSHIP', kind: 'HEADS', optionKinds: ['ROLE'], poolKinds: ['HEADS', 'MANAGES', 'CHAIRS'] },
  { id: 'manages', topic: 'LEADERSHIP', kind: 'MANAGES', optionKinds: ['ROLE'], poolKinds: ['MANAGES', 'HEADS', 'APPOINTS', 'CHAIRS'] },
  { id: 'appoints', topic: 'APPOINTMENT', kind: 'APPOINTS', optionKinds: ['POLITICAL_BODY', 'ROLE'], poolKinds: ['APPOINTS', 'ELECTS', 'MANAGES', 'DECIDES'] },
  {
    id: 'elects',
    topic: 'APPOINTMENT',
    kind: 'ELECTS',
    optionKinds: ['POLITICAL_BODY'],
    poolKinds: ['ELECTS', 'APPOINTS', 'OVERSEES', 'AUDITS'],
    poolTargets: ['ELECTS'],
  },
  {
    id: 'serves',
    topic: 'SUPPORT',
    kind: 'SERVES',
    optionKinds: ['UNIT'],
    poolKinds: ['SERVES'],
    prompt: (s) => ({ sv: `Vilket kontor stödjer ${s.sv}?`, en: `Which office supports ${s.en}?` }),
  },
  {
    id: 'owns',
    topic: 'OWNERSHIP',
    kind: 'OWNS',
    transitive: true,
    neverWrong: ['EXERCISES_OWNERSHIP'],
    optionKinds: ['ORGANISATION', 'POLITICAL_BODY', 'COMPANY'],
    poolKinds: ['OWNS', 'CO_OWNS', 'OVERSEES'],
    poolTargets: ['OWNS'],
  },
  {
    id: 'co-owns',
    topic: 'OWNERSHIP',
    kind: 'CO_OWNS',
    neverWrong: ['EXERCISES_OWNERSHIP'],
    optionKinds: ['ORGANISATION', 'POLITICAL_BODY', 'COMPANY'],
    poolKinds: ['OWNS', 'CO_OWNS', 'OVERSEES'],
    poolTargets: ['OWNS'],
  },
  { id: 'exercises-ownership', topic: 'OWNERSHIP', kind: 'EXERCISES_OWNERSHIP', optionKinds: ['POLITICAL_BODY'], poolKinds: ['OVERSEES', 'AUDITS', 'ELECTS'] },
  {
    id: 'oversees',
    topic: 'OVERSIGHT',
    kind: 'OVERSEES',
    optionKinds: ['POLITICAL_BODY'],
    poolKinds: ['OVERSEES', 'AUDITS', 'ELECTS'],
    poolTargets: ['OVERSEES'],
  },
  {
    id: 'audits',
    topic: 'OVERSIGHT',
    kind: 'AUDITS',
    optionKinds: ['POLITICAL_BODY', 'UNIT'],
    poolKinds: ['OVERSEES', 'AUDITS', 'ELECTS'],
    poolTargets: ['AUDITS'],
  },
  { id: 'assists', topic: 'OVERSIGHT', kind: 'ASSISTS', optionKinds: ['ROLE'], poolKinds: ['ASSISTS', 'HEADS', 'MANAGES', 'CHAIRS'] },
];
