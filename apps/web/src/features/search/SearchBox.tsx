import { openMunicipality, selectEntity } from '../../state/actions.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { useCountryScope } from '../country/municipalities-api.ts';
import { EntityCombobox } from './EntityCombobox.tsx';

/**
 * The search in the header: picking a suggestion selects the entity; the
 * graph centres it and the detail panel opens. On a data set of many
 * municipalities, an entity of another municipality than the one shown (or
 * any, from the overview) opens that municipality with it selected.
 */
export function SearchBox() {
  const t = useT();
  const country = useCountryScope(useApiLang());
  return (
    <EntityCombobox
      label={t('searchLabel')}
      placeholder={t('searchPlaceholder')}
      hideLabel
      testId="search"
      onPick={(entity) => {
        const home = entity.municipality?.id ?? null;
        if (country.national && home && home !== country.municipality) openMunicipality(home, { select: entity.id });
        else selectEntity(entity.id, { focusPanel: true });
      }}
    />
  );
}
