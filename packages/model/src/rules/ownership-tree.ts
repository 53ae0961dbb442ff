import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** Whether a source's date (a year, or a day) covers the date asked about. */
function attestedOn(attested: string | undefined, asOf: string): boolean {
  if (!attested) return false;
  return attested.length === 4 ? asOf.slice(0, 4) <= attested : asOf <= attested;
}

/**
 * Ownership is a tree from the municipality: every company it owns has one
 * owner, and every owner chain ends at the municipality. A part-owned company
 * hangs beside the tree. A link a source attests only for an earlier date is
 * reported, as the owner today is uncertain.
 */
export const ownershipTree: GovernanceRule = {
  id: 'ownership-tree',
  title: { sv: 'Ägandet är ett träd från kommunen', en: 'Ownership is a tree from the municipality' },
  description: {
    sv: 'Varje kommunalt bolag har en ägare, och varje ägarkedja slutar hos kommunen. Delägda bolag ägs delvis av kommunen. Ägande som källorna bara belägger för ett tidigare år redovisas som osäkert.',
    en: 'Every municipal company has one owner, and every chain of owners ends at the municipality. Part-owned companies are partly owned by it. Ownership the sources attest only for an earlier year is reported as uncertain.',
  },
  law: ['10 kap. 1 §', '10 kap. 3 §'],
  check(graph) {
    const findings: RuleFinding[] = [];
    const law = graph.law(['10 kap. 3 §']);
    const roots = graph.current('ORGANISATION', 'kommun').map((k) => k.id);
    const companies = graph.current('COMPANY');
    for (const company of companies) {
      const owners = graph.into(company.id, ['OWNS']);
      const partOwners = graph.into(company.id, ['CO_OWNS']);
      const fail = (sv: string, en: string, relations: string[] = []) =>
        findings.push({ status: 'FAIL', message: { sv, en }, entities: [company.id], relations, provisions: law });
      if (owners.length > 1)
        fail(
          `${graph.Name(company.id).sv} har ${owners.length} ägare i trädet.`,
          `${graph.Name(company.id).en} has ${owners.length} owners in the tree.`,
          owners.map((r) => r.id),
        );
      if (owners.length === 0 && partOwners.length === 0) fail(`${graph.Name(company.id).sv} har ingen ägare.`, `${graph.Name(company.id).en} has no owner.`);
      if (owners.length === 0 && partOwners.length > 0 && !partOwners.some((r) => roots.includes(r.from))) {
        fail(
          `${graph.Name(company.id).sv} är delägt, men inte av kommunen.`,
          `${graph.Name(company.id).en} is part-owned, but not by the municipality.`,
          partOwners.map((r) => r.id),
        );
      }
      if (owners.length >= 1) {
        const chain = new Set<string>();
        let at = company.id;
        while (!roots.includes(at) && !chain.has(at)) {
          chain.add(at);
          const up = graph.into(at, ['OWNS'])[0];
          if (!up) break;
          at = up.from;
        }
        if (!roots.includes(at))
          fail(
            `Ägarkedjan från ${graph.name(company.id).sv} når inte kommunen.`,
            `The chain of owners from ${graph.name(company.id).en} does not reach the municipality.`,
            owners.map((r) => r.id),
          );
      }
      for (const r of [...owners, ...partOwners].filter(
        (o) => o.evidence.status === 'SOURCED' && o.evidence.confidence === 'LOW' && !attestedOn(o.evidence.attested, graph.asOf),
      )) {
        const since = r.evidence.attested;
        findings.push({
          status: 'WARN',
          message: say((l) =>
            l === 'sv'
              ? `Vem som äger ${graph.name(company.id).sv} ${since ? `efter ${since}` : 'i dag'} är osäkert: ${graph.name(r.from).sv} ${r.kind === 'CO_OWNS' ? 'var delägare' : 'var ägare'} ${since ? `då` : 'en gång'}.`
              : `Who owns ${graph.name(company.id).en} ${since ? `after ${since}` : 'today'} is uncertain: ${graph.name(r.from).en} was ${r.kind === 'CO_OWNS' ? 'a part-owner' : 'the owner'} ${since ? 'then' : 'once'}.`,
          ),
          entities: [company.id, r.from],
          relations: [r.id],
          provisions: [],
        });
      }
    }
    const failed = findings.filter((f) => f.status === 'FAIL').length;
    const uncertain = findings.length - failed;
    return {
      findings,
      summary: say((l) => {
        if (failed > 0)
          return l === 'sv'
            ? `Ägandet av ${companies.length} bolag bildar inte ett träd från kommunen.`
            : `The ownership of ${companies.length} companies does not form a tree from the municipality.`;
        const base =
          l === 'sv'
            ? `Alla ${companies.length} bolag ägs, helt eller delvis, från kommunen i ett träd`
            : `All ${companies.length} companies are owned, wholly or partly, from the municipality in a tree`;
        if (uncertain > 0)
          return l === 'sv'
            ? `${base}, men för ${uncertain} är ägandet på detta datum osäkert.`
            : `${base}, but for ${uncertain} the ownership on this date is uncertain.`;
        return `${base}.`;
      }),
    };
  },
};
