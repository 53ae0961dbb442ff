import type { DecisionArea } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { evidenceKey } from '../evidence/evidence.ts';
import { EvidenceMark } from '../evidence/EvidenceMark.tsx';

/**
 * What a decision area's row says besides who takes part: that the sources
 * name no single decider (with why), and that the law keeps the decision with
 * the body itself. Words, not colour alone.
 */
export function AreaFlags({ area, reason = false }: { area: Pick<DecisionArea, 'settled' | 'settledReason' | 'notDelegable'>; reason?: boolean }) {
  const t = useT();
  if (area.settled && !area.notDelegable) return null;
  return (
    <span className="area-flags">
      {!area.settled && (
        <span className="area-flag area-flag-unsettled" data-testid="area-unsettled">
          <FlagIcon kind="unsettled" /> {t('notSettled')}
        </span>
      )}
      {area.notDelegable && (
        <span className="area-flag area-flag-not-delegable" data-testid="area-not-delegable">
          <FlagIcon kind="not-delegable" /> {t('notDelegable')}
        </span>
      )}
      {reason && !area.settled && area.settledReason && (
        <span className="area-reason" data-testid="area-unsettled-reason">
          {area.settledReason}
        </span>
      )}
      {reason && area.notDelegable && (
        <span className="area-reason" data-testid="area-not-delegable-reason">
          {area.notDelegable}
        </span>
      )}
    </span>
  );
}

function FlagIcon({ kind }: { kind: 'unsettled' | 'not-delegable' }) {
  return (
    <svg width="11" height="11" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {kind === 'unsettled' ? (
        <path d="M6 1 11.5 11h-11Z M6 4.5v3 M6 9v.6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round" />
      ) : (
        <path d="M3 5.5V4a3 3 0 0 1 6 0v1.5 M2 5.5h8v5.5H2Z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      )}
    </svg>
  );
}

/** The matrix's marks explained: the flags on a row, and the bracketed words a cell's role may carry. */
export function MatrixMarksLegend({ areas }: { areas: readonly DecisionArea[] }) {
  const t = useT();
  // One example of each marker the matrix shows, in the words of the data.
  const marks = [
    ...new Map(
      areas
        .flatMap((a) => a.participants)
        .filter((p) => p.evidence.marker)
        .map((p) => [evidenceKey(p.evidence), p.evidence]),
    ).values(),
  ];
  const unsettled = areas.some((a) => !a.settled);
  const notDelegable = areas.some((a) => a.notDelegable);
  if (marks.length === 0 && !unsettled && !notDelegable) return null;
  return (
    <ul className="matrix-marks" aria-label={t('matrixMarksLegend')} data-testid="matrix-marks">
      {unsettled && (
        <li>
          <span className="area-flag area-flag-unsettled">
            <FlagIcon kind="unsettled" /> {t('notSettled')}
          </span>
          <span className="legend-secondary">{t('matrixUnsettledMark')}</span>
        </li>
      )}
      {notDelegable && (
        <li>
          <span className="area-flag area-flag-not-delegable">
            <FlagIcon kind="not-delegable" /> {t('notDelegable')}
          </span>
          <span className="legend-secondary">{t('matrixNotDelegableMark')}</span>
        </li>
      )}
      {marks.map((e) => (
        <li key={evidenceKey(e)}>
          <EvidenceMark evidence={e} />
          <span className="legend-secondary">{e.wording}</span>
        </li>
      ))}
    </ul>
  );
}
