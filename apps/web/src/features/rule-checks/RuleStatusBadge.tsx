import type { Tone } from '../report/tone.ts';
import type { RuleStatus } from './rule-checks-api.ts';
import '../report/report.css';

export const RULE_TONE: Record<RuleStatus, Tone> = { PASS: 'good', WARN: 'caution', FAIL: 'bad' };

/** PASS, WARN and FAIL told apart three ways: a word, a shape (tick, triangle, cross) and a colour. */
export function RuleStatusBadge({ status, label }: { status: RuleStatus; label: string }) {
  return (
    <span className={`rule-badge status-pill tone-${RULE_TONE[status]} rule-${status.toLowerCase()}`} data-status={status}>
      <RuleStatusIcon status={status} />
      {label}
    </span>
  );
}

export function RuleStatusIcon({ status }: { status: RuleStatus }) {
  return (
    <svg className="rule-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {status === 'PASS' && (
        <>
          <circle cx="7" cy="7" r="6.5" fill="currentColor" />
          <path d="m3.8 7.2 2.2 2.2 4.2-4.6" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {status === 'WARN' && (
        <>
          <path d="M7 .8 13.4 12.6H.6Z" fill="currentColor" />
          <path d="M7 5v3.6M7 10.4v.3" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
        </>
      )}
      {status === 'FAIL' && (
        <>
          <rect x=".5" y=".5" width="13" height="13" rx="3" fill="currentColor" />
          <path d="m4.3 4.3 5.4 5.4m0-5.4-5.4 5.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
