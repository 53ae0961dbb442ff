import { useId, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { EntityKind, SearchHit } from '../../api/types.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { KindIcon } from '../legend/KindIcon.tsx';
import { useSearch } from './use-search.ts';
import './search.css';

export interface EntityComboboxProps {
  label: string;
  placeholder?: string;
  kinds?: readonly EntityKind[];
  /** Shown in the box when nothing is typed: the entity already picked. */
  currentName?: string | null;
  onPick: (hit: SearchHit['entity']) => void;
  testId?: string;
  hideLabel?: boolean;
  autoFocus?: boolean;
}

/** A search box with suggestions (the ARIA 1.2 combobox pattern): arrows move, Enter picks, Escape closes. */
export function EntityCombobox({ label, placeholder, kinds, currentName, onPick, testId, hideLabel = false, autoFocus = false }: EntityComboboxProps) {
  const t = useT();
  const lang = useApiLang();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useSearch(text, lang, kinds);
  const typed = text.trim().length >= 2;
  // A failed search is not "no hits": the old hits are not shown, and the reason is.
  const hits = typed && !search.error ? (search.data ?? []) : [];
  const showList = open && typed && hits.length > 0;
  const unreachable = search.error && ['NETWORK', 'STORE_UNAVAILABLE', 'QUERY_TIMEOUT'].includes(errorCode(search.error));
  const message =
    !open || !typed || hits.length > 0
      ? null
      : search.error
        ? t(unreachable ? 'searchUnreachable' : 'searchFailed')
        : search.isFetching || search.isPending
          ? t('searching')
          : t('searchNoHits', { q: text.trim() });

  const pick = (hit: SearchHit) => {
    onPick(hit.entity);
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="combobox" data-testid={testId}>
      <label htmlFor={`${id}-input`} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      <div className="combobox-field">
        <svg className="combobox-icon" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={showList ? `${id}-list` : undefined}
          aria-activedescendant={showList && hits[active] ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder={currentName ?? placeholder}
          className={currentName ? 'has-value' : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          // Closed a moment after focus leaves (a click on an option lands first), unless focus has come back by then: typing straight after a pick moved focus away and back must not find the list shut.
          onBlur={(event) => {
            const input = event.currentTarget;
            setTimeout(() => {
              if (document.activeElement !== input) setOpen(false);
            }, 150);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p
        className={message ? 'combobox-list combobox-message' : 'visually-hidden'}
        role="status"
        data-testid={testId ? `${testId}-status` : undefined}
        data-error-code={search.error ? errorCode(search.error) : undefined}
      >
        {message}
      </p>
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="combobox-list" aria-label={label}>
          {hits.map((hit, i) => (
            <li
              key={hit.entity.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="combobox-option"
              data-entity-id={hit.entity.id}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(hit)}
            >
              <KindIcon kind={hit.entity.kind} />
              <span className="option-text">
                <span className="option-name">{hit.entity.name}</span>
                <span className="option-meta">
                  {hit.entity.kindLabel}
                  {hit.entity.nameEn && hit.entity.nameEn !== hit.entity.name ? ` · ${hit.entity.nameEn}` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
