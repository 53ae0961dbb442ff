import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestWork } from '../request-work.ts';
import { wrapFields } from './wrap-fields.ts';

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
        const cooperative: typeof resolve = (source, args, context, info) => {
          const work = (context as { work?: RequestWork }).work;
          if (work) {
            if (work.cancelled) throw work.cancelled;
            if (work.mustWait()) return work.later(() => resolve(source, args, context, info));
          }
          return resolve(source, args, context, info);
        };
        return cooperative;
      });
    },
  };
}
