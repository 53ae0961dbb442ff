import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  defaultFieldResolver,
  Kind,
  type GraphQLError,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type FetchAPI, type Plugin } from 'graphql-yoga';

/** Caps on every list and traversal argument: a public API must not be asked for unbounded work. */
export const LIMITS = {
  first: 200,
  searchFirst: 50,
  searchTextLength: 200,
  depth: 4,
  maxLength: 8,
  pathFirst: 50,
  idLength: 200,
  /** Any other string argument (cursors, for one). */
  stringLength: 1_000,
  /** A list argument of enum values (kinds, families, roles) may name each value once; other lists at most this many items. */
  listItems: 50,
} as const;

/**
 * What a query may ask for, checked before it runs (graphql-armor). The
 * largest query the web app and the README send — a decision area with its
 * participants, their actors and provisions; a neighbourhood with its nodes
 * and edges; paths with steps and explanations — is depth 6, cost under 300,
 * under 200 tokens and has no aliases; these leave room for twice that and
 * stop the query bombs (deep nesting, alias floods, directive floods) that a
 * public endpoint is sent.
 */
export const QUERY_LIMITS = {
  depth: 10,
  aliases: 20,
  directives: 20,
  tokens: 2_000,
  cost: 10_000,
  /** Records (entities, relations, paths) the store may hand one request; what armor's cost cannot see is how long each list is. */
  records: 25_000,
} as const;

