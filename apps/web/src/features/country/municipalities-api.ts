import { useQuery } from '@tanstack/react-query';
import { useAbout } from '../../api/about.ts';
import { operation, request } from '../../api/client.ts';
import { GRAPH_KINDS, type EntityKind, type Lang } from '../../api/types.ts';
import { useView } from '../../state/store.ts';

export interface MunicipalityItem {
  id: string;
  name: string;
  entityCount: number;
}

export const MUNICIPALITIES_QUERY = operation(
  'Municipalities',
  /* GraphQL */ `
    query Municipalities($lang: Lang) {
      municipalities {
        id
        name(lang: $lang)
        entityCount
      }
    }
  `,
);

/** The data set's municipalities, in Swedish order: a few kilobytes even for the whole country, fetched once. */
export function useMunicipalities(lang: Lang, enabled = true) {
  return useQuery({
    queryKey: ['municipalities', lang],
    queryFn: ({ signal }) => request(MUNICIPALITIES_QUERY, { lang }, signal).then((d): MunicipalityItem[] => d.municipalities),
    staleTime: Infinity,
    enabled,
  });
}

export interface CountryScope {
  /** Known once the data set has said how many municipalities it holds. */
  ready: boolean;
  /** The data set holds more than one municipality: views open on the overview and are scoped to one. */
  national: boolean;
  /** The municipality the views are scoped to: null on the overview, and always on a data set of one. */
  municipality: string | null;
}

/**
 * Whether the graph and table show the overview: on a data set of many
 * municipalities with none chosen, while the kinds are the default ones.
 * Kinds the user narrows to (the companies and organisations, say) ask for
 * the whole country's graph of those kinds, which the API answers when it
 * fits its budget and refuses with advice when it does not.
 */
export function showsOverview(scope: CountryScope, kinds: readonly EntityKind[]): boolean {
  return scope.national && !scope.municipality && kinds.length === GRAPH_KINDS.length && GRAPH_KINDS.every((k) => kinds.includes(k));
}

/**
 * Where in the country the views are: on a data set of one municipality
 * (Norrköping) nothing changes; on one of many, the `kommun` of the link
 * scopes every view, and without it the graph shows the overview.
 */
export function useCountryScope(lang: Lang): CountryScope {
  const about = useAbout(lang);
  const kommun = useView((s) => s.kommun);
  const count = about.data?.municipalityCount;
  const national = (count ?? 0) > 1;
  return { ready: count !== undefined, national, municipality: national ? kommun : null };
}
