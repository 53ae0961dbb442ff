import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestWork } from '../request-work.ts';
import { isPromise, wrapFields } from './wrap-fields.ts';

/** A list longer than this is completed a few items at a time. */
const LONG_LIST = 256;

/**
 * graphql-js completes a list's items in one go: for the 14,000 relations of
 * a large neighbourhood that was half a second in which nothing else ran,
 * even with every item's fields queued. A long list is handed over with each
 * item behind the request's queue, so its items too are completed a few per
 * turn of the event loop.
 */
function inTurns(work: RequestWork, items: unknown): unknown {
  if (!Array.isArray(items) || items.length <= LONG_LIST) return items;
  return (items as readonly unknown[]).map((item) => work.later(() => item));
}

/**
 * The executor's share of cooperative execution (request-work.ts). graphql-js
 * completes a list of thousands of items, with their fields and sentences,
 * in one go: promises resolve as microtasks, which never let timers or
 * other requests in. Every list and object field's resolver first asks the
 * request whether its slice of the event loop is spent; if so, it is queued
 * and runs in a later slice (request-work.ts) instead of now. A cancelled request's
 * resolvers throw its reason at once, so the rest of the tree unwinds
 * without doing its work.
 */
export function useCooperativeExecution(): Plugin {
  const wrapped = Symbol('cooperative');
  return {
    onSchemaChange({ schema }) {
      wrapFields(schema as GraphQLSchema, wrapped, (resolve, shape) => {
        // A scalar that is read or formatted on the spot (a name, a label) costs less than queueing it; one that awaits the store or explains itself in words (an async resolver) is work.
        if (shape === 'scalar' && resolve.constructor.name !== 'AsyncFunction') return null;
        return (source, args, context, info) => {
          const work = (context as { work?: RequestWork }).work;
          if (!work) return resolve(source, args, context, info);
          if (work.cancelled) throw work.cancelled;
          const result = work.mustWait() ? work.later(() => resolve(source, args, context, info)) : resolve(source, args, context, info);
          if (shape !== 'list') return result;
          return isPromise(result) ? result.then((items) => inTurns(work, items)) : inTurns(work, result);
        };
      });
    },
  };
}
