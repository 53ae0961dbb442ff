import { skipToken, useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import type { GraphPath, Lang, RelationFamily } from '../../api/types.ts';

export const PATHS_QUERY = operation(
  'Paths',
  /* GraphQL */ `
    query Paths($from: ID!, $to: ID!, $asOf: Date, $families: [RelationFamily!], $mode: PathMode, $maxLength: Int, $lang: Lang) {
      paths(from: $from, to: $to, asOf: $asOf, families: $families, mode: $mode, maxLength: $maxLength, first: 12) {
        length
        explanation(lang: $lang)
        nodes {
          id
          kind
          name
        }
        steps {
          forward
          label(lang: $lang)
          from {
            id
            kind
            name
          }
          to {
            id
            kind
            name
          }
          relation {
            id
            family
            kind
            evidence {
              status
              confidence
              marker(lang: $lang)
            }
          }
        }
      }
    }
  `,
);

export const PATH_MAX_LENGTH = 4;

export interface PathQuery {
  from: string | null;
  to: string | null;
  all: boolean;
  asOf: string | null;
  families: RelationFamily[];
  lang: Lang;
}

/** The paths between two entities, shortest first; shared by the finder (which lists them) and the canvas (which lights them up). */
export function usePaths(q: PathQuery) {
  const variables = {
    from: q.from,
    to: q.to,
    asOf: q.asOf,
    families: [...q.families].sort(),
    mode: q.all ? ('ALL' as const) : ('SHORTEST' as const),
    maxLength: PATH_MAX_LENGTH,
    lang: q.lang,
  };
  return useQuery({
    queryKey: ['paths', variables],
    queryFn:
      q.from && q.to && q.from !== q.to && q.families.length > 0
        ? ({ signal }) => request(PATHS_QUERY, { ...variables, from: q.from!, to: q.to! }, signal).then((d): GraphPath[] => d.paths)
        : skipToken,
  });
}
