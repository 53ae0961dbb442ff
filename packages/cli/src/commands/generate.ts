import { generateSynthetic, MAX_MUNICIPALITIES, metaFile, partFiles, type SourceFile } from '@styrgraf/model';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXIT, parse, UsageError, type Command } from '../command.ts';

// Only what the generator writes is ever removed, and only when asked.
const OWNED = ['meta.yaml', 'riket', 'kommuner'];

export const generate: Command = {
  name: 'generate',
  usage: `styrgraf generate --out DIR [--municipalities N] [--seed S] [--force] [--json]
  --municipalities  how many municipalities, 1–${MAX_MUNICIPALITIES} (default 290)
  --seed            any whole number; the same seed gives the same files (default 1)
  --out             the directory to write (empty, or holding an earlier generated set and --force)
  --json            the summary as JSON on stdout; progress stays on stderr`,
  async run(args, io) {
    const { values } = parse(args, {
      municipalities: { type: 'string', default: '290' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const municipalities = Number(values.municipalities);
    const seed = Number(values.seed);
    if (!values.out) throw new UsageError('--out is required');
    if (!Number.isInteger(municipalities) || municipalities < 1 || municipalities > MAX_MUNICIPALITIES)
      throw new UsageError(`--municipalities must be a whole number from 1 to ${MAX_MUNICIPALITIES}, not "${values.municipalities}"`);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${values.seed}"`);
    const out = resolve(values.out);
    const existing = await readdir(out).catch(() => [] as string[]);
    if (existing.length > 0) {
      if (!values.force) throw new UsageError(`${out} is not empty; pass --force to replace an earlier generated set there`);
      const foreign = existing.filter((name) => !OWNED.includes(name));
      if (foreign.length > 0) throw new UsageError(`${out} holds files the generator did not write (${foreign.slice(0, 3).join(', ')}); choose another --out`);
      await Promise.all(OWNED.map((name) => rm(join(out, name), { recursive: true, force: true })));
    }
    // Progress goes to stderr, so that --json output stays one document.
    const progress = values.json ? io.err : io.out;
    const started = performance.now();
    const every = Math.max(1, Math.floor(municipalities / 10));
    progress(`Generating ${municipalities} synthetic municipalities (seed ${seed}) into ${out}`);
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
      if (i > 0 && (i % every === 0 || i === municipalities)) progress(`  ${i}/${municipalities} municipalities written`);
    }
    const entities = dataset.parts.reduce((n, p) => n + p.entities.length, 0);
    const relations = dataset.parts.reduce((n, p) => n + p.relations.length, 0);
    const ms = Math.round(performance.now() - started);
    if (values.json) io.out(JSON.stringify({ out, municipalities, seed, files, bytes, entities, relations, ms }, null, 2));
    else {
      io.out(`✓ ${files} files (${(bytes / 1e6).toFixed(1)} MB): ${entities} entities, ${relations} relations (before derived ones) in ${ms} ms`);
      io.out(`  check: styrgraf validate ${out}    serve: GRAPH_DIR=${out} styrgraf serve`);
    }
    return EXIT.OK;
  },
};
