import { useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { KindIcon } from '../legend/KindIcon.tsx';

const STORAGE_KEY = 'styrgraf:reading-guide-dismissed';

function dismissedBefore(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    // Storage can be off (private mode, policy): then the guide simply shows each visit.
    return false;
  }
}

/** How to read the picture, in three lines, for a first visit; once dismissed it stays away on this browser. */
export function ReadingGuide() {
  const t = useT();
  const [open, setOpen] = useState(() => !dismissedBefore());
  if (!open) return null;
  const dismiss = () => {
    setOpen(false);
    try {
      window.localStorage.setItem(STORAGE_KEY, '1');
    } catch {
      // See dismissedBefore.
    }
  };
  return (
    <aside className="reading-guide" aria-labelledby="reading-guide-title" data-testid="reading-guide">
      <h2 id="reading-guide-title">{t('guideTitle')}</h2>
      <ul>
        <li>
          <span className="guide-shapes" aria-hidden="true">
            {(['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'DECISION_AREA'] as const).map((k) => (
              <KindIcon key={k} kind={k} size={14} />
            ))}
          </span>
          {t('guideShapes')}
        </li>
        <li>{t('guideLines')}</li>
        <li>{t('guideClick')}</li>
      </ul>
      <button type="button" className="button button-primary button-small" onClick={dismiss}>
        {t('guideDismiss')}
      </button>
    </aside>
  );
}
