import { say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

/** Every company the municipality owns has a managing-director post and a board-chair post. */
export const companyPosts: GovernanceRule = {
  id: 'company-posts',
  title: { sv: 'Varje bolag har en VD och en styrelseordförande', en: 'Every company has a managing director and a board chair' },
  description: {
    sv: 'Varje bolag i kommunens ägarträd ska ha en VD-post och en ordförandepost i styrelsen. Där posterna bara är en läsning av instruktionens ord om dotterbolagen redovisas det.',
    en: 'Every company in the municipality’s ownership tree has a managing-director post and a board-chair post. Where the posts are only a reading of the instruction’s words on the subsidiaries, that is reported.',
  },
  law: [],
  check(graph) {
    const findings: RuleFinding[] = [];
    const companies = graph.current('COMPANY').filter((c) => graph.into(c.id, ['OWNS']).length > 0);
    for (const company of companies) {
      const heads = graph.into(company.id, ['HEADS']).filter((r) => graph.entity(r.from)?.kind === 'ROLE');
      const chairs = graph.into(company.id, ['CHAIRS']).filter((r) => graph.entity(r.from)?.kind === 'ROLE');
      const missing = [
        ...(heads.length === 0 ? [{ sv: 'VD', en: 'managing director' }] : []),
        ...(chairs.length === 0 ? [{ sv: 'styrelseordförande', en: 'board chair' }] : []),
      ];
      if (missing.length > 0) {
        findings.push({
          status: 'FAIL',
          message: say((l) =>
            l === 'sv'
              ? `${graph.Name(company.id).sv} saknar post för ${missing.map((m) => m.sv).join(' och ')}.`
              : `${graph.Name(company.id).en} has no ${missing.map((m) => m.en).join(' or ')} post.`,
          ),
          entities: [company.id],
          relations: [],
          provisions: [],
        });
        continue;
      }
      const readings = [...heads, ...chairs].filter((r) => r.evidence.status === 'INTERPRETED' || r.evidence.status === 'CONTESTED');
      if (readings.length > 0) {
        findings.push({
          status: 'WARN',
          message: say((l) =>
            l === 'sv'
              ? `Att ${graph.name(company.id).sv} har ${readings.length === 2 ? 'en VD och en styrelseordförande' : readings[0]!.kind === 'HEADS' ? 'en VD' : 'en styrelseordförande'} är en läsning av instruktionen, inte belagt för bolaget.`
              : `That ${graph.name(company.id).en} has ${readings.length === 2 ? 'a managing director and a board chair' : readings[0]!.kind === 'HEADS' ? 'a managing director' : 'a board chair'} is a reading of the instruction, not attested for the company.`,
          ),
          entities: [company.id, ...readings.map((r) => r.from)],
          relations: readings.map((r) => r.id),
          provisions: [...new Set(readings.flatMap((r) => r.cites))],
        });
      }
    }
    const failed = findings.filter((f) => f.status === 'FAIL').length;
    const read = findings.length - failed;
    return {
      findings,
      summary: say((l) => {
        if (failed > 0)
          return l === 'sv'
            ? `${failed} av ${companies.length} bolag saknar VD- eller ordförandepost.`
            : `${failed} of ${companies.length} companies lack a managing-director or chair post.`;
        if (read > 0)
          return l === 'sv'
            ? `Alla ${companies.length} bolag har båda posterna, men för ${read} är de en läsning av instruktionen.`
            : `All ${companies.length} companies have both posts, but for ${read} they are a reading of the instruction.`;
        return l === 'sv'
          ? `Alla ${companies.length} bolag har en VD och en styrelseordförande.`
          : `All ${companies.length} companies have a managing director and a board chair.`;
      }),
    };
  },
};
