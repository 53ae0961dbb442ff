import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** A decision area names one decider, or says why the sources settle none (or several). */
export const decisionAreaDecider: GovernanceRule = {
  id: 'decision-area-decider',
  title: { sv: 'Varje beslutsområde har en beslutsfattare', en: 'Every decision area has one decider' },
  description: {
    sv: 'Ett beslutsområde ska ha precis en som beslutar, eller vara markerat som oklart med skälet angivet. Oklara områden är det källorna lämnar öppet.',
    en: 'A decision area has exactly one decider, or is marked unsettled with the reason given. Unsettled areas are what the sources leave open.',
  },
  law: [],
  check(graph) {
    const findings: RuleFinding[] = [];
    const areas = graph.areas();
    for (const area of areas) {
      const deciders = [...new Set(area.participants.filter((p) => p.role === 'DECIDES').map((p) => p.actor))];
      const provisions = [...new Set(area.participants.flatMap((p) => p.cites))];
      if (area.settled === false) {
        findings.push({
          status: 'WARN',
          message: say((l) => `${graph.title(area.id)[l]}: ${area.settledReason?.[l] ?? ''}`.trim()),
          entities: [area.id, ...deciders],
          relations: [],
          provisions,
        });
      } else if (deciders.length !== 1) {
        findings.push({
          status: 'FAIL',
          message: say((l) =>
            deciders.length === 0
              ? l === 'sv'
                ? `${graph.title(area.id).sv} har ingen beslutsfattare och är inte markerat som oklart.`
                : `${graph.title(area.id).en} has no decider and is not marked unsettled.`
              : l === 'sv'
                ? `${graph.title(area.id).sv} har ${deciders.length} beslutsfattare och är inte markerat som oklart.`
                : `${graph.title(area.id).en} has ${deciders.length} deciders and is not marked unsettled.`,
          ),
          entities: [area.id, ...deciders],
          relations: [],
          provisions,
        });
      }
    }
    const unsettled = findings.filter((f) => f.status === 'WARN').length;
    const wrong = findings.length - unsettled;
    return {
      findings,
      summary: say((l) => {
        if (wrong > 0)
          return l === 'sv'
            ? `${wrong} av ${areas.length} beslutsområden har ingen eller flera beslutsfattare utan att det står varför.`
            : `${wrong} of ${areas.length} decision areas have no decider or several, with no reason given.`;
        if (unsettled > 0)
          return l === 'sv'
            ? `${areas.length - unsettled} av ${areas.length} beslutsområden har en beslutsfattare; för ${unsettled} lämnar källorna det öppet, och skälet står angivet.`
            : `${areas.length - unsettled} of ${areas.length} decision areas have one decider; for ${unsettled} the sources leave it open, with the reason given.`;
        return l === 'sv' ? `Alla ${areas.length} beslutsområden har en beslutsfattare.` : `All ${areas.length} decision areas have one decider.`;
      }),
    };
  },
};
