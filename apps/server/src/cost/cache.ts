import type { DocumentNode, GraphQLSchema } from 'graphql';
import { estimateCost, type CostEstimate } from './estimate.ts';
import type { DataProfile } from './profile.ts';

/** Estimates kept per document and data profile: past this many, the document's are forgotten and counted again. */
const ESTIMATES_PER_DOCUMENT = 512;

interface DocumentEstimates {
  /** Every variable whose value any estimate of this document has read: together, what an estimate can depend on. */
  read: Set<string>;
  /** Estimates by operation name and the values of the variables in `read`. */
  estimates: Map<string, CostEstimate>;
}

/**
 * The cost estimate (estimate.ts) of a document the server has seen before,
 * without walking it again: yoga hands every request of the same text the
 * same parsed document (plugins/document-cache.ts), and the walk was a tenth
 * of the server's own time for an entity query.
 *
 * An estimate depends on the document, the operation, the data profile and
 * only those variables whose values the walk read: an entity's `id` is never
 * read, a `first` or a `depth` is. The walk notes which it read, and an
 * estimate is reused only for a request that gives those same values. The
 * walk is the same function of what it reads, so the reused estimate is the
 * one the walk would give. When a walk reads a variable no earlier walk of
 * the document read, the document's estimates are forgotten, since their keys
 * did not hold that value.
 */
export class CostCache {
  private readonly byProfile = new WeakMap<DataProfile, WeakMap<DocumentNode, DocumentEstimates>>();

  estimate(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    profile: DataProfile,
  ): CostEstimate {
    let documents = this.byProfile.get(profile);
    if (!documents) this.byProfile.set(profile, (documents = new WeakMap()));
    let known = documents.get(document);
    if (!known) documents.set(document, (known = { read: new Set(), estimates: new Map() }));
    const key = keyOf(known.read, operationName, variables);
    const kept = key === undefined ? undefined : known.estimates.get(key);
    if (kept) return kept;

    const read = new Set<string>();
    const estimate = estimateCost(schema, document, operationName, variables, profile, read);
    const before = known.read.size;
    for (const name of read) known.read.add(name);
    if (known.read.size !== before || known.estimates.size >= ESTIMATES_PER_DOCUMENT) known.estimates.clear();
    const fresh = keyOf(known.read, operationName, variables);
    if (fresh !== undefined) known.estimates.set(fresh, estimate);
    return estimate;
  }
}

/** The key of an estimate: the operation and the values of the variables read; undefined where a value cannot be written as JSON (it is then counted every time). */
function keyOf(read: Set<string>, operationName: string | null | undefined, variables: Record<string, unknown>): string | undefined {
  if (read.size === 0) return operationName ?? '';
  try {
    // A variable the request leaves out is written as its name alone; a given one as its name and value.
    return JSON.stringify([operationName ?? '', ...[...read].map((name) => (name in variables ? [name, variables[name]] : [name]))]);
  } catch {
    return undefined;
  }
}
