import { createHash, type Hash } from 'node:crypto';
import type { DatasetMeta, Entity, Relation, Tour } from './types.ts';

/**
 * The data set's digest: a hash of its content in a canonical form, so that
 * it names what the data says, not how the files are laid out. Where a
 * record was read from (its origin) is left out: moving a record to another
 * file, or writing a file out again in another layout, does not change the
 * data. (Hashing the files' texts as read would cost less, but would give a
 * new digest for a reformatted file; the digest means the data, so it is
 * taken over the records, in one pass that writes no copy of them.)
 */

/**
 * JSON in the JSON Canonicalization Scheme (RFC 8785): keys sorted by their
 * UTF-16 code units at every depth, numbers and strings as ECMAScript writes
 * them. The loaded data is plain JSON values (YAML's dates are read as
 * strings), for which this is the text the digest was always built on.
 */
export function canonicalJson(value: unknown): string {
  const writer = new CanonicalWriter();
  writer.value(value);
  return writer.text;
}

/**
 * Writes canonical JSON by appending to one string, which V8 keeps as a rope
 * until it is read: the `canonicalize` package builds a fresh string per
 * member with a template and a reduce, and on the national set that and the
 * copies of each record without its origin were half a second of the load.
 * `omit` is a key left out of the outermost object (a record's origin).
 */
class CanonicalWriter {
  text = '';

  value(value: unknown, omit?: string): void {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`${value} has no JSON text`);
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) throw new TypeError(`no JSON text for a ${typeof value}`);
      this.text += text;
    } else if (Array.isArray(value)) {
      this.text += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.text += ',';
        const item: unknown = value[i];
        this.value(item === undefined || typeof item === 'symbol' || typeof item === 'function' ? null : item);
      }
      this.text += ']';
    } else {
      const record = value as Record<string, unknown>;
      this.text += '{';
      let first = true;
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (key === omit || member === undefined || typeof member === 'symbol' || typeof member === 'function') continue;
        this.text += first ? JSON.stringify(key) + ':' : ',' + JSON.stringify(key) + ':';
        first = false;
        this.value(member);
      }
      this.text += '}';
    }
  }
}

/** Text handed to the hash at once: few calls into the hash, no string of the whole data set. */
const CHUNK = 1 << 16;

class CanonicalHash {
  private readonly hash: Hash = createHash('sha256');
  private readonly writer = new CanonicalWriter();

  /** Hashes one record's canonical JSON, without its origin. */
  record(value: object): void {
    this.writer.value(value, 'origin');
    this.flushOver(CHUNK);
  }

  /** A decision area: its participants each without their origin as well. */
  decisionArea(area: Extract<Entity, { kind: 'DECISION_AREA' }>): void {
    // The same text as the record with each participant's origin dropped: the members in key order, "participants" among them.
    const w = this.writer;
    w.text += '{';
    let first = true;
    for (const key of Object.keys(area).sort()) {
      const member = (area as unknown as Record<string, unknown>)[key];
      if (key === 'origin' || member === undefined || typeof member === 'symbol' || typeof member === 'function') continue;
      w.text += (first ? '' : ',') + JSON.stringify(key) + ':';
      first = false;
      if (key !== 'participants') w.value(member);
      else {
        w.text += '[';
        area.participants.forEach((p, i) => {
          if (i > 0) w.text += ',';
          w.value(p, 'origin');
        });
        w.text += ']';
      }
    }
    w.text += '}';
    this.flushOver(CHUNK);
  }

  digest(): string {
    this.flushOver(0);
    return this.hash.digest('hex');
  }

  private flushOver(size: number): void {
    if (this.writer.text.length < size) return;
    this.hash.update(this.writer.text);
    this.writer.text = '';
  }
}

export function digestOf(meta: DatasetMeta, entities: Entity[], relations: Relation[], tours: Tour[]): string {
  const hash = new CanonicalHash();
  hash.record(meta);
  for (const e of entities) {
    if (e.kind === 'DECISION_AREA') hash.decisionArea(e);
    else hash.record(e);
  }
  for (const r of relations) hash.record(r);
  for (const t of tours) hash.record(t);
  return hash.digest().slice(0, 16);
}
