import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { found, operation, request } from '../../api/client.ts';
import type { EntityKind, Lang, SearchHit } from '../../api/types.ts';
import { useCountryScope } from '../country/municipalities-api.ts';

export const SEARCH_QUERY = operation(
  'Search',
  /* GraphQL */ `
    query Search($text: String!, $kinds: [EntityKind!], $lang: Lang, $municipality: ID) {
      search(text: $text, kinds: $kinds, first: 8, municipality: $municipality) {
        match
        entity {
          id
          kind
          name
          nameEn: name(lang: EN)
          kindLabel(lang: $lang)
          municipality {
            id
          }
        }
      }
    }
  `,
);

export const ENTITY_NAME_QUERY = operation(
  'EntityName',
  /* GraphQL */ `
    query EntityName($id: ID!) {
      entity(id: $id) {
        id
        kind
        name
      }
    }
  `,
);

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Suggestions as the user types: the API's Swedish-aware search (KS, TUK, personalutskott, typos). */
export function useSearch(text: string, lang: Lang, kinds?: readonly EntityKind[]) {
  const query = useDebounced(text.trim(), 120);
  // Within a chosen municipality, its own entities and the shared ones (not the 289 other KS); on the overview, the whole country.
  const { municipality } = useCountryScope(lang);
  return useQuery<SearchHit[]>({
    queryKey: ['search', query, lang, kinds ?? null, municipality],
    queryFn:
      query.length >= 2
        ? ({ signal }) => request(SEARCH_QUERY, { text: query, lang, municipality, ...(kinds ? { kinds: [...kinds] } : {}) }, signal).then((d) => d.search)
        : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useEntityName(id: string | null) {
  return useQuery({
    queryKey: ['entity-name', id],
    queryFn: id ? ({ signal }) => request(ENTITY_NAME_QUERY, { id }, signal).then((d) => found(d.entity, `The entity ${id}`)) : skipToken,
    staleTime: Infinity,
  });
}
