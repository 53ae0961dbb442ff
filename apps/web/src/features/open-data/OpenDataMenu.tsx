import { useT } from '../../i18n/use-t.ts';
import { useView } from '../../state/store.ts';
import { todayInSweden } from '@styrgraf/text/dates';
import { exportHref, OPEN_DATA_FORMATS } from './export-links.ts';
import './open-data.css';

/**
 * "Öppna data": the graph as of the view's date, with its families and kinds,
 * as a file in an open format, each link a plain download from the server's
 * `/export/…` (the file carries every relation's evidence and citations, which
 * a picture of the view cannot). A disclosure, so it works from the keyboard
 * and with a screen reader without script of its own.
 */
export function OpenDataMenu({ testId }: { testId: string }) {
  const t = useT();
  const date = useView((s) => s.date);
  const families = useView((s) => s.families);
  const kinds = useView((s) => s.kinds);
  const asOf = date ?? todayInSweden();
  return (
    <details className="open-data" data-testid={testId}>
      <summary className="button button-quiet">{t('openDataLabel')}</summary>
      <div className="open-data-panel">
        <p className="muted small">{t('openDataIntro', { date: asOf })}</p>
        <ul>
          {OPEN_DATA_FORMATS.map((format) => (
            <li key={format.id}>
              <a href={exportHref(format.id, { asOf, families, kinds })} download data-format={format.id}>
                {format.title}
              </a>
              <span className="muted small"> – {t(format.hint)}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
