import type { CoverageStatus } from './coverage-api.ts';
import './coverage.css';

/** A coverage status as a word and a shape as well as a colour: ✓ answered, ◐ partly, ? open. */
const MARK: Record<CoverageStatus, string> = { ANSWERED: '✓', PARTLY: '◐', OPEN: '?' };

export function StatusBadge({ status, label }: { status: CoverageStatus; label: string }) {
  return (
    <span className={`status-badge status-${status.toLowerCase()}`} data-status={status}>
      <span aria-hidden="true" className="status-mark">
        {MARK[status]}
      </span>
      {label}
    </span>
  );
}
