import type { Lang } from '../../api/types.ts';
import type { ViewState } from '../../state/view-state.ts';
import { showsOverview, type CountryScope } from '../country/municipalities-api.ts';
import type { GraphScope } from './use-graph-data.ts';

/**
 * The part of the graph the view's state asks for — its date, families and
 * kinds, the focus and what is expanded, the municipality or the overview —
 * the same for the graph view and the table, which show one graph two ways.
 */
export function graphScopeOf(state: ViewState, country: CountryScope, lang: Lang): GraphScope {
  return {
    asOf: state.date,
    families: state.families,
    kinds: state.kinds,
    lang,
    focus: state.focus,
    depth: state.depth,
    expanded: state.expanded,
    municipality: country.municipality,
    overview: showsOverview(country),
    ready: country.ready,
  };
}
