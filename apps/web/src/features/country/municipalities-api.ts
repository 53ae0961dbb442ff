import { useQuery } from '@tanstack/react-query';
import { useAbout } from '../../api/about.ts';
import { operation, request } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
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
 * municipalities with none chosen. Narrowed kinds (the companies and
 * organisations, say) narrow what the overview shows of what the
 * municipalities share; they never turn it into the whole country's graph of
 * those kinds, which is thousands of entities no one can read and which the
 * API refuses or answers only after seconds. The country's graph is seen one
 * municipality at a time.
 */
export function showsOverview(scope: CountryScope): boolean {
  return scope.national && !scope.municipality;
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
