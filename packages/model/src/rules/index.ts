import { companyPosts } from './company-posts.ts';
import { decisionAreaDecider } from './decision-area-decider.ts';
import { delegationToEmployee } from './delegation-to-employee.ts';
import { directorAppointed } from './director-appointed.ts';
import { evidencePresent } from './evidence-present.ts';
import { RuleGraph, type RuleInput } from './graph.ts';
import { kontorHasHead } from './kontor-has-head.ts';
import { namndHasKontor } from './namnd-has-kontor.ts';
import { notDelegated } from './not-delegated.ts';
import { onwardDelegation } from './onward-delegation.ts';
import { ownershipTree } from './ownership-tree.ts';
import type { GovernanceRule, RuleResult, RuleStatus } from './types.ts';

export { evidenceCounts } from './evidence-present.ts';
export type { RuleInput } from './graph.ts';
export * from './types.ts';

/**
 * The governance rules, in the order a reader meets them: decisions,
 * offices, delegation, the director, the companies, the evidence. A new rule
 * is a GovernanceRule in a file of its own, added here.
 */
export const GOVERNANCE_RULES: readonly GovernanceRule[] = [
  decisionAreaDecider,
  kontorHasHead,
  namndHasKontor,
  delegationToEmployee,
  onwardDelegation,
  notDelegated,
  directorAppointed,
  ownershipTree,
  companyPosts,
  evidencePresent,
];

const SEVERITY: Record<RuleStatus, number> = { PASS: 0, WARN: 1, FAIL: 2 };

/** Runs every rule over the data set as of `asOf`; each result's status is its worst finding. */
export function runRuleChecks(input: RuleInput, asOf: string, rules: readonly GovernanceRule[] = GOVERNANCE_RULES): RuleResult[] {
  const graph = new RuleGraph(input, asOf);
  return rules.map((rule) => {
    const { summary, findings } = rule.check(graph);
    const status = findings.reduce<RuleStatus>((worst, f) => (SEVERITY[f.status] > SEVERITY[worst] ? f.status : worst), 'PASS');
    return { id: rule.id, title: rule.title, description: rule.description, status, summary, provisions: graph.law(rule.law), findings };
  });
}
