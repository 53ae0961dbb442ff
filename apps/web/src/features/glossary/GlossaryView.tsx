import { useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useView } from '../../state/store.ts';
import { fold } from '@styrgraf/text';
import { QueryStatus } from '../status/ErrorNotice.tsx';
import { useGlossary, type GlossaryEntry } from './glossary-api.ts';
import './glossary.css';

/** Every governance term, Swedish and English, filterable. */
export function GlossaryView() {
  const t = useT();
  const glossary = useGlossary();
  const [text, setText] = useState('');
  const wanted = fold(text.trim());
  const terms = glossary.data?.filter((g) => !wanted || [g.names.sv, g.names.en, ...g.abbreviations, ...g.aliases].some((w) => fold(w).includes(wanted)));

  return (
    <section className="glossary-view" aria-labelledby="glossary-title" data-testid="glossary-view">
      <header className="view-header">
        <div>
          <h2 id="glossary-title">{t('glossaryHeading')}</h2>
          <p className="muted small">{t('glossaryIntro')}</p>
        </div>
        <label className="glossary-filter">
          <span className="visually-hidden">{t('glossaryFilter')}</span>
          <input type="search" value={text} placeholder={t('glossaryFilter')} onChange={(e) => setText(e.target.value)} />
        </label>
      </header>
      <QueryStatus query={glossary} />
      {terms && terms.length === 0 && <p className="empty">{t('glossaryEmpty', { q: text })}</p>}
      {terms && terms.length > 0 && (
        <ul className="glossary-list">
          {terms.map((term) => (
            <GlossaryItem key={term.id} term={term} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function GlossaryItem({ term }: { term: GlossaryEntry }) {
  const lang = useView((s) => s.lang);
  const [first, second] = lang === 'en' ? [term.definitionEn, term.definitionSv] : [term.definitionSv, term.definitionEn];
  return (
    <li className="glossary-entry" id={term.id} data-term-id={term.id}>
      <h3>
        <span lang="sv">{term.names.sv}</span>
        {term.abbreviations.map((a) => (
          <abbr key={a} className="glossary-abbr" lang="sv">
            {a}
          </abbr>
        ))}
        <span className="glossary-en" lang="en">
          {term.names.en}
        </span>
      </h3>
      <p lang={lang}>{first}</p>
      <p className="glossary-second" lang={lang === 'en' ? 'sv' : 'en'}>
        {second}
      </p>
    </li>
  );
}
