import { count, say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** What KL 6 kap. 38 § keeps with the nämnd itself is never delegated, nor decided by anyone but a political body. */
export const notDelegated: GovernanceRule = {
  id: 'not-delegated',
  title: { sv: 'Det som nämnden ska avgöra själv delegeras inte', en: 'What the committee must decide itself is not delegated' },
  description: {
    sv: 'Vissa ärenden får inte delegeras, till exempel verksamhetens mål och inriktning och nämndens framställningar och yttranden till fullmäktige. Beslutsområden som är markerade så får inte ha någon som delegerar eller någon annan beslutsfattare än ett politiskt organ.',
    en: 'Some matters may not be delegated, such as the goals and direction of the work and the committee’s proposals and statements to the council. Decision areas marked so have no one delegating and no decider but a political body.',
  },
  law: ['6 kap. 38 §'],
  check(graph) {
    const findings: RuleFinding[] = [];
    const reserved = graph.areas().filter((a) => a.notDelegable);
    for (const area of reserved) {
      const wrong = area.participants.filter((p) => p.role === 'DELEGATES' || (p.role === 'DECIDES' && graph.entity(p.actor)?.kind !== 'POLITICAL_BODY'));
      for (const p of wrong) {
        findings.push({
          status: 'FAIL',
          message: say((l) =>
            l === 'sv'
              ? `${graph.title(area.id).sv} får inte delegeras, men ${graph.name(p.actor).sv} ${p.role === 'DELEGATES' ? 'delegerar beslutet' : 'beslutar'}.`
              : `${graph.title(area.id).en} may not be delegated, but ${graph.name(p.actor).en} ${p.role === 'DELEGATES' ? 'delegates the decision' : 'decides'}.`,
          ),
          entities: [area.id, p.actor],
          relations: [],
          provisions: [...new Set([...area.notDelegable!.cites, ...p.cites])],
        });
      }
    }
    return {
      findings,
      summary: say((l) =>
        findings.length > 0
          ? l === 'sv'
            ? `${new Set(findings.map((f) => f.entities[0])).size} av ${reserved.length} beslut som inte får delegeras är ändå delegerade.`
            : `${new Set(findings.map((f) => f.entities[0])).size} of ${reserved.length} decisions that may not be delegated are delegated all the same.`
          : l === 'sv'
            ? `${count(reserved.length, { sv: 'beslutsområde', en: '' }, { sv: 'beslutsområden', en: '' }, 'sv')} får enligt lagen inte delegeras, och ${reserved.length === 1 ? 'det är inte delegerat' : 'inget av dem är delegerat'}.`
            : `${count(reserved.length, { sv: '', en: 'decision area' }, { sv: '', en: 'decision areas' }, 'en')} may not be delegated by law, and ${reserved.length === 1 ? 'it is not' : 'none is'}.`,
      ),
    };
  },
};
