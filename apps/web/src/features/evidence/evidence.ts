import type { Confidence, Evidence, EvidenceStatus, EvidenceStatusInfo } from '../../api/types.ts';

/**
 * The ways a fact can be known, as the explorer draws them: the API's four
 * evidence statuses, with a sourced fact of low confidence apart, since the
 * sentences call it "osäkert" and the rule checks warn about it.
 */
export type EvidenceKey = EvidenceStatus | 'SOURCED_LOW';

/** The order the legend and the table sort in: from what a provision says to what a weak source suggests. */
export const EVIDENCE_KEYS: readonly EvidenceKey[] = ['STATED', 'INTERPRETED', 'CONTESTED', 'SOURCED', 'SOURCED_LOW'];

/** The keys drawn for the statuses a vocabulary declares, in its order: SOURCED brings its weak variant with it. */
export function evidenceKeysOf(statuses: readonly string[]): EvidenceKey[] {
  return statuses.flatMap((s) => (s === 'SOURCED' ? ['SOURCED', 'SOURCED_LOW'] : [s])) as EvidenceKey[];
}

export function evidenceKey(evidence: { status: EvidenceStatus; confidence?: Confidence | null }): EvidenceKey {
  return evidence.status === 'SOURCED' && evidence.confidence === 'LOW' ? 'SOURCED_LOW' : evidence.status;
}

/**
 * What stands behind the evidence's wording, in one line: the quote for a
 * stated fact, the reading for an interpreted one, every reading for a
 * contested one, the remark and the year last shown true for a sourced one.
 * The table and its CSV carry it beside the wording.
 */
export function evidenceDetail(
  evidence: Pick<Evidence, 'status' | 'quote' | 'note' | 'readings' | 'attested'>,
  words: { reading(n: number): string; attested(when: string): string },
): string {
  switch (evidence.status) {
    case 'STATED':
      return evidence.quote ? `”${evidence.quote}”` : '';
    case 'INTERPRETED':
      return evidence.note ?? (evidence.quote ? `”${evidence.quote}”` : '');
    case 'CONTESTED':
      return evidence.readings.map((r, i) => `${words.reading(i + 1)}: ${r}`).join(' ');
    default:
      return [evidence.note, evidence.attested ? words.attested(evidence.attested) : null].filter(Boolean).join(' ');
  }
}

/** One entry per evidence key: the vocabulary's statuses in its words, with a weak source apart (its marker, "osäkert", is the interface's). */
export function evidenceLegendEntries(
  statuses: readonly EvidenceStatusInfo[],
  low: { label: string; description: string },
): { key: EvidenceKey; label: string; labelSv: string | null; description: string }[] {
  const byStatus = new Map(statuses.map((s) => [s.status as string, s]));
  return evidenceKeysOf(statuses.map((s) => s.status)).map((key) => {
    const info = byStatus.get(key);
    return { key, label: info?.label ?? low.label, labelSv: info?.labelSv ?? null, description: info?.description ?? low.description };
  });
}
