import { useEffect, useRef } from 'react';
import { useAbout } from '../../api/about.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { openTour, setView } from '../../state/actions.ts';
import { KindIcon } from '../legend/KindIcon.tsx';
import { useTours } from '../tours/tour-api.ts';
import './start.css';

const STORAGE_KEY = 'styrgraf:start-dismissed';

export function startDismissed(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    // Storage can be off (private mode, policy): then the card simply shows each visit.
    return false;
  }
}

export function rememberStartDismissed(): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, '1');
  } catch {
    // See startDismissed.
  }
}

/**
 * The first screen's offer, over the picture: the first guided tour ("Börja
 * här"), or exploring on one's own, with how to read the picture in three
 * lines. Everything it names comes from the data set: its name, its first
 * tour (a data set without tours offers the org chart instead).
 */
export function StartCard({ onClose, takeFocus }: { onClose: () => void; takeFocus: boolean }) {
  const t = useT();
  const lang = useApiLang();
  const about = useAbout(lang);
  const tours = useTours(lang);
  const first = tours.data ? [...tours.data].sort((a, b) => a.order - b.order)[0] : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  const close = () => {
    rememberStartDismissed();
    onClose();
  };

  return (
    <section className="start-card" aria-labelledby="start-title" data-testid="start-card">
      <h2 id="start-title" ref={heading} tabIndex={-1}>
        {about.data ? t('startTitle', { name: about.data.name }) : t('appName')}
      </h2>
      <p className="start-lead">{t('startLead')}</p>
      <div className="start-actions">
        {first ? (
          <button type="button" className="button button-primary start-tour" onClick={() => openTour(first.id)} data-testid="start-tour">
            <span className="start-tour-kicker">{t('startHere')}</span>
            <span className="start-tour-title">{first.title}</span>
            <span className="start-tour-meta">{t('startTourMeta', { n: first.stepCount })}</span>
          </button>
        ) : (
          tours.data && (
            <button type="button" className="button button-primary start-tour" onClick={() => setView('org')} data-testid="start-org">
              <span className="start-tour-kicker">{t('startHere')}</span>
              <span className="start-tour-title">{t('startOrg')}</span>
            </button>
          )
        )}
        <button type="button" className="button" onClick={close} data-testid="start-explore">
          {t('startExplore')}
        </button>
      </div>
      <ul className="start-guide" aria-label={t('guideTitle')}>
        <li>
          <span className="guide-shapes" aria-hidden="true">
            {(['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'DECISION_AREA'] as const).map((k) => (
              <KindIcon key={k} kind={k} size={14} />
            ))}
          </span>
          {t('guideShapes')}
        </li>
        <li>{t('guideLines')}</li>
        <li>{t('guideKeys')}</li>
      </ul>
      <p className="start-more">
        <button type="button" className="link-button" onClick={() => setView('table')}>
          {t('startTable')}
        </button>
      </p>
    </section>
  );
}