export function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw createGraphQLError(`"${argument}" must be a whole number from ${min} to ${max}; got ${value}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument, min, max },
    });
  }
  return value;
}

export function checkLength(argument: string, value: string, max: number): string {
  if (value.length > max) {
    throw createGraphQLError(`"${argument}" may be at most ${max} characters; got ${value.length}.`, {
      extensions: { code: 'BAD_USER_INPUT', argument, max },
    });
  }
  return value;
}

type Limit = Exclude<keyof typeof QUERY_LIMITS, 'records'>;
type GraphQLArmorConfig = NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>;

/** armor's own message ("Syntax Error: Query depth limit of 12 exceeded, found 13.") without the misleading prefix, with a code and the limit's name. */
function limitError(limit: Limit, rejected: GraphQLError): GraphQLError {
  const detail = rejected.message.replace(/^Syntax Error: /, '');
  // yoga's own error class, so that a rejection thrown while parsing is a 400 to yoga, not an unexpected 500.
  return createGraphQLError(`The query is too large: ${detail} (limit "${limit}": ${QUERY_LIMITS[limit]}). Ask for less in one query.`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: QUERY_LIMITS[limit], http: { status: 400 } },
  });
}

/** Reports the rejection as a validation error of ours (the validation rules), or throws it (the token count, checked while parsing). */
const reject = (limit: Limit) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      if (context) context.reportError(limitError(limit, error));
      else throw limitError(limit, error);
    },
  ],
});

export function armorConfig(dev: boolean): GraphQLArmorConfig {
  return {
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true, ...reject('depth') },
    maxAliases: { n: QUERY_LIMITS.aliases, ...reject('aliases') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...reject('directives') },
    maxTokens: { n: QUERY_LIMITS.tokens, ...reject('tokens') },
    costLimit: { maxCost: QUERY_LIMITS.cost, ...reject('cost') },
    // Field suggestions ("did you mean …?") map the schema for an attacker; a developer wants them.
    blockFieldSuggestion: { enabled: !dev },
  };
}

export function useQueryLimits(dev: boolean): Plugin {
  return EnvelopArmorPlugin(armorConfig(dev)) as Plugin;
}

/**
 * Every list argument has a cap, checked before anything runs: a list of
 * enum values (kinds, families, roles) at most as long as the enum, any other
 * list at most LIMITS.listItems; and every string argument at most
 * LIMITS.stringLength characters (resolvers check tighter limits of their own,
 * such as the search text). Literal and variable values alike.
 */
export function useArgumentCaps(): Plugin {
  // The arguments to check depend only on the schema and the document, so they are found once per parsed document (yoga's parser cache hands the same document back for the same text); only their values are looked at per request.
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly CappedArgument[]>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let byDocument = bySchema.get(args.schema);
      if (!byDocument) bySchema.set(args.schema, (byDocument = new WeakMap()));
      let capped = byDocument.get(args.document);
      if (!capped) byDocument.set(args.document, (capped = cappedArguments(args.schema, args.document)));
      const problem = firstOversizedArgument(capped, (args.variableValues ?? {}) as Record<string, unknown>);
      if (problem) setResultAndStopExecution({ errors: [problem] });
    },
  };
}

/** What the cap check needs of a schema type; read by duck typing, since the schema may come from another build of graphql-js than this file. */
interface TypeLike {
  toString(): string;
  getFields?(): Record<string, { args: readonly { name: string; type: TypeLike }[]; type: TypeLike }>;
  getValues?(): readonly unknown[];
}

/** An argument the query passes, in document order, with the most items it may list when it is a list. */
interface CappedArgument {
  node: ArgumentNode;
  maxItems: number | null;
}

function cappedArguments(schema: GraphQLSchema, document: DocumentNode): CappedArgument[] {
  const named = (type: TypeLike) => schema.getType(type.toString().replace(/[[\]!]/g, '')) as TypeLike | undefined;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const found: CappedArgument[] = [];
  const seen = new Set<string>();
  const walk = (selections: readonly SelectionNode[], parent: TypeLike | undefined): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        const field = parent?.getFields?.()[selection.name.value];
        for (const argument of selection.arguments ?? []) {
          const definition = field?.args.find((a) => a.name === argument.name.value);
          if (!definition) continue;
          const item = definition.type.toString().startsWith('[') ? named(definition.type) : null;
          found.push({ node: argument, maxItems: item === null ? null : item?.getValues ? item.getValues().length : LIMITS.listItems });
        }
        if (selection.selectionSet && field) walk(selection.selectionSet.selections, named(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as TypeLike | undefined) : parent;
        walk(selection.selectionSet.selections, type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment.selectionSet.selections, schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'query' ? schema.getQueryType() : definition.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    walk(definition.selectionSet.selections, (root ?? undefined) as TypeLike | undefined);
  }
  return found;
}

function firstOversizedArgument(capped: readonly CappedArgument[], variables: Record<string, unknown>): GraphQLError | null {
  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.LIST) return node.values;
    if (node.kind === Kind.STRING) return node.value;
    return undefined;
  };
  for (const { node, maxItems } of capped) {
    const value = valueOf(node.value);
    const name = node.name.value;
    if (Array.isArray(value) && maxItems !== null) {
      if (value.length > maxItems) {
        return createGraphQLError(`"${name}" may list at most ${maxItems} values; got ${value.length}.`, {
          nodes: [node],
          extensions: { code: 'BAD_USER_INPUT', argument: name, max: maxItems },
        });
      }
    } else if (typeof value === 'string' && value.length > LIMITS.stringLength) {
      return createGraphQLError(`"${name}" may be at most ${LIMITS.stringLength} characters; got ${value.length}.`, {
        nodes: [node],
        extensions: { code: 'BAD_USER_INPUT', argument: name, max: LIMITS.stringLength },
      });
    }
  }
  return null;
}

/**
 * A query that has not answered within `ms` gets a QUERY_TIMEOUT error
 * instead of an answer, and the client its connection back. (Work that never
 * yields — one very large in-process traversal — cannot be cut short; the
 * argument caps keep that work small.)
 */
export function useQueryTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  createGraphQLError(`The query did not finish within ${ms / 1000} s (limit "timeout"); ask for less, such as a smaller depth or maxLength.`, {
                    extensions: { code: 'QUERY_TIMEOUT', max: ms },
                  }),
                ],
              }),
            ms,
          );
        });
        try {
          return await Promise.race([executeFn(args), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/**
 * Refuses a request body over `maxBytes` (413) before it is read, and a POST
 * whose size is not declared (411): GraphQL clients always send
 * Content-Length, and a declared size is what lets the limit hold without
 * buffering an unbounded stream. A declared size must be one whole number
 * (400 otherwise), and HTTP framing then holds the body to it; a body of
 * undeclared size that still gets here (in process, through `yoga.fetch`) is
 * counted as it is read. This replaces yoga's own limit
 * (`maxRequestBodySize`), which piped every body through a TransformStream
 * whether its size was known or not (5% of an entity query's time).
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const declared = request.headers.get('content-length');
      const size = declared === null ? NaN : Number(declared);
      const refuse = (status: number, message: string, code: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, max: maxBytes } }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      if (declared === null && request.body !== null && request.headers.get('transfer-encoding') !== null) {
        refuse(411, `Send the request with a Content-Length header (at most ${maxBytes} bytes).`, 'LENGTH_REQUIRED');
      } else if (declared !== null && !/^\d+$/.test(declared)) {
        refuse(400, `The Content-Length header must be one whole number of bytes; got ${JSON.stringify(declared.slice(0, 40))}.`, 'BAD_REQUEST');
      } else if (size > maxBytes) {
        endResponse(new fetchAPI.Response(payloadTooLarge(size, maxBytes), { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } }));
      }
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser || request.body === null || request.headers.get('content-length') !== null) return;
      setRequestParser((unsized) => requestParser(countedBody(unsized, maxBytes, fetchAPI)));
    },
  };
}

/** The request with its body counted as it is read, failing with PAYLOAD_TOO_LARGE past `maxBytes`. */
function countedBody(request: Request, maxBytes: number, fetchAPI: FetchAPI): Request {
  let read = 0;
  // A native stream (yoga.fetch in process) pipes only through a native TransformStream, a ponyfill one (node:http) through the ponyfill's.
  const Transform = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const counted = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > maxBytes) {
          controller.error(
            createGraphQLError(`The request body is over ${maxBytes} bytes (limit "body size").`, { extensions: { code: 'PAYLOAD_TOO_LARGE', max: maxBytes, http: { status: 413 } } }),
          );
        } else {
          controller.enqueue(chunk);
        }
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: counted, duplex: 'half' } as RequestInit);
}

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
export function useBudgetErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors) return;
          const stopped = result.errors.find((e) => e.extensions?.code === 'LIMIT_EXCEEDED');
          if (stopped) setResult({ data: null, errors: [stopped] });
        },
      };
    },
  };
}

/** The 413 answer, shared by the HTTP layer and the yoga plugin. */
export function payloadTooLarge(size: number, maxBytes: number): string {
  return JSON.stringify({ errors: [{ message: `The request body is ${size} bytes; at most ${maxBytes} are accepted (limit "body size").`, extensions: { code: 'PAYLOAD_TOO_LARGE', max: maxBytes } }] });
}
