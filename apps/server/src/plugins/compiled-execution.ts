import { getOperationAST, GraphQLError, OperationTypeNode, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { DOCUMENT_CACHE } from './document-cache.ts';
import { executionArgs, type Execute } from './execution.ts';
import { isPromise } from './wrap-fields.ts';

/** How a request's operation was executed: by a compiled query, or by graphql-js walking the document. */
export type ExecutionPath = 'compiled' | 'interpreted';

/** A document's operations, by name, as far as compiling goes: each one's compiled query, or null where it cannot be compiled. */
type Seen = Map<string, CompiledQuery | null>;

/**
 * Executes query operations with graphql-jit: the document is compiled once
 * into a function that walks exactly its selections, so each request spends
 * no time on what graphql-js works out afresh per field (collecting fields,
 * coercing the same default arguments, building resolve infos). A profile of
 * the entity query found graphql-js execution at ~240 µs for ~150 fields.
 *
 * The compiled query calls the schema's resolvers as they are when it is
 * compiled, so the wrapped ones (record budget, cooperative slices,
 * cancellation) run as before; the plugins that wrap execution (timeout,
 * admission, cost) wrap this one, so it must come before them. Compiled
 * queries hang off the parsed document (which yoga's bounded parse cache
 * keeps or lets go), so they are bounded with it. A document that is not a
 * query, that graphql-jit cannot compile, or that the parse cache does not
 * keep (longer than DOCUMENT_CACHE.longestCachedDocument), runs in graphql-js.
 */
export function useCompiledExecution(observe?: (path: ExecutionPath) => void): Plugin {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Seen>>();
  const seenFor = (schema: GraphQLSchema, document: DocumentNode): Seen => {
    let documents = bySchema.get(schema);
    if (!documents) bySchema.set(schema, (documents = new WeakMap()));
    let seen = documents.get(document);
    if (!seen) documents.set(document, (seen = new Map<string, CompiledQuery | null>()));
    return seen;
  };
  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null => {
    const seen = seenFor(schema, document);
    const key = operationName ?? '';
    let compiled = seen.get(key);
    if (compiled === undefined) seen.set(key, (compiled = compile(schema, document, operationName)));
    return compiled;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const interpreted: Execute = executeFn;
      setExecuteFn((given: object) => {
        const args = executionArgs(given);
        const compiled = compiledFor(args.schema, args.document, args.operationName);
        observe?.(compiled ? 'compiled' : 'interpreted');
        if (!compiled) return interpreted(args);
        const result = compiled.query(args.rootValue, args.contextValue, args.variableValues);
        return isPromise(result) ? result.then((done) => asGraphQLJs(done, args.document)) : asGraphQLJs(result, args.document);
      });
    },
  };
}

/**
 * A compiled query's answer in the shape graphql-js gives: `errors` before
 * `data`, and each error a graphql-js error placed in the document. graphql-jit's
 * errors carry their locations but not the source they point into, and yoga
 * rebuilds every error from its nodes or source and positions, which would
 * drop the locations.
 */
function asGraphQLJs(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  if (!result.errors?.length) return result;
  const source = document.loc?.source;
  const errors = result.errors.map((error) => {
    const positions = source && error.locations?.map(({ line, column }) => positionOf(source.body, line, column));
    return new GraphQLError(error.message, {
      ...(positions?.length && { source, positions }),
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
  });
  return 'data' in result ? { errors, data: result.data } : { errors };
}

/** The offset in `body` of a line and column as graphql-js counts them (both from 1; a line ends at \r\n, \n or \r). */
function positionOf(body: string, line: number, column: number): number {
  let offset = 0;
  for (let at = 1; at < line; at++) {
    const end = body.slice(offset).search(/\r\n|[\n\r]/);
    if (end < 0) break;
    offset += end + (body.startsWith('\r\n', offset + end) ? 2 : 1);
  }
  return offset + column - 1;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
  // A document too long for yoga's parse cache is parsed anew each time it comes, so compiling it would be paid again each time too.
  if ((document.loc?.source.body.length ?? Infinity) > DOCUMENT_CACHE.longestCachedDocument) return null;
  if (getOperationAST(document, operationName)?.operation !== OperationTypeNode.QUERY) return null;
  try {
    // yoga serialises the answer itself; the compiled query only builds it.
    const compiled = compileQuery(schema, document, operationName ?? undefined, { customJSONSerializer: false });
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}
