import { useT } from '../i18n/use-t.ts';
import { useLinkProblems, viewStore } from '../state/store.ts';

/**
 * Says what a link asked for that could not be shown (a date that is not in
 * the calendar, a view that does not exist), and that it was left out: the
 * rest of the link still opens, rather than the whole view failing.
 */
export function LinkNotice() {
  const t = useT();
  const problems = useLinkProblems();
  if (problems.length === 0) return null;
  return (
    <div className="link-notice" role="status" data-testid="link-notice">
      <p>
        {t('linkProblems')}{' '}
        {problems
          .map((p) =>
            p.reason === 'badDate'
              ? t('linkProblemdate', { value: p.value })
              : p.reason === 'unknownView'
                ? t('linkProblemview', { value: p.value })
                : t('linkProblemother', { param: p.param, value: p.value }),
          )
          .join('; ')}
        .
      </p>
      <button type="button" className="button button-small button-quiet" onClick={() => viewStore().dismissProblems()}>
        {t('dismiss')}
      </button>
    </div>
  );
}
