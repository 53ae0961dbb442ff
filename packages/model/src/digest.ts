import { createHash, type Hash } from 'node:crypto';
import type { DatasetMeta, Entity, Relation, Tour } from './types.ts';

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
 * strings), for which this is the text the digest was always built on (the
 * `canonicalize` package's, which digest.test.ts holds it to).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') throw new TypeError(`no JSON text for a ${typeof value}`);
  const out = new TextSink();
  writeValue(value, out);
  return out.text;
}

/**
 * Where the canonical text goes: a string built by appending, handed to the
 * hash whenever it has grown large, between records. Each record written
 * into a string of its own after a copy without its origin (as before) cost
 * more time and as much garbage again.
 */
class TextSink {
  text = '';
  constructor(private readonly hash?: Hash) {}
  add(piece: string): void {
    this.text += piece;
  }
  /** Between records: past this many characters, the text so far goes into the hash. */
  flushIfLarge(): void {
    if (this.hash && this.text.length >= FLUSH_CHARS) this.flush();
  }
  flush(): void {
    this.hash!.update(this.text);
    this.text = '';
  }
}

const FLUSH_CHARS = 1 << 16;

function writeValue(value: unknown, out: TextSink): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(Number.isNaN(value) ? 'NaN is not allowed' : 'Infinity is not allowed');
    out.add(JSON.stringify(value));
    return;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    writeValue(toJSON.call(value), out);
    return;
  }
  if (Array.isArray(value)) {
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.add(',');
      const item: unknown = value[i];
      writeValue(item === undefined || typeof item === 'symbol' ? null : item, out);
    }
    out.add(']');
    return;
  }
  writeObject(value as Record<string, unknown>, out);
}

/** An object, its keys sorted; `skip` (a record's origin) left out as if it were not there. */
function writeObject(object: Record<string, unknown>, out: TextSink, skip?: string, write: (key: string, value: unknown) => void = writeValueOf(out)): void {
  out.add('{');
  let first = true;
  for (const key of sortedKeys(object)) {
    const v = object[key];
    if (key === skip || v === undefined || typeof v === 'symbol') continue;
    out.add(first ? quoted(key) : `,${quoted(key)}`);
    first = false;
    write(key, v);
  }
  out.add('}');
}

/**
 * An object's keys in canonical order. The data's objects come in a few
 * dozen shapes, each with its keys in one order, so the sorted list of each
 * order is kept and found again by comparing the keys one by one (property
 * names are interned: a comparison is cheap) rather than sorted anew for
 * each of the national set's ~400,000 objects.
 */
function sortedKeys(object: object): readonly string[] {
  const keys = Object.keys(object);
  if (keys.length === 0) return keys;
  const candidates = SORTED.get(keys[0]!);
  if (candidates) {
    for (const { order, sorted } of candidates) if (sameKeys(order, keys)) return sorted;
    // Beyond a few shapes per first key, sort: the cache is for the data's shapes, not for any object the canonical form is asked of.
    if (candidates.length >= SHAPES_PER_KEY) return keys.sort();
  }
  const sorted = [...keys].sort();
  if (candidates) candidates.push({ order: keys, sorted });
  else if (SORTED.size < MAX_FIRST_KEYS) SORTED.set(keys[0]!, [{ order: keys, sorted }]);
  return sorted;
}

const SORTED = new Map<string, { order: readonly string[]; sorted: readonly string[] }[]>();
const SHAPES_PER_KEY = 32;
const MAX_FIRST_KEYS = 256;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A key as JSON writes it, with the colon after it; the same few dozen keys come up again and again. */
function quoted(key: string): string {
  let text = QUOTED.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    if (QUOTED.size < MAX_QUOTED) QUOTED.set(key, text);
  }
  return text;
}

const QUOTED = new Map<string, string>();
const MAX_QUOTED = 4_096;

const writeValueOf = (out: TextSink) => (_key: string, value: unknown) => writeValue(value, out);

/** A record without its origin, as the digest has always hashed it. */
function writeRecord(record: object, out: TextSink): void {
  writeObject(record as Record<string, unknown>, out, 'origin');
  out.flushIfLarge();
}

export function digestOf(meta: DatasetMeta, entities: Entity[], relations: Relation[], tours: Tour[]): string {
  const hash = createHash('sha256');
  const out = new TextSink(hash);
  writeValue(meta, out);
  const value = writeValueOf(out);
  // A decision area's participants are hashed without their origins too.
  const participantsWithoutOrigin = (key: string, v: unknown) => {
    if (key !== 'participants' || !Array.isArray(v)) return value(key, v);
    out.add('[');
    v.forEach((p: unknown, i) => {
      if (i > 0) out.add(',');
      if (p && typeof p === 'object' && !Array.isArray(p)) writeObject(p as Record<string, unknown>, out, 'origin');
      else writeValue(p === undefined ? null : p, out);
    });
    out.add(']');
  };
  for (const e of entities) {
    if (e.kind === 'DECISION_AREA') {
      writeObject(e as unknown as Record<string, unknown>, out, 'origin', participantsWithoutOrigin);
      out.flushIfLarge();
    } else writeRecord(e, out);
  }
  for (const r of relations) writeRecord(r, out);
  for (const t of tours) writeRecord(t, out);
  out.flush();
  return hash.digest('hex').slice(0, 16);
}
