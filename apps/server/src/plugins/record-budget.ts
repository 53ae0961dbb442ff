import { defaultFieldResolver, type GraphQLField, type GraphQLNonNull, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { QUERY_LIMITS } from '../limits.ts';

export const RECORDS_EXCEEDED = `This query's answer would hold more than ${QUERY_LIMITS.records.toLocaleString('en')} list items (limit "records"); ask for fewer levels of relations or a smaller "first".`;

/**
 * Counts the list items a query's answer holds and stops it past
 * QUERY_LIMITS.records: what armor's cost model cannot see is how long each
 * list is, and a query for the relations of the ends of the relations of …
 * multiplies them (DataLoader asks the store once per entity, but the answer
 * repeats each entity wherever it appears). The first field over the budget
 * fails with LIMIT_EXCEEDED, so do the rest, and nothing below them runs.
 *
 * The resolvers are wrapped once, when the schema is set, and only where the
 * budget can be spent or work saved: list fields count what they return;
 * object fields and fields with a resolver of their own (which may load)
 * refuse to run once the budget is spent. A plain property read of a scalar
 * is left alone: it costs nothing, and an answer over budget is replaced
 * whole (useBudgetErrors). (envelop's useOnResolve did this for every field,
 * with half a dozen closures per field per request: two thirds of the time of
 * a depth-2 neighbourhood.)
 */
export function useRecordBudget(maxRecords: number = QUERY_LIMITS.records): Plugin {
  const spent = new WeakMap<object, { records: number }>();
  const wrapped = Symbol('recordBudget');
  const exceeded = () => createGraphQLError(RECORDS_EXCEEDED, { extensions: { code: 'LIMIT_EXCEEDED', max: maxRecords } });
  const counterOf = (context: object) => {
    let counter = spent.get(context);
    if (!counter) spent.set(context, (counter = { records: 0 }));
    return counter;
  };
  const count = (counter: { records: number }, result: unknown): unknown => {
    if (!Array.isArray(result)) return result;
    counter.records += result.length;
    return counter.records > maxRecords ? exceeded() : result;
  };
  return {
    onSchemaChange({ schema }) {
      for (const type of Object.values((schema as GraphQLSchema).getTypeMap())) {
        if (tag(type) !== 'GraphQLObjectType' || type.name.startsWith('__')) continue;
        for (const field of Object.values((type as GraphQLObjectType).getFields()) as (GraphQLField<unknown, object> & { [wrapped]?: true })[]) {
          if (field[wrapped]) continue;
          const resolve = field.resolve ?? defaultFieldResolver;
          const nullable = tag(field.type) === 'GraphQLNonNull' ? (field.type as GraphQLNonNull<GraphQLOutputType>).ofType : field.type;
          if (tag(nullable) === 'GraphQLList') {
            field.resolve = (source, args, context, info) => {
              const counter = counterOf(context);
              if (counter.records > maxRecords) return exceeded();
              const result = resolve(source, args, context, info);
              return isPromise(result) ? result.then((value) => count(counter, value)) : count(counter, result);
            };
          } else if (field.resolve || !LEAF_TYPES.has(tag(nullable))) {
            field.resolve = (source, args, context, info) => (counterOf(context).records > maxRecords ? exceeded() : resolve(source, args, context, info));
          } else {
            continue;
          }
          field[wrapped] = true;
        }
      }
    },
  };
}

/** A schema type's class, read by its tag rather than instanceof: the schema may come from another build of graphql-js than this file (see TypeLike). */
const tag = (type: object): string => (type as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] ?? '';
const LEAF_TYPES = new Set(['GraphQLScalarType', 'GraphQLEnumType']);

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/** A query stopped by its budget answers with that one error, not with one per field it could not finish. */
