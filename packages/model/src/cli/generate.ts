/**
 * `pnpm graph:generate --municipalities 290 --seed 7 --out /tmp/riket`:
 * writes a synthetic national data set in graph/'s format, one directory per
 * municipality, for benchmarks and load tests. The same seed and count give
 * the same files. `--force` replaces an earlier generated set in `--out`.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SourceFile } from '../load.ts';
import { metaFile, partFiles } from '../synthetic/files.ts';
import { generateSynthetic, MAX_MUNICIPALITIES } from '../synthetic/generate.ts';

const USAGE = `usage: pnpm graph:generate --municipalities N --seed S --out DIR [--force]
  --municipalities  how many municipalities, 1–${MAX_MUNICIPALITIES} (default 290)
  --seed            any whole number; the same seed gives the same data (default 1)
  --out             the directory to write (must be empty, or hold an earlier generated set and --force)`;

function fail(message: string): never {
  console.error(`graph:generate: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      municipalities: { type: 'string', default: '290' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const municipalities = Number(values.municipalities);
const seed = Number(values.seed);
if (!values.out) fail('--out is required');
if (!Number.isInteger(municipalities) || municipalities < 1 || municipalities > MAX_MUNICIPALITIES) fail(`--municipalities must be a whole number from 1 to ${MAX_MUNICIPALITIES}, not "${values.municipalities}"`);
if (!Number.isSafeInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}"`);
const out = resolve(values.out);

// Only what the generator writes is ever removed, and only when asked.
const OWNED = ['meta.yaml', 'riket', 'kommuner'];
const existing = await readdir(out).catch(() => [] as string[]);
if (existing.length > 0) {
  if (!values.force) fail(`${out} is not empty; pass --force to replace an earlier generated set there`);
  const foreign = existing.filter((name) => !OWNED.includes(name));
  if (foreign.length > 0) fail(`${out} holds files the generator did not write (${foreign.slice(0, 3).join(', ')}); choose another --out`);
  await Promise.all(OWNED.map((name) => rm(join(out, name), { recursive: true, force: true })));
}

const started = performance.now();
const every = Math.max(1, Math.floor(municipalities / 10));
console.log(`Generating ${municipalities} synthetic municipalities (seed ${seed}) into ${out}`);
const dataset = generateSynthetic({ municipalities, seed });
let bytes = 0;
let files = 0;
const write = async (batch: SourceFile[]) => {
  await Promise.all([...new Set(batch.map((f) => dirname(join(out, f.path))))].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all(batch.map((f) => writeFile(join(out, f.path), f.content)));
  files += batch.length;
  bytes += batch.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
};
await write([metaFile(dataset.meta)]);
for (const [i, part] of dataset.parts.entries()) {
  await write(partFiles(part, dataset.meta));
  if (i > 0 && (i % every === 0 || i === municipalities)) console.log(`  ${i}/${municipalities} municipalities written`);
}
const entities = dataset.parts.reduce((n, p) => n + p.entities.length, 0);
const relations = dataset.parts.reduce((n, p) => n + p.relations.length, 0);
console.log(
  `✓ ${files} files (${(bytes / 1e6).toFixed(1)} MB): ${entities} entities, ${relations} relations (before derived ones) in ${Math.round(performance.now() - started)} ms`,
);
console.log(`  check: pnpm graph:validate ${out}    serve: GRAPH_DIR=${out} pnpm start`);
