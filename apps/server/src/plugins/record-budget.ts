import type { GraphQLSchema } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { QUERY_LIMITS } from '../limits.ts';
import type { RequestWork } from '../request-work.ts';
import { isPromise, wrapFields } from './wrap-fields.ts';

export const RECORDS_EXCEEDED = `This query's answer would hold more than ${QUERY_LIMITS.records.toLocaleString('en')} list items (limit "records"); ask for fewer levels of relations or a smaller "first".`;

/**
 * Counts the list items a query's answer holds and stops it past
 * QUERY_LIMITS.records: what armor's cost model cannot see is how long each
 * list is, and a query for the relations of the ends of the relations of …
 * multiplies them (DataLoader asks the store once per entity, but the answer
 * repeats each entity wherever it appears). The first field over the budget
 * fails with LIMIT_EXCEEDED, so do the rest, and nothing below them runs.
 *
 * List fields count what they return; object fields and fields with a
 * resolver of their own (which may load) refuse to run once the budget is
 * spent (wrap-fields.ts says which fields are wrapped). An answer over budget
 * is replaced whole (useBudgetErrors).
 */
export function useRecordBudget(maxRecords: number = QUERY_LIMITS.records): Plugin {
  // The count rides on the request's context under a symbol of this plugin's: read on every list and object field, a property is cheaper than a WeakMap lookup.
  const spent = Symbol('records spent');
  const wrapped = Symbol('recordBudget');
  // Past the budget the answer is this one error (useBudgetErrors), so the rest of the request's work is for nothing: cancel it, and every
  // queued resolver and store call of the request rejects with this same error at its next turn instead of running on after the answer.
  const exceeded = (context: unknown) => {
    const error = createGraphQLError(RECORDS_EXCEEDED, { extensions: { code: 'LIMIT_EXCEEDED', max: maxRecords } });
    (context as { work?: RequestWork }).work?.cancel(error);
    return error;
  };
  const counterOf = (context: object) => ((context as { [spent]?: { records: number } })[spent] ??= { records: 0 });
  const count = (counter: { records: number }, result: unknown, context: unknown): unknown => {
    if (!Array.isArray(result)) return result;
    counter.records += result.length;
    return counter.records > maxRecords ? exceeded(context) : result;
  };
  return {
    onSchemaChange({ schema }) {
      wrapFields(schema as GraphQLSchema, wrapped, (resolve, shape) =>
        shape === 'list'
          ? (source, args, context, info) => {
              const counter = counterOf(context);
              if (counter.records > maxRecords) return exceeded(context);
              const result = resolve(source, args, context, info);
              return isPromise(result) ? result.then((value) => count(counter, value, context)) : count(counter, result, context);
            }
          : (source, args, context, info) => (counterOf(context).records > maxRecords ? exceeded(context) : resolve(source, args, context, info)),
      );
    },
  };
}
