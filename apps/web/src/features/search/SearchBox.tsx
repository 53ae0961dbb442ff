import { selectEntity } from '../../state/actions.ts';
import { useT } from '../../i18n/use-t.ts';
import { EntityCombobox } from './EntityCombobox.tsx';

/** The search in the header: picking a suggestion selects the entity; the graph centres it and the detail panel opens. */
export function SearchBox() {
  const t = useT();
  return <EntityCombobox label={t('searchLabel')} placeholder={t('searchPlaceholder')} hideLabel testId="search" onPick={(entity) => selectEntity(entity.id, { focusPanel: true })} />;
}
