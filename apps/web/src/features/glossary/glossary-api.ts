import { skipToken, useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import { useApiLang } from '../../i18n/use-t.ts';

export const GLOSSARY_TERM_FIELDS = /* GraphQL */ `
  fragment GlossaryTermFields on GlossaryTerm {
    id
    names {
      sv
      en
    }
    definitionSv: definition(lang: SV)
    definitionEn: definition(lang: EN)
    abbreviations
  }
`;

export interface GlossaryEntry {
  id: string;
  names: { sv: string; en: string };
  definitionSv: string;
  definitionEn: string;
  abbreviations: string[];
}

/** A glossary term found in a text; start and end are UTF-16 offsets, end exclusive (as the API gives them). */
export interface GlossaryMatch {
  start: number;
  end: number;
  text: string;
  term: GlossaryEntry;
}

export const GLOSSARY_QUERY = operation(
  'Glossary',
  /* GraphQL */ `
    query Glossary {
      glossary {
        ...GlossaryTermFields
        aliases
      }
    }
    ${GLOSSARY_TERM_FIELDS}
  `,
);

export const GLOSSARY_MATCHES_QUERY = operation(
  'GlossaryMatches',
  /* GraphQL */ `
    query GlossaryMatches($text: String!, $lang: Lang) {
      glossaryMatches(text: $text, lang: $lang) {
        start
        end
        text
        term {
          ...GlossaryTermFields
        }
      }
    }
    ${GLOSSARY_TERM_FIELDS}
  `,
);

/** The API reads at most this much text at a time; longer texts are left unmarked rather than cut. */
const MAX_MATCH_TEXT = 1000;

export function useGlossary() {
  return useQuery({
    queryKey: ['glossary'],
    queryFn: ({ signal }) => request(GLOSSARY_QUERY, {}, signal).then((d) => d.glossary),
    staleTime: Infinity,
  });
}

/** The governance terms in a text, found by the API (it knows inflections: “presidierna” is presidium). Cached per text, so a label repeated in a table costs one request. */
export function useGlossaryMatches(text: string | null | undefined): GlossaryMatch[] {
  const lang = useApiLang();
  const usable = !!text && text.length <= MAX_MATCH_TEXT;
  const matches = useQuery({
    queryKey: ['glossaryMatches', text, lang],
    queryFn: usable ? ({ signal }) => request(GLOSSARY_MATCHES_QUERY, { text, lang }, signal).then((d) => d.glossaryMatches) : skipToken,
    staleTime: Infinity,
  });
  return matches.data ?? [];
}
