import { RuleStatus } from '../../api/generated/enums.ts';
import { useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import type { EntityRef, EvidenceMark, Lang } from '../../api/types.ts';
import { useCountryScope } from '../country/municipalities-api.ts';

/** A rule's verdict (the SDL's RuleStatus): the worst of its findings. */
export const RULE_STATUSES = Object.values(RuleStatus);
export { RuleStatus };

export interface RuleProvision {
  id: string;
  name: string;
  reference: string | null;
}

export interface RuleFinding {
  status: RuleStatus;
  message: string;
  entities: EntityRef[];
  relations: { id: string; sentence: string; from: { id: string }; evidence: EvidenceMark }[];
  provisions: RuleProvision[];
}

export interface RuleCheck {
  id: string;
  title: string;
  description: string;
  status: RuleStatus;
  statusLabel: string;
  summary: string;
  provisions: RuleProvision[];
  findings: RuleFinding[];
}

export const RULE_CHECKS_QUERY = operation(
  'RuleChecks',
  /* GraphQL */ `
    query RuleChecks($asOf: Date, $lang: Lang, $municipality: ID) {
      ruleChecks(asOf: $asOf, municipality: $municipality) {
        id
        title(lang: $lang)
        description(lang: $lang)
        status
        statusLabel(lang: $lang)
        summary(lang: $lang)
        provisions {
          id
          name
          reference
        }
        findings {
          status
          message(lang: $lang)
          entities {
            id
            kind
            name
          }
          relations {
            id
            sentence(lang: $lang)
            from {
              id
            }
            evidence {
              status
              confidence
              marker(lang: $lang)
            }
          }
          provisions {
            id
            name
            reference
          }
        }
      }
    }
  `,
);

/** The governance rule checks over the organisation as of the date shown (today when none). */
export function useRuleChecks(asOf: string | null, lang: Lang) {
  // On a data set of many municipalities, the checks of the chosen one.
  const { municipality, ready } = useCountryScope(lang);
  return useQuery({
    queryKey: ['ruleChecks', asOf, lang, municipality],
    queryFn: ({ signal }) => request(RULE_CHECKS_QUERY, { asOf, lang, municipality }, signal).then((d) => d.ruleChecks),
    enabled: ready,
  });
}

/** How many rules passed, warned and failed. */
export function countByStatus(checks: readonly Pick<RuleCheck, 'status'>[]): Record<RuleStatus, number> {
  const counts: Record<RuleStatus, number> = { PASS: 0, WARN: 0, FAIL: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}

/** A provision as a rule names it: its reference in the law where it has one ("6 kap. 37 §"), else its name. */
export const provisionLabel = (p: RuleProvision): string => p.reference ?? p.name;
