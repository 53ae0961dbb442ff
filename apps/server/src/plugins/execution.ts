import type { ExecutionArgs, ExecutionResult } from 'graphql';

/**
 * Envelop types the execute step with `any` throughout, since it serves every
 * graphql-js version. Under yoga that step is graphql-js's own `execute`, so
 * the plugins that wrap it name graphql-js's types here, once, rather than
 * casting each field they read.
 */
export type Executed = ExecutionResult | AsyncIterable<unknown>;
export type Execute = (args: ExecutionArgs) => Executed | Promise<Executed>;

/** The arguments yoga hands the execute step, with graphql-js's types. */
export function executionArgs(args: object): ExecutionArgs {
  return args as ExecutionArgs;
}
