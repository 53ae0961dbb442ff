import { fold } from '@styrgraf/text';
import { useId, useState, type FormEvent } from 'react';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { openMunicipality } from '../../state/actions.ts';
import { useCountryScope, useMunicipalities, type MunicipalityItem } from './municipalities-api.ts';
import './country.css';

/** Folds case and diacritics so "norrkoping" finds Norrköping, as the API's search does. */

/** The municipality a typed name means: the one so named, else the only one it begins. */
export function matchMunicipality(list: readonly MunicipalityItem[], typed: string): MunicipalityItem | null {
  const wanted = fold(typed.trim());
  if (!wanted) return null;
  const exact = list.find((m) => fold(m.name) === wanted || m.id === typed.trim());
  if (exact) return exact;
  const starts = list.filter((m) => fold(m.name).startsWith(wanted));
  return starts.length === 1 ? starts[0]! : null;
}

/**
 * Where in the country the views are, on a data set of many municipalities:
 * breadcrumbs from Sverige to the chosen municipality (the first a link back
 * to the overview), and a field to open a municipality by name. Hidden on a
 * data set of one municipality, whose explorer is as it always was.
 */
export function CountryBar() {
  const t = useT();
  const lang = useApiLang();
  const scope = useCountryScope(lang);
  const municipalities = useMunicipalities(lang, scope.national);
  const [typed, setTyped] = useState('');
  const [miss, setMiss] = useState(false);
  const listId = useId();
  if (!scope.national) return null;
  const list = municipalities.data ?? [];
  const current = scope.municipality ? list.find((m) => m.id === scope.municipality) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hit = matchMunicipality(list, typed);
    setMiss(!hit);
    if (hit) {
      setTyped('');
      openMunicipality(hit.id);
    }
  };
  return (
    <div className="country-bar" data-testid="country-bar">
      <nav aria-label={t('countryCrumbs')}>
        <ol className="breadcrumbs">
          <li>
            {scope.municipality ? (
              <a
                href="?"
                onClick={(event) => {
                  event.preventDefault();
                  openMunicipality(null);
                }}
                data-testid="crumb-country"
              >
                {t('country')}
              </a>
            ) : (
              <span aria-current="page" data-testid="crumb-country">
                {t('country')}
              </span>
            )}
          </li>
          {scope.municipality && (
            <li>
              <span aria-current="page" data-testid="crumb-municipality">
                {current?.name ?? '…'}
              </span>
            </li>
          )}
        </ol>
      </nav>
      <p className="country-summary muted small">
        {scope.municipality ? '' : list.length > 0 ? `${t('countryOverview', { n: list.length })} · ${t('countryHint')}` : ''}
      </p>
      <form className="country-pick" onSubmit={submit} role="search">
        <label htmlFor={`${listId}-input`} className="visually-hidden">
          {t('countryPick')}
        </label>
        <input
          id={`${listId}-input`}
          list={listId}
          value={typed}
          placeholder={t('countryPickPlaceholder')}
          onChange={(event) => {
            setTyped(event.target.value);
            setMiss(false);
          }}
          aria-invalid={miss}
          aria-describedby={miss ? `${listId}-miss` : undefined}
          data-testid="municipality-input"
        />
        <datalist id={listId}>
          {list.map((m) => (
            <option key={m.id} value={m.name} />
          ))}
        </datalist>
        <button type="submit" className="button">
          {t('countryOpen')}
        </button>
        {miss && (
          <span id={`${listId}-miss`} className="country-miss small" role="status">
            {t('countryNoMatch')}
          </span>
        )}
      </form>
    </div>
  );
}
