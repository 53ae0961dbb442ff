import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, digestOf } from './digest.ts';
import { loadDatasetOrThrow, parseDataset } from './load.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';

/** The definition the digest was first built on: for the data's values, canonicalJson gives the same text, so digests do not change. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/** Keys as the data's records have them: names, never array indices ("0", "10"), which JavaScript would put first in a rebuilt object. */
const recordKey = fc.string().filter((k) => !/^(?:0|[1-9]\d*)$/.test(k));

/** What YAML gives the loader: null, booleans, finite numbers and strings. */
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string());

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys at every depth, whatever order they were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('orders keys by UTF-16 code units and writes numbers as ECMAScript does (the RFC’s own example, section 3.2.3)', () => {
    const keys = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(keys)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ numbers: [333333333.3333333, 1e30, 4.5, 0.002, 1e-27] })).toBe('{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}');
  });

  it('is byte for byte the replacer-based form for every JSON value with record keys (so digests do not change)', () => {
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree')), fc.dictionary(recordKey, tie('tree'))),
    })).tree;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('the data set digest', () => {
  /** The digest as first defined: each record without its origin (and a decision area's participants without theirs), canonicalized, hashed in order. */
  const firstDefinition = (dataset: Awaited<ReturnType<typeof loadDatasetOrThrow>>) => {
    const hash = createHash('sha256');
    const strip = <T extends object>(item: T) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'origin'));
    hash.update(canonicalize(dataset.meta)!);
    for (const e of dataset.entities)
      hash.update(canonicalize(e.kind === 'DECISION_AREA' ? { ...strip(e), participants: e.participants.map(strip) } : strip(e))!);
    for (const r of dataset.relations) hash.update(canonicalize(strip(r))!);
    for (const t of dataset.tours) hash.update(canonicalize(strip(t))!);
    return hash.digest('hex').slice(0, 16);
  };

  it('is the digest Norrköping’s data always had: the same text hashed, written in one pass without copies', async () => {
    const dataset = await loadDatasetOrThrow(fileURLToPath(new URL('../../../graph/', import.meta.url)));
    expect(dataset.entities.some((e) => e.kind === 'DECISION_AREA' && e.participants.length > 0)).toBe(true);
    expect(dataset.digest).toBe(firstDefinition(dataset));
    expect(digestOf(dataset.meta, dataset.entities, dataset.relations, dataset.tours)).toBe(dataset.digest);
  });

  it('is the first definition’s digest on a generated set too, whose text goes to the hash in many pieces', () => {
    const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 12, seed: 3 })));
    if (!result.ok) throw new Error(`synthetic data set is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
    const dataset = result.dataset;
    // Far more canonical text than one piece holds, so that the pieces' seams are crossed many times.
    expect(dataset.entities.length + dataset.relations.length).toBeGreaterThan(2_000);
    expect(dataset.digest).toBe(firstDefinition(dataset));
  });

  it('changes when a participant changes, and not when only an origin does', async () => {
    const dataset = await loadDatasetOrThrow(fileURLToPath(new URL('../../../graph/', import.meta.url)));
    const area = dataset.entities.find((e) => e.kind === 'DECISION_AREA' && e.participants.length > 0)!;
    if (area.kind !== 'DECISION_AREA') throw new Error('unreachable');
    const moved = dataset.entities.map((e) =>
      e === area
        ? {
            ...area,
            origin: { file: 'elsewhere.yaml', line: 1 },
            participants: area.participants.map((p) => ({ ...p, origin: { file: 'elsewhere.yaml', line: 2 } })),
          }
        : e,
    );
    expect(digestOf(dataset.meta, moved, dataset.relations, dataset.tours)).toBe(dataset.digest);
    const changed = dataset.entities.map((e) =>
      e === area ? { ...area, participants: area.participants.map((p, i) => (i === 0 ? { ...p, note: { sv: 'ny', en: 'new' } } : p)) } : e,
    );
    expect(digestOf(dataset.meta, changed, dataset.relations, dataset.tours)).not.toBe(dataset.digest);
  });
});
