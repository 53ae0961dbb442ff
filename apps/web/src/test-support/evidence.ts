import type { Evidence, EvidenceStatus } from '../api/types.ts';

/** For tests: evidence as the API gives it, stated unless told otherwise, with the marker and wording the API uses for each status. */
export function evidence(status: EvidenceStatus = 'STATED', extra: Partial<Evidence> = {}): Evidence {
  const words: Record<EvidenceStatus, { wording: string; marker: string | null }> = {
    STATED: { wording: 'Enligt kommundirektörens instruktion', marker: null },
    INTERPRETED: { wording: 'Tolkning', marker: 'tolkning' },
    CONTESTED: { wording: 'Oklart – flera läsningar', marker: 'omstritt' },
    SOURCED: { wording: 'Enligt källa (hög tillförlitlighet)', marker: null },
  };
  return {
    status,
    confidence: status === 'SOURCED' ? 'HIGH' : null,
    ...words[status],
    quote: null,
    quotedFrom: null,
    quoteVerbatim: null,
    note: null,
    readings: [],
    attested: null,
    ...extra,
  };
}
