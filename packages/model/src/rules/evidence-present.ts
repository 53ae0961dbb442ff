import { EVIDENCE_STATUSES, type EvidenceStatus } from '../vocabulary.ts';
import { count, say } from './graph.ts';
import type { GovernanceRule, RuleFinding } from './types.ts';

const WORDS: Record<EvidenceStatus, { one: { sv: string; en: string }; many: { sv: string; en: string } }> = {
  STATED: { one: { sv: 'uttryckligen sagd', en: 'stated' }, many: { sv: 'uttryckligen sagda', en: 'stated' } },
  INTERPRETED: { one: { sv: 'tolkning', en: 'reading' }, many: { sv: 'tolkningar', en: 'readings' } },
  CONTESTED: { one: { sv: 'omstridd', en: 'contested' }, many: { sv: 'omstridda', en: 'contested' } },
  SOURCED: { one: { sv: 'enligt källa', en: 'sourced' }, many: { sv: 'enligt källa', en: 'sourced' } },
};

/** Counts of relations by evidence status, all dates: the figures the rule reports. */
export function evidenceCounts(relations: readonly { evidence?: { status: EvidenceStatus } }[]): Record<EvidenceStatus | 'MISSING', number> {
  const counts = { STATED: 0, INTERPRETED: 0, CONTESTED: 0, SOURCED: 0, MISSING: 0 };
  for (const r of relations) counts[r.evidence && EVIDENCE_STATUSES.includes(r.evidence.status) ? r.evidence.status : 'MISSING']++;
  return counts;
}

/**
 * No relation without evidence: the loader refuses files without it, but a
 * store filled by an older load may hold some. Contested relations are
 * reported, each with its readings.
 */
export const evidencePresent: GovernanceRule = {
  id: 'evidence-present',
  title: { sv: 'Ingen relation utan belägg', en: 'No relation without evidence' },
  description: {
    sv: 'Varje relation ska säga hur den är känd: uttryckligen sagd, tolkad, omstridd eller enligt en annan källa. Omstridda relationer redovisas, eftersom texten kan läsas på flera sätt.',
    en: 'Every relation says how it is known: stated, interpreted, contested or from another source. Contested relations are reported, since the text can be read in more than one way.',
  },
  law: [],
  check(graph) {
    const findings: RuleFinding[] = [];
    for (const r of graph.relations) {
      if (!r.evidence || !EVIDENCE_STATUSES.includes(r.evidence.status)) {
        findings.push({
          status: 'FAIL',
          message: say((l) => (l === 'sv' ? `Relationen ${r.id} säger inte hur den är känd.` : `The relation ${r.id} does not say how it is known.`)),
          entities: [r.from, r.to],
          relations: [r.id],
          provisions: r.cites,
        });
      } else if (r.evidence.status === 'CONTESTED') {
        findings.push({
          status: 'WARN',
          message: say((l) =>
            l === 'sv'
              ? `Omstritt: ${graph.name(r.from).sv} och ${graph.name(r.to).sv}. ${(r.evidence.readings ?? []).map((x, i) => `Läsning ${i + 1}: ${x.sv}`).join(' ')}`
              : `Contested: ${graph.name(r.from).en} and ${graph.name(r.to).en}. ${(r.evidence.readings ?? []).map((x, i) => `Reading ${i + 1}: ${x.en}`).join(' ')}`,
          ),
          entities: [r.from, r.to],
          relations: [r.id],
          provisions: r.cites,
        });
      }
    }
    const counts = evidenceCounts(graph.relations);
    return {
      findings,
      summary: say((l) => {
        const parts = EVIDENCE_STATUSES.map((s) => count(counts[s], WORDS[s].one, WORDS[s].many, l)).join(', ');
        const missing = counts.MISSING > 0 ? (l === 'sv' ? `; ${counts.MISSING} utan belägg` : `; ${counts.MISSING} without evidence`) : '';
        return l === 'sv' ? `${graph.relations.length} relationer: ${parts}${missing}.` : `${graph.relations.length} relations: ${parts}${missing}.`;
      }),
    };
  },
};
