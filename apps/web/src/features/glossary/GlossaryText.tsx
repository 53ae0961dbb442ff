import { useEffect, useId, useRef, useState } from 'react';
import { useView } from '../../state/store.ts';
import { useGlossaryMatches, type GlossaryEntry, type GlossaryMatch } from './glossary-api.ts';
import { segments } from './segments.ts';
import './glossary.css';

/**
 * A text with its governance terms marked. Each term is a button: hovering,
 * focusing or tapping it shows what the word means, in Swedish and English.
 * Pass `matches` when the API already gave them (a tour step's `terms`);
 * otherwise the text is sent to glossaryMatches once and cached.
 */
export function GlossaryText({ text, matches }: { text: string; matches?: readonly GlossaryMatch[] }) {
  const fetched = useGlossaryMatches(matches ? null : text);
  return (
    <>
      {segments(text, matches ?? fetched).map((s, i) => (s.match ? <GlossaryTerm key={i} term={s.match.term} text={s.text} /> : <span key={i}>{s.text}</span>))}
    </>
  );
}

/** One marked term and its explanation (a tooltip the button is described by, so a screen reader reads it on focus). */
export function GlossaryTerm({ term, text }: { term: GlossaryEntry; text: string }) {
  const lang = useView((s) => s.lang);
  const tipId = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const open = hovered || focused || pinned;

  // A tap pins the explanation open (touch has no hover); a tap elsewhere or Escape closes it.
  useEffect(() => {
    if (!pinned) return;
    const away = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setPinned(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [pinned]);

  const first =
    lang === 'en' ? { name: term.names.en, definition: term.definitionEn, lang: 'en' } : { name: term.names.sv, definition: term.definitionSv, lang: 'sv' };
  const second =
    lang === 'en' ? { name: term.names.sv, definition: term.definitionSv, lang: 'sv' } : { name: term.names.en, definition: term.definitionEn, lang: 'en' };

  return (
    <span className="term-wrap" ref={wrap} onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      <button
        type="button"
        className="term"
        aria-describedby={tipId}
        aria-expanded={open}
        data-term-id={term.id}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onClick={() => setPinned((p) => !p)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setPinned(false);
            setFocused(false);
            setHovered(false);
          }
        }}
      >
        {text}
      </button>
      <span role="tooltip" id={tipId} className="term-tip" hidden={!open} data-testid="term-tip">
        <span className="term-tip-name" lang={first.lang}>
          {first.name}
        </span>
        {second.name !== first.name && (
          <span className="term-tip-other" lang={second.lang}>
            {' '}
            ({second.name})
          </span>
        )}
        <span className="term-tip-definition" lang={first.lang}>
          {first.definition}
        </span>
        <span className="term-tip-definition term-tip-second" lang={second.lang}>
          {second.definition}
        </span>
      </span>
    </span>
  );
}
