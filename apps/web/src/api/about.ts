import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, operation } from './client.ts';
import type { About, Lang } from './types.ts';

/**
 * The data set the server has loaded. Every name, title and file name the
 * app shows about the municipality comes from here (meta.yaml), never from
 * the app's own words, so another municipality's data gives an app about it.
 */
export const ABOUT_QUERY = operation(
  'About',
  /* GraphQL */ `
    query About($lang: Lang) {
      about {
        datasetId
        name(lang: $lang)
        nameSv: name(lang: SV)
        version
        digest
        engine
        entityCount
        relationCount
        municipalityCount
      }
    }
  `,
);

/** The question and where its answer is kept: the hook's, and the one asked before the app mounts (app/first-questions.ts). */
export const aboutQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['about', lang],
    queryFn: ({ signal }) => request(ABOUT_QUERY, { lang }, signal).then((d): About => d.about),
    staleTime: Infinity,
  });

export function useAbout(lang: Lang) {
  return useQuery(aboutQuery(lang));
}

/** A file name part from the data set's id: lowercase letters, digits and hyphens. */
export function fileSlug(datasetId: string | undefined): string {
  const slug = (datasetId ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'data';
}
