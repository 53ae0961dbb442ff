import { useT } from '../../i18n/use-t.ts';
import { useView } from '../../state/store.ts';

/**
 * What a capped focus left out: "+1 240 till", with the why one hover or
 * focus away, instead of the megabytes and the minute-long layout a hub's
 * whole depth-3 neighbourhood would take.
 */
export function CapNotice({ omitted }: { omitted: number }) {
  const t = useT();
  const lang = useView((s) => s.lang);
  if (omitted <= 0) return null;
  const n = omitted.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');
  return (
    <span className="cap-notice" data-testid="focus-capped" title={t('focusCappedHelp', { n })} role="status">
      <strong>{t('focusCapped', { n })}</strong>
      <span className="visually-hidden"> {t('focusCappedHelp', { n })}</span>
    </span>
  );
}
