import { useEffect, useRef, useState } from 'react';
import { ApiError, errorCode, type Suggestion } from '../../api/client.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import './status.css';

const KNOWN = new Set([
  'STORE_UNAVAILABLE',
  'NETWORK',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'QUERY_TIMEOUT',
  'QUERY_TOO_COMPLEX',
  'LIMIT_EXCEEDED',
  'INTERNAL_SERVER_ERROR',
]);
/** Refusals of a question too large to answer (the cost estimate, the record budget): advice to narrow it, not a fault. */
const TOO_LARGE = new Set(['QUERY_TOO_COMPLEX', 'LIMIT_EXCEEDED']);
/** Errors that pass by themselves: the notice tries again on its own, every RETRY_SECONDS, and says so. */
const TRANSIENT = new Set(['STORE_UNAVAILABLE', 'NETWORK']);
const RETRY_SECONDS = 10;

function useCountdown(active: boolean, onZero: (() => void) | undefined): number {
  const [ticks, setTicks] = useState(0);
  const callback = useRef(onZero);
  useEffect(() => {
    callback.current = onZero;
  });
  useEffect(() => {
    if (!active) return;
    let count = 0;
    const timer = setInterval(() => {
      count += 1;
      setTicks(count);
      if (count % RETRY_SECONDS === 0) callback.current?.();
    }, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return RETRY_SECONDS - (ticks % RETRY_SECONDS);
}

/** Errors that asking again cannot fix: the thing is not there, or the question is wrong. */
const FINAL = new Set(['NOT_FOUND', 'BAD_USER_INPUT', ...TOO_LARGE]);

/**
 * What went wrong, in words a user can act on, with the server's own message
 * one click away. A passing error offers to try again (and does so by
 * itself); a not-found offers the server's "did you mean" instead, when it
 * has one and the view can follow it.
 */
export function ErrorNotice({
  error,
  onRetry,
  onSuggestion,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  onSuggestion?: (suggestion: Suggestion) => void;
  compact?: boolean;
}) {
  const t = useT();
  const code = errorCode(error);
  const suggestion = error instanceof ApiError && code === 'NOT_FOUND' ? error.suggestion : null;
  const retry = FINAL.has(code) ? undefined : onRetry;
  const message = t((KNOWN.has(code) ? `error${code}` : 'errorINTERNAL_SERVER_ERROR') as StringKey);
  const detail = error instanceof Error ? error.message : String(error);
  const left = useCountdown(TRANSIENT.has(code), retry);
  return (
    <div className={`notice ${TOO_LARGE.has(code) ? 'notice-advice' : 'notice-error'}${compact ? ' notice-compact' : ''}`} role="alert" data-error-code={code}>
      <div className="notice-icon" aria-hidden="true">
        !
      </div>
      <div className="notice-body">
        <p className="notice-title">
          {code === 'STORE_UNAVAILABLE' ? t('errorTitleSTORE_UNAVAILABLE') : TOO_LARGE.has(code) ? t('errorTitleTooLarge') : t('errorTitle')}
        </p>
        <p>{message}</p>
        <details>
          <summary>{t('errorDetails')}</summary>
          <p className="notice-detail">
            <code>{code}</code> {detail}
          </p>
        </details>
        {suggestion && onSuggestion && (
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={() => onSuggestion(suggestion)} data-testid="did-you-mean">
              {t('didYouMean', { name: suggestion.name })}
            </button>
          </div>
        )}
        {retry && (
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={retry}>
              {t('retry')}
            </button>
            {TRANSIENT.has(code) && <span className="muted small">{t('retrying', { n: left })}</span>}
          </div>
        )}
      </div>
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A query's own state while it has no data: loading, or what went wrong with a way to try again. A query that is not running (disabled) shows nothing: no spinner without an end. */
export function QueryStatus({ query }: { query: { isPending: boolean; fetchStatus?: string; error: unknown; refetch: () => unknown } }) {
  const t = useT();
  return (
    <>
      {query.isPending && query.fetchStatus !== 'idle' && !query.error && <Loading label={t('loading')} />}
      {query.error ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
    </>
  );
}
