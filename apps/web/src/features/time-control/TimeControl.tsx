import { useEffect, useRef, useState } from 'react';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { setDate } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { todayInSweden } from '@styrgraf/text/dates';
import { milestones, useChanges, type Milestone } from './use-changes.ts';
import './time-control.css';

/** The organisation as of a date: a date field, the reorganisation dates as one-click stops, and what changed on each. */
export function TimeControl() {
  const t = useT();
  const lang = useApiLang();
  const uiLang = useView((s) => s.lang);
  const date = useView((s) => s.date);
  const today = todayInSweden();
  const changes = useChanges(lang, today);
  const stops = changes.data ? milestones(changes.data) : [];
  const [open, setOpen] = useState(false);
  const changesRef = useRef<HTMLDivElement>(null);
  // The list closes like a menu: Escape, or a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!changesRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const shown = date ?? today;
  // The changes that shaped the organisation shown: the latest reorganisation on or before the date.
  const current: Milestone | undefined = [...stops].reverse().find((m) => m.date <= shown);

  return (
    <div className="time-control" data-testid="time-control">
      <label className="time-date">
        <span className="toolbar-label">{t('dateLabel')}</span>
        <input
          type="date"
          value={shown}
          max="2100-12-31"
          min="1990-01-01"
          onChange={(e) => {
            const value = e.target.value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setDate(value === today ? null : value);
          }}
          data-testid="date-input"
        />
      </label>
      <div className="time-stops" role="group" aria-label={t('timeline')}>
        {stops.map((m) => (
          <button key={m.date} type="button" className="time-stop" aria-pressed={date === m.date} onClick={() => setDate(m.date)} data-date={m.date}>
            <span className="time-stop-date">{m.date}</span>
            <span className="time-stop-delta" aria-label={`${m.started} + / ${m.ended} −`}>
              <span className="delta-plus">+{m.started}</span> <span className="delta-minus">−{m.ended}</span>
            </span>
          </button>
        ))}
        <button type="button" className="time-stop" aria-pressed={date === null} onClick={() => setDate(null)} data-date="today">
          <span className="time-stop-date">{t('today')}</span>
        </button>
      </div>
      {current && (
        <div className="time-changes" ref={changesRef}>
          <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="changes-toggle">
            {t('changesOn', { date: current.date })}
          </button>
          {open && (
            <div className="changes-popover" role="region" aria-label={t('changesHeading')}>
              <p className="changes-title">{formatDate(current.date, uiLang)}</p>
              <ul>
                {current.changes
                  .filter((c) => c.entity)
                  .map((c, i) => (
                    <li key={i} className={c.type === 'STARTED' ? 'change-started' : 'change-ended'}>
                      <span aria-hidden="true">{c.type === 'STARTED' ? '+' : '−'}</span> {c.description}
                    </li>
                  ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
