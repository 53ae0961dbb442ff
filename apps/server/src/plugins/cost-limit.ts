import type { Store } from '@styrgraf/store';
import type { ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { CostCache } from '../cost/cache.ts';
import type { CostEstimate } from '../cost/estimate.ts';
import { profileOf } from '../cost/profile.ts';
import { QUERY_LIMITS } from '../limits.ts';
import { executionArgs, type Execute } from './execution.ts';
import { isReloadingStore } from '../reload.ts';

/** Where the estimate is kept for the plugins that run after this one (admission). */
export const COST = Symbol('cost');
export type CostedContext = { [COST]?: CostEstimate };

export function costError(estimate: CostEstimate, max: number) {
  return createGraphQLError(
    `The query is too large: it would read about ${estimate.records.toLocaleString('en')} records, at a cost of ${estimate.cost.toLocaleString('en')} (limit "cost": ${max.toLocaleString('en')}). Lists nested in lists multiply: ask for fewer levels of relations, a smaller "first" or "depth", or fewer aliases.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max, cost: estimate.cost, http: { status: 400 } } },
  );
}

/**
 * Refuses a query whose static cost (cost/estimate.ts) is over `maxCost`
 * before any of it runs, naming the limit. The estimate reads the served
 * data set's counts, so the same document may be fine on Norrköping and
 * refused on the national set. It is kept on the context for admission
 * control, which lets heavy and light queries in by different doors.
 */
export function useCostLimit(store: Store, maxCost: number = QUERY_LIMITS.cost): Plugin {
  const estimates = new CostCache();
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const execute: Execute = executeFn;
      setExecuteFn(async (given: object) => {
        const args = executionArgs(given);
        const served = isReloadingStore(store) ? store.snapshot() : store;
        const estimate = estimates.estimate(args.schema, args.document, args.operationName, args.variableValues ?? {}, await profileOf(served));
        (args.contextValue as CostedContext)[COST] = estimate;
        if (estimate.cost > maxCost) return { errors: [costError(estimate, maxCost)] } satisfies ExecutionResult;
        return execute(args);
      });
    },
  };
}
