import type { CoverageStatus } from './coverage-api.ts';
import type { Tone } from '../report/tone.ts';
import '../report/report.css';
import './coverage.css';

/** A coverage status as a word and a shape as well as a colour: ✓ answered, ◐ partly, ? open. */
const MARK: Record<CoverageStatus, string> = { ANSWERED: '✓', PARTLY: '◐', OPEN: '?' };
export const COVERAGE_TONE: Record<CoverageStatus, Tone> = { ANSWERED: 'good', PARTLY: 'caution', OPEN: 'bad' };

export function StatusBadge({ status, label }: { status: CoverageStatus; label: string }) {
  return (
    <span className={`status-badge status-pill tone-${COVERAGE_TONE[status]} status-${status.toLowerCase()}`} data-status={status}>
      <span aria-hidden="true" className="status-mark">
        {MARK[status]}
      </span>
      {label}
    </span>
  );
}
