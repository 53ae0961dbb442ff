import { useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import type { Change, Lang } from '../../api/types.ts';
import { addTo } from '../../lib/group.ts';

export const CHANGES_QUERY = operation(
  'Changes',
  /* GraphQL */ `
    query Changes($from: Date!, $to: Date!, $lang: Lang) {
      changes(from: $from, to: $to) {
        date
        type
        description(lang: $lang)
        entity {
          id
        }
        relation {
          id
        }
      }
    }
  `,
);

/** Every change the data knows of, so the time control can mark the dates when the organisation changed. */
const EARLIEST = '1990-01-01';

export function useChanges(lang: Lang, today: string) {
  return useQuery({
    queryKey: ['changes', lang, today],
    queryFn: ({ signal }) => request(CHANGES_QUERY, { from: EARLIEST, to: today, lang }, signal).then((d) => d.changes),
    staleTime: Infinity,
  });
}

export interface Milestone {
  date: string;
  started: number;
  ended: number;
  changes: Change[];
}

/** The dates on which entities began or ended (the reorganisations), newest last; relation-only dates are folded in where they coincide. */
export function milestones(changes: readonly Change[]): Milestone[] {
  const byDate = new Map<string, Change[]>();
  for (const c of changes) addTo(byDate, c.date, c);
  return [...byDate.entries()]
    .filter(([, list]) => list.some((c) => c.entity))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, list]) => ({
      date,
      started: list.filter((c) => c.entity && c.type === 'STARTED').length,
      ended: list.filter((c) => c.entity && c.type === 'ENDED').length,
      changes: list,
    }));
}
