import { useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import { PROVISION_FIELDS } from '../../api/fragments.ts';
import type { Lang, ProvisionRef } from '../../api/types.ts';

export type CoverageStatus = 'ANSWERED' | 'PARTLY' | 'OPEN';
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['ANSWERED', 'PARTLY', 'OPEN'];

export interface WorkshopQuestion {
  id: string;
  order: number;
  name: string;
  status: CoverageStatus;
  statusLabel: string;
  reason: string;
  provisions: ProvisionRef[];
}

export interface CoverageCounts {
  total: number;
  answered: number;
  partly: number;
  open: number;
}

export interface WorkshopSection extends CoverageCounts {
  name: string;
  questions: WorkshopQuestion[];
}

export interface WorkshopCoverage extends CoverageCounts {
  sections: WorkshopSection[];
}

export const COVERAGE_QUERY = operation(
  'WorkshopCoverage',
  /* GraphQL */ `
    query WorkshopCoverage($lang: Lang) {
      workshopCoverage {
        total
        answered
        partly
        open
        sections {
          name
          total
          answered
          partly
          open
          questions {
            id
            order
            name(lang: $lang)
            status
            statusLabel(lang: $lang)
            reason(lang: $lang)
            provisions {
              ...ProvisionFields
            }
          }
        }
      }
    }
    ${PROVISION_FIELDS}
  `,
);

export function useCoverage(lang: Lang) {
  return useQuery({
    queryKey: ['workshopCoverage', lang],
    queryFn: ({ signal }) => request(COVERAGE_QUERY, { lang }, signal).then((d) => d.workshopCoverage),
    staleTime: Infinity,
  });
}

export const countOf = (counts: CoverageCounts, status: CoverageStatus): number =>
  status === 'ANSWERED' ? counts.answered : status === 'PARTLY' ? counts.partly : counts.open;
