import { createGraphQLError } from 'graphql-yoga';

/** Caps on every list and traversal argument: a public API must not be asked for unbounded work. */
export const LIMITS = {
  first: 200,
  searchFirst: 50,
  searchTextLength: 200,
  depth: 4,
  /** A neighbourhood's `first`: the most entities it answers with, the nearest first. */
  neighbourhoodFirst: 2_000,
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
  /** Static cost (cost/estimate.ts), in records: the same bound as the record budget, checked before anything runs. */
  cost: 25_000,
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

/**
 * Admission control (plugins/admission.ts). Heavy means a static cost of at
 * least `heavyCost` records (tens of milliseconds of CPU and up, see
 * cost/CALIBRATION.md): one runs at a time on the embedded store, eight wait
 * at most two seconds. Light operations finish within a turn or two of the
 * event loop, so their bound is about connections, not CPU.
 */
export const ADMISSION = {
  heavyCost: 2_000,
  maxHeavy: 1,
  heavyQueue: 8,
  maxLight: 64,
  lightQueue: 128,
  maxWaitMs: 2_000,
  retryAfterSeconds: 2,
};

/**
 * The embedded store's heavy work is CPU on the server's one thread: two heavy
 * queries at once finish no sooner than one after the other, and hold
 * everything else up twice as long. On Neo4j the work is the database's,
 * where several run side by side while the server waits.
 */
export function admissionFor(engine: 'memory' | 'neo4j'): typeof ADMISSION {
  return engine === 'neo4j' ? { ...ADMISSION, maxHeavy: 4 } : ADMISSION;
}
