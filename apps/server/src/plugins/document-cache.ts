import type { DocumentNode } from 'graphql';
import type { YogaServerOptions } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/**
 * Yoga's parse cache, bounded by what it holds rather than by how many entries.
 *
 * Yoga keeps the last 1,024 documents (and the last 1,024 parse errors) by their text. A
 * client can send 1,024 different documents at the body limit, and each entry keeps the
 * text and its syntax tree (or an error that points into the text), so a count bound lets
 * a few thousand requests pin hundreds of megabytes, and how much stays pinned depends on
 * which documents happened to come last. Here each cache holds at most a fixed number of
 * characters of document text, weighted for the tree built from it, and a document longer
 * than any real client's is not cached at all: the explorer's largest document is under
 * 4,000 characters, and caching is only worth anything for documents that come back.
 */
export const DOCUMENT_CACHE = {
  /** Documents longer than this are parsed every time they come. */
  longestCachedDocument: 20_000,
  /** Characters of document text each cache holds in all. */
  charactersHeld: 2_000_000,
  /** How much heap a character of document text costs once parsed (the tree is larger than the text). */
  weightPerCharacter: 8,
  /** Parsed documents are dropped after an hour unused, as yoga does. */
  ttlMs: 3_600_000,
};

function boundedCache<T extends object>(): { get(key: string): T | undefined; set(key: string, value: T): void } {
  const cache = new LRUCache<string, T>({
    maxSize: DOCUMENT_CACHE.charactersHeld * DOCUMENT_CACHE.weightPerCharacter,
    sizeCalculation: (_value, key) => Math.max(1, key.length * DOCUMENT_CACHE.weightPerCharacter),
    ttl: DOCUMENT_CACHE.ttlMs,
  });
  return {
    get: (key) => cache.get(key),
    set: (key, value) => {
      if (key.length <= DOCUMENT_CACHE.longestCachedDocument) cache.set(key, value);
    },
  };
}

type ParserCacheOption = NonNullable<YogaServerOptions<object, object>['parserAndValidationCache']>;

/** The caches to give yoga as `parserAndValidationCache` (validation results hang off the cached trees, so they are bounded with them). */
export function boundedParserCache(): ParserCacheOption {
  return { documentCache: boundedCache<DocumentNode>(), errorCache: boundedCache<object>() };
}
