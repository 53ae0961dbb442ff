import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { ViewName } from '../state/view-state.ts';

export interface ViewTab {
  name: ViewName;
  key: StringKey;
}

const GAP = 2;

/**
 * How many tabs fit in `available` pixels: all of them, or as many as leave
 * room for the "Mer ▾" button (at least one, the first). That button shows
 * the current view's name when the current view is among those it holds, and
 * is then as wide as that tab plus its chevron.
 */
export function tabsThatFit(
  tabWidths: readonly number[],
  more: { width: number; chevron: number },
  current: number,
  available: number,
  padding: number,
): number {
  const row = (count: number) => tabWidths.slice(0, count).reduce((sum, w) => sum + w, 0) + GAP * Math.max(count - 1, 0) + padding;
  if (row(tabWidths.length) <= available + 0.5) return tabWidths.length;
  const moreWidth = (count: number) => (current >= count ? Math.max(more.width, tabWidths[current]! + more.chevron) : more.width);
  let count = tabWidths.length - 1;
  while (count > 1 && row(count) + GAP + moreWidth(count) > available + 0.5) count--;
  return count;
}

/**
 * The top bar's views as tabs; those that do not fit go under a "Mer ▾"
 * button (a disclosure, as in WAI-ARIA's navigation menu example) instead of
 * scrolling out of sight. A hidden, inert copy of the tabs is measured, so
 * what fits does not depend on what is shown.
 */
export function ViewTabs({ views, current, onSelect }: { views: readonly ViewTab[]; current: ViewName; onSelect: (view: ViewName) => void }) {
  const t = useT();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState({ count: views.length, fullWidth: 0 });
  const [open, setOpen] = useState(false);

  const recount = useCallback(() => {
    const el = nav.current;
    const row = measure.current;
    if (!el || !row) return;
    const widths = [...row.children].map((c) => (c as HTMLElement).getBoundingClientRect().width);
    const moreButtonWidth = widths.pop() ?? 0;
    const plainMoreWidth = widths.pop() ?? 0;
    const style = getComputedStyle(el);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const fullWidth = Math.ceil(widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1) + padding);
    const at = views.findIndex((v) => v.name === current);
    const count = tabsThatFit(widths, { width: moreButtonWidth, chevron: moreButtonWidth - plainMoreWidth }, at, el.getBoundingClientRect().width, padding);
    setFit((f) => (f.count === count && f.fullWidth === fullWidth ? f : { count, fullWidth }));
  }, [views, current]);

  useLayoutEffect(() => {
    recount();
    const observer = new ResizeObserver(recount);
    if (nav.current) observer.observe(nav.current);
    if (measure.current) observer.observe(measure.current);
    return () => observer.disconnect();
  }, [recount]);

  // A click or tap elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const shown = views.slice(0, fit.count);
  const more = views.slice(fit.count);
  const currentInMore = more.find((v) => v.name === current);
  if (more.length === 0 && open) setOpen(false);

  const focusItem = (index: number) => {
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    items[(index + items.length) % items.length]?.focus();
  };
  const choose = (view: ViewName) => {
    setOpen(false);
    onSelect(view);
    moreButton.current?.focus();
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => {
        setOpen(false);
        moreButton.current?.focus();
      },
    };
    const act = keys[event.key];
    if (act) {
      event.preventDefault();
      act();
    }
  };

  return (
    <nav
      ref={nav}
      className="view-tabs"
      aria-label={t('views')}
      style={fit.fullWidth ? { flexBasis: fit.fullWidth } : undefined}
      onBlur={(event) => {
        if (open && !nav.current?.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      {shown.map((v) => (
        <button
          key={v.name}
          type="button"
          className="view-tab"
          aria-current={current === v.name ? 'page' : undefined}
          onClick={() => onSelect(v.name)}
          data-view={v.name}
        >
          {t(v.key)}
        </button>
      ))}
      {more.length > 0 && (
        <div className="view-more" onKeyDown={onMenuKey}>
          <button
            ref={moreButton}
            type="button"
            className={`view-tab view-more-button${currentInMore ? ' is-current' : ''}`}
            aria-expanded={open}
            aria-controls="more-views"
            aria-label={currentInMore ? t('moreViewsCurrent', { view: t(currentInMore.key) }) : undefined}
            data-testid="more-views"
            onClick={() => setOpen((o) => !o)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && !open) {
                event.preventDefault();
                setOpen(true);
                requestAnimationFrame(() => focusItem(0));
              }
            }}
          >
            <span className="view-more-label">{currentInMore ? t(currentInMore.key) : t('moreViews')}</span>
            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="view-more-chevron">
              <path d="M1.5 3.5 5 7l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
          <ul ref={menu} id="more-views" className="view-menu" hidden={!open}>
            {more.map((v) => (
              <li key={v.name}>
                <button
                  type="button"
                  className="view-menu-item"
                  aria-current={current === v.name ? 'page' : undefined}
                  onClick={() => choose(v.name)}
                  data-view={v.name}
                >
                  {t(v.key)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div ref={measure} className="view-tabs-measure" aria-hidden="true" inert>
        {views.map((v) => (
          <button key={v.name} type="button" className="view-tab" tabIndex={-1}>
            {t(v.key)}
          </button>
        ))}
        <button type="button" className="view-tab" tabIndex={-1}>
          {t('moreViews')}
        </button>
        <button type="button" className="view-tab view-more-button" tabIndex={-1}>
          {t('moreViews')}
          <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="view-more-chevron" />
        </button>
      </div>
    </nav>
  );
}
