import { GOVERNANCE_FAMILIES, GRAPH_KINDS } from '../../api/types.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { setFamilies, setKinds, setLonely, showAllHidden, showEntity, toggleFamily, toggleKind } from '../../state/actions.ts';
import { useView } from '../../state/store.ts';
import { EvidenceLegend, familySwatch, kindSwatch, LegendRow, RelationKindLegend } from '../legend/Legend.tsx';
import { useEntityName } from '../search/use-search.ts';
import './filters.css';

/** What the canvas shows: relation families and entity kinds, each a legend row with its checkbox. */
export function FilterPanel() {
  const t = useT();
  const lang = useApiLang();
  const families = useView((s) => s.families);
  const kinds = useView((s) => s.kinds);
  const lonely = useView((s) => s.lonely);
  const hidden = useView((s) => s.hidden);
  const vocabulary = useVocabulary(lang);
  if (!vocabulary.data) return null;
  const v = vocabulary.data;
  const shownFamilies = v.families.filter((f) => GOVERNANCE_FAMILIES.includes(f.family));
  const shownKinds = v.entityKinds.filter((k) => GRAPH_KINDS.includes(k.kind));
  const english = lang === 'EN';

  return (
    <div className="filter-panel" data-testid="filters">
      <fieldset className="filter-group">
        <legend>
          <span>{t('relationFamilies')}</span>
          <span className="filter-all">
            <button type="button" className="link-button" onClick={() => setFamilies([...GOVERNANCE_FAMILIES])}>
              {t('all')}
            </button>
            <button type="button" className="link-button" onClick={() => setFamilies([])}>
              {t('none')}
            </button>
          </span>
        </legend>
        {shownFamilies.map((f) => (
          <label key={f.family} className="filter-option">
            <LegendRow
              control={<input type="checkbox" checked={families.includes(f.family)} onChange={() => toggleFamily(f.family)} data-family={f.family} />}
              swatch={familySwatch(f.family)}
              label={f.label}
              secondary={english ? f.labelSv : undefined}
            />
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-group">
        <legend>
          <span>{t('entityKinds')}</span>
          <span className="filter-all">
            <button type="button" className="link-button" onClick={() => setKinds([...GRAPH_KINDS])}>
              {t('all')}
            </button>
            <button type="button" className="link-button" onClick={() => setKinds([])}>
              {t('none')}
            </button>
          </span>
        </legend>
        {shownKinds.map((k) => (
          <label key={k.kind} className="filter-option">
            <LegendRow
              control={<input type="checkbox" checked={kinds.includes(k.kind)} onChange={() => toggleKind(k.kind)} data-kind={k.kind} />}
              swatch={kindSwatch(k.kind)}
              label={k.label}
              secondary={english ? k.labelSv : undefined}
            />
          </label>
        ))}
      </fieldset>
      <label className="filter-toggle">
        <input type="checkbox" checked={lonely} onChange={(e) => setLonely(e.target.checked)} data-testid="lonely-toggle" />
        <span>{t('lonelyToggle')}</span>
      </label>
      {hidden.length > 0 && (
        <section className="filter-group" aria-labelledby="hidden-title" data-testid="hidden-list">
          <h2 id="hidden-title" className="filter-heading">
            <span>{t('hiddenHeading', { n: hidden.length })}</span>
            <button type="button" className="link-button" onClick={showAllHidden}>
              {t('showAllHidden')}
            </button>
          </h2>
          <ul className="hidden-list">
            {hidden.map((id) => (
              <HiddenEntity key={id} id={id} />
            ))}
          </ul>
        </section>
      )}
      <EvidenceLegend statuses={v.evidenceStatuses} english={english} />
      <details className="filter-group legend-details">
        <summary>{t('legend')}</summary>
        <RelationKindLegend vocabulary={v} families={families} />
      </details>
    </div>
  );
}

function HiddenEntity({ id }: { id: string }) {
  const t = useT();
  const name = useEntityName(id).data?.name ?? id;
  return (
    <li>
      <span>{name}</span>
      <button type="button" className="button button-small button-quiet" onClick={() => showEntity(id)} aria-label={t('showHidden', { name })}>
        {t('showAllHidden').split(' ')[0]}
      </button>
    </li>
  );
}
