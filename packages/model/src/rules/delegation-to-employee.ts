import { say, type RuleGraph } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** Whether a political body delegated to the actor, directly or through an onward delegation; the relations that show it. */
export function delegationBasis(graph: RuleGraph, actorId: string, seen = new Set<string>()): string[] | null {
  if (seen.has(actorId)) return null;
  seen.add(actorId);
  const direct = graph.into(actorId, ['DELEGATES_TO']).find((r) => graph.entity(r.from)?.kind === 'POLITICAL_BODY');
  if (direct) return [direct.id];
  for (const onward of graph.into(actorId, ['SUBDELEGATES_TO'])) {
    const above = delegationBasis(graph, onward.from, seen);
    if (above) return [...above, onward.id];
  }
  return null;
}

/**
 * A decision an employee takes in the nämnd's name rests on a delegation from
 * a nämnd or the styrelse (KL 6 kap. 37 §, 7 kap. 5 §): the decision area
 * names the delegating body, or at least a delegation reaches the employee.
 */
export const delegationToEmployee: GovernanceRule = {
  id: 'delegation-to-employee',
  title: { sv: 'Anställdas beslut vilar på delegation från en nämnd', en: 'Employees’ decisions rest on delegation from a committee' },
  description: {
    sv: 'Beslutanderätten utgår från de förtroendevalda. Beslutar en anställd, ska det bygga på en delegation från kommunstyrelsen eller en nämnd, och beslutsområdet ska visa vilken.',
    en: 'The power to decide comes from the elected bodies. Where an employee decides, it rests on a delegation from the executive board or a committee, and the decision area shows which.',
  },
  law: ['6 kap. 37 §', '7 kap. 5 §'],
  check(graph) {
    const findings: RuleFinding[] = [];
    let checked = 0;
    for (const area of graph.areas()) {
      const delegating = area.participants.filter((p) => p.role === 'DELEGATES' && graph.entity(p.actor)?.kind === 'POLITICAL_BODY');
      for (const p of area.participants.filter((q) => q.role === 'DECIDES' && graph.isEmployee(q.actor))) {
        checked++;
        const basis = delegationBasis(graph, p.actor);
        const provisions = [...new Set([...p.cites, ...graph.law(['7 kap. 5 §'])])];
        if (!basis) {
          findings.push({
            status: 'FAIL',
            message: say((l) =>
              l === 'sv'
                ? `${graph.Name(p.actor).sv} beslutar om ${graph.name(area.id).sv}, men ingen delegation från en nämnd når fram till ${graph.name(p.actor).sv}.`
                : `${graph.Name(p.actor).en} decides on ${graph.name(area.id).en}, but no delegation from a committee reaches ${graph.name(p.actor).en}.`,
            ),
            entities: [area.id, p.actor],
            relations: [],
            provisions,
          });
        } else if (delegating.length === 0) {
          findings.push({
            status: 'WARN',
            message: say((l) =>
              l === 'sv'
                ? `${graph.Name(p.actor).sv} beslutar om ${graph.name(area.id).sv}, men att beslutet ingår i en delegation från en nämnd visar inte källorna.`
                : `${graph.Name(p.actor).en} decides on ${graph.name(area.id).en}, but the sources do not show that the decision is part of a delegation from a committee.`,
            ),
            entities: [area.id, p.actor],
            relations: basis,
            provisions,
          });
        }
      }
    }
    const failed = findings.filter((f) => f.status === 'FAIL').length;
    const warned = findings.length - failed;
    return {
      findings,
      summary: say((l) => {
        if (failed > 0)
          return l === 'sv'
            ? `${failed} av ${checked} beslut som anställda fattar saknar delegation från en nämnd.`
            : `${failed} of ${checked} decisions employees take lack a delegation from a committee.`;
        if (warned > 0)
          return l === 'sv'
            ? `Alla ${checked} beslut som anställda fattar har en delegation från kommunstyrelsen bakom sig, men för ${warned} visar källorna inte att just det beslutet är delegerat.`
            : `All ${checked} decisions employees take have a delegation from the executive board behind them, but for ${warned} the sources do not show that this decision is delegated.`;
        return l === 'sv'
          ? `Alla ${checked} beslut som anställda fattar vilar på delegation från en nämnd.`
          : `All ${checked} decisions employees take rest on delegation from a committee.`;
      }),
    };
  },
};
