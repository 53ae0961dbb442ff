import type { ReactNode } from 'react';
import type { Tone } from './tone.ts';
import './report.css';

export interface StatusSummaryProps<S extends string> {
  /** The report it summarises: prefixes its classes and test ids (`checks-summary`, `coverage-tile`, …). */
  report: 'checks' | 'coverage';
  statuses: readonly S[];
  count: (status: S) => number;
  tone: Record<S, Tone>;
  badge: (status: S) => ReactNode;
  /** The tile's own class, which print and the tests pick a status by (`tile-rule-pass`, `tile-answered`). */
  tileClass: (status: S) => string;
  countTestId: (status: S) => string;
  /** The group's accessible name, the total under the tiles, and a pickable tile's tooltip. */
  label: string;
  total: string;
  pickTitle: string;
  only?: S | null | undefined;
  /** Makes each tile a toggle that shows only its status; without it the tiles are plain (the handout). */
  onPick?: ((status: S) => void) | undefined;
}

/** How many of a report's items have each status, a tile a status, and the total: the rule checks' and the workshop coverage's head. */
export function StatusSummary<S extends string>({
  report,
  statuses,
  count,
  tone,
  badge,
  tileClass,
  countTestId,
  label,
  total,
  pickTitle,
  only,
  onPick,
}: StatusSummaryProps<S>) {
  return (
    <div className={`${report}-summary report-summary`} role="group" aria-label={label} data-testid={`${report}-summary`}>
      {statuses.map((s) => {
        const className = `${report}-tile report-tile tone-${tone[s]} ${tileClass(s)}`;
        const body = (
          <>
            <span className={`${report}-count report-count`} data-testid={countTestId(s)}>
              {count(s)}
            </span>
            {badge(s)}
          </>
        );
        return onPick ? (
          <button key={s} type="button" className={className} aria-pressed={only === s} onClick={() => onPick(s)} title={pickTitle}>
            {body}
          </button>
        ) : (
          <div key={s} className={className}>
            {body}
          </div>
        );
      })}
      <p className={`${report}-total report-total`}>{total}</p>
    </div>
  );
}
