import type { EvidenceMark as Mark } from '../../api/types.ts';
import { evidenceKey } from './evidence.ts';
import { EvidenceIcon } from './EvidenceIcon.tsx';
import './evidence.css';

/**
 * The bracketed word a qualified fact carries, as a small badge with the
 * canvas's mark: "tolkning", "omstritt", "osäkert". Nothing for a stated or
 * well-sourced fact, which need no warning.
 */
export function EvidenceMark({ evidence }: { evidence: Mark }) {
  if (!evidence.marker) return null;
  const key = evidenceKey(evidence);
  return (
    <span className="evidence-mark" data-evidence={key} data-testid="evidence-mark">
      <EvidenceIcon evidence={key} size={10} />
      {evidence.marker}
    </span>
  );
}
