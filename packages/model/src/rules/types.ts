import type { Bilingual } from '../vocabulary.ts';
import type { RuleGraph } from './graph.ts';

export const RULE_STATUSES = ['PASS', 'WARN', 'FAIL'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** One thing a rule found: what is wrong or questionable, and the entities, relations and provisions it concerns. */
export interface RuleFinding {
  status: Exclude<RuleStatus, 'PASS'>;
  message: Bilingual;
  entities: string[];
  relations: string[];
  provisions: string[];
}

/**
 * A named governance rule. The validator refuses what is malformed; a rule
 * reports what is well-formed but questionable against the law or the
 * instruction. A rule reads the graph as of a date and returns what it found
 * with a one-line summary.
 */
export interface GovernanceRule {
  id: string;
  title: Bilingual;
  /** What the rule checks and why, in a sentence or two. */
  description: Bilingual;
  /** The Local Government Act sections the rule rests on, as references ("7 kap. 6 §"); resolved to the data set's provisions. */
  law: string[];
  check(graph: RuleGraph): { summary: Bilingual; findings: RuleFinding[] };
}

/** A rule's verdict: its worst finding, or PASS. */
export interface RuleResult {
  id: string;
  title: Bilingual;
  description: Bilingual;
  status: RuleStatus;
  summary: Bilingual;
  /** The provisions of the data set the rule rests on. */
  provisions: string[];
  findings: RuleFinding[];
}

export const RULE_STATUS_LABELS: Record<RuleStatus, Bilingual> = {
  PASS: { sv: 'Godkänt', en: 'Pass' },
  WARN: { sv: 'Varning', en: 'Warning' },
  FAIL: { sv: 'Fel', en: 'Fail' },
};
