import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, operation } from './client.ts';
import type { Lang, Vocabulary } from './types.ts';

export const VOCABULARY_QUERY = operation(
  'Vocabulary',
  /* GraphQL */ `
    query Vocabulary($lang: Lang) {
      vocabulary {
        families {
          family
          label(lang: $lang)
          labelSv: label(lang: SV)
        }
        relationKinds {
          kind
          family
          label(lang: $lang)
          hierarchy
        }
        entityKinds {
          kind
          label(lang: $lang)
          labelSv: label(lang: SV)
        }
        participationRoles
        evidenceStatuses {
          status
          label(lang: $lang)
          labelSv: label(lang: SV)
          description(lang: $lang)
          marker(lang: $lang)
        }
      }
    }
  `,
);

export const vocabularyQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['vocabulary', lang],
    queryFn: ({ signal }) => request(VOCABULARY_QUERY, { lang }, signal).then((d): Vocabulary => d.vocabulary),
    staleTime: Infinity,
  });

export function useVocabulary(lang: Lang) {
  return useQuery(vocabularyQuery(lang));
}
