import type { ActorEntity, SourceDocumentEntity } from '../types.ts';
import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/**
 * Onward delegation (KL 7 kap. 6 §): only a head of administration who holds
 * a delegation from a nämnd may pass it on, only where that nämnd allowed it
 * (a provision it adopted says so), and only to another employee of the
 * municipality.
 */
export const onwardDelegation: GovernanceRule = {
  id: 'onward-delegation',
  title: {
    sv: 'Vidaredelegering bara där nämnden tillåtit det, och inom förvaltningen',
    en: 'Onward delegation only where the committee allowed it, and within the administration',
  },
  description: {
    sv: 'En förvaltningschef som har fått delegation får lämna den vidare till en annan anställd i kommunen, om nämnden har tillåtit det. Den som tar emot måste alltså vara anställd i förvaltningen, inte till exempel i ett bolag.',
    en: 'A head of administration holding a delegation may pass it on to another employee of the municipality, if the committee has allowed it. Whoever receives it must be employed in the administration, not, for example, in a company.',
  },
  law: ['7 kap. 6 §'],
  check(graph) {
    const findings: RuleFinding[] = [];
    const onward = graph.relations.filter((r) => r.kind === 'SUBDELEGATES_TO' && graph.inForce(r));
    const law = graph.law(['7 kap. 6 §']);
    for (const r of onward) {
      const fail = (sv: string, en: string, extra: string[] = []) =>
        findings.push({
          status: 'FAIL',
          message: { sv, en },
          entities: [r.from, r.to, ...extra],
          relations: [r.id],
          provisions: [...new Set([...r.cites, ...law])],
        });
      const [from, to] = [graph.name(r.from), graph.name(r.to)];
      const delegations = graph.into(r.from, ['DELEGATES_TO']).filter((d) => graph.entity(d.from)?.kind === 'POLITICAL_BODY');
      if (delegations.length === 0) {
        fail(
          `${graph.Name(r.from).sv} vidaredelegerar till ${to.sv} utan att själv ha delegation från en nämnd.`,
          `${graph.Name(r.from).en} passes a delegation on to ${to.en} without holding one from a committee.`,
        );
      } else {
        const bodies = delegations.map((d) => d.from);
        const allowed = r.cites.some((c) => {
          const p = graph.entity(c);
          const document = p?.kind === 'PROVISION' ? graph.entity<SourceDocumentEntity>(p.document) : undefined;
          return !!document?.adoptedBy && bodies.includes(document.adoptedBy);
        });
        if (!allowed) {
          fail(
            `Att ${graph.name(bodies[0]!).sv} har tillåtit att ${from.sv} vidaredelegerar till ${to.sv} visar ingen bestämmelse som nämnden har antagit.`,
            `No provision adopted by ${graph.name(bodies[0]!).en} shows that it allowed ${from.en} to pass the delegation on to ${to.en}.`,
            bodies,
          );
        }
      }
      const headsUnit = graph.out(r.from, ['HEADS']).some((h) => graph.entity<ActorEntity>(h.to)?.kind === 'UNIT');
      if (!headsUnit)
        fail(
          `${graph.Name(r.from).sv} leder ingen förvaltning eller inget kontor och får därför inte vidaredelegera.`,
          `${graph.Name(r.from).en} heads no administration or office, so may not pass a delegation on.`,
        );
      if (!graph.isEmployee(r.to)) {
        fail(
          `${graph.Name(r.to).sv} är inte anställd i kommunens förvaltning; vidaredelegering får bara gå till en annan anställd i kommunen.`,
          `${graph.Name(r.to).en} is not employed in the municipality's administration; onward delegation may only go to another employee of the municipality.`,
        );
      }
    }
    return {
      findings,
      summary: say((l) =>
        findings.length > 0
          ? l === 'sv'
            ? `${new Set(findings.map((f) => f.relations[0])).size} av ${onward.length} vidaredelegeringar bryter mot lagens villkor.`
            : `${new Set(findings.map((f) => f.relations[0])).size} of ${onward.length} onward delegations break the act's conditions.`
          : l === 'sv'
            ? `${onward.length === 1 ? 'Den enda vidaredelegeringen' : `Alla ${onward.length} vidaredelegeringar`} är tillåten av nämnden och stannar inom förvaltningen.`
            : `${onward.length === 1 ? 'The one onward delegation is' : `All ${onward.length} onward delegations are`} allowed by the committee and stay within the administration.`,
      ),
    };
  },
};
