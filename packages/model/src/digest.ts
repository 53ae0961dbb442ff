import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DatasetMeta, Entity, Origin, Relation, Tour } from './types.ts';

/**
 * The data set's digest: a hash of its content in a canonical form, so that
 * it names what the data says, not how the files are laid out. Where a
 * record was read from (its origin) is left out: moving a record to another
 * file does not change the data.
 */

/**
 * JSON in the JSON Canonicalization Scheme (RFC 8785): keys sorted by their
 * UTF-16 code units at every depth, numbers and strings as ECMAScript writes
 * them. The loaded data is plain JSON values (YAML's dates are read as
 * strings), for which this is the text the digest was always built on.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError(`no JSON text for a ${typeof value}`);
  return text;
}

function stripOrigin<T extends { origin?: Origin }>(item: T): Omit<T, 'origin'> {
  const { origin: _origin, ...rest } = item;
  return rest;
}

export function digestOf(meta: DatasetMeta, entities: Entity[], relations: Relation[], tours: Tour[]): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson(meta));
  for (const e of entities) {
    const plain: Record<string, unknown> = stripOrigin(e);
    if (e.kind === 'DECISION_AREA') plain.participants = e.participants.map(stripOrigin);
    hash.update(canonicalJson(plain));
  }
  for (const r of relations) hash.update(canonicalJson(stripOrigin(r)));
  for (const t of tours) hash.update(canonicalJson(stripOrigin(t)));
  return hash.digest('hex').slice(0, 16);
}
