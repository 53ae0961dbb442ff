import { useEffect, useRef } from 'react';
import { GOVERNANCE_FAMILIES, type RelationFamily } from '../../api/types.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { expandByFamily, focusOn, hideEntity, selectEntity, togglePinned } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { FamilyLine } from '../legend/KindIcon.tsx';
import './node-menu.css';

export interface NodeMenuTarget {
  id: string;
  name: string;
  x: number;
  y: number;
}

/**
 * An entity's menu on the canvas (right click, long press, or the
 * context-menu key on the entity the keyboard is on), as the WAI-ARIA menu
 * pattern: the arrow keys move, Enter chooses, Escape closes and gives focus
 * back to the canvas. Every change it makes can be undone (Ångra).
 */
export function NodeMenu({ target, onClose }: { target: NodeMenuTarget; onClose: (restoreFocus: boolean) => void }) {
  const t = useT();
  const lang = useApiLang();
  const vocabulary = useVocabulary(lang);
  const pinned = useView((s) => s.pinned.includes(target.id));
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);

  const families = (vocabulary.data?.families ?? []).filter((f) => GOVERNANCE_FAMILIES.includes(f.family));
  const run = (action: () => void) => () => {
    action();
    onClose(true);
  };
  const items: { key: string; label: string; action: () => void; swatch?: RelationFamily }[] = [
    { key: 'open', label: t('menuOpen'), action: () => selectEntity(target.id, { focusPanel: true }) },
    { key: 'focus', label: t('menuFocus'), action: () => focusOn(target.id, 1) },
    ...families.map((f) => ({
      key: `expand-${f.family}`,
      label: t('menuExpandVia', { family: f.label }),
      action: () => expandByFamily(target.id, f.family),
      swatch: f.family,
    })),
    { key: 'pin', label: pinned ? t('menuUnpin') : t('menuPin'), action: () => togglePinned(target.id) },
    { key: 'hide', label: t('menuHide'), action: () => hideEntity(target.id) },
  ];

  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(-1),
      Escape: () => onClose(true),
      Tab: () => onClose(true),
    };
    const act = keys[event.key];
    if (act) {
      event.preventDefault();
      event.stopPropagation();
      act();
    }
  };

  return (
    <ul
      ref={menu}
      className="node-menu"
      role="menu"
      aria-label={t('menuLabel', { name: target.name })}
      style={{ left: target.x, top: target.y }}
      onKeyDown={onKeyDown}
      data-testid="node-menu"
    >
      <li role="presentation" className="node-menu-title" aria-hidden="true">
        {target.name}
      </li>
      {items.map((item) => (
        <li key={item.key} role="presentation">
          <button type="button" role="menuitem" tabIndex={-1} className="node-menu-item" onClick={run(item.action)} data-action={item.key}>
            {item.swatch ? <FamilyLine family={item.swatch} width={22} /> : <span className="node-menu-spacer" aria-hidden="true" />}
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
