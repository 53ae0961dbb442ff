import { createHash } from 'node:crypto';
import { existsSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a parse worker's code is: the one place that says it, so that a
 * production build points here and nowhere else.
 *
 * Built JavaScript (this file as `parse-worker-entry.js`) starts its workers
 * from `parse-worker.js` beside it. Run from TypeScript sources (tsx), a
 * worker would have to start tsx's loader first — on Node 20 a loader thread
 * of its own per worker, and every module compiled again: about 1.5 s before
 * the first file is parsed. So the worker and what it imports (yaml, js-yaml,
 * zod) are bundled once by esbuild into one plain ES module in the system's
 * temporary directory, named by the hash of its text (a rebuilt source gives a
 * new name, an unchanged one reuses the file), and workers start from that in
 * a few tens of milliseconds.
 */
export async function parseWorkerEntry(): Promise<string> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return fileURLToPath(new URL('./parse-worker.js', here));
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./parse-worker.ts', here))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // A CommonJS dependency inside the ES module bundle asks for `require` (of node:process); give it the real one.
    banner: { js: "import { createRequire as __styrgrafRequire } from 'node:module'; const require = __styrgrafRequire(import.meta.url);" },
  });
  const text = bundled.outputFiles[0]!.contents;
  const path = join(tmpdir(), `styrgraf-parse-worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(path)) {
    // Written aside and renamed, so that a process starting at the same moment never reads half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, path);
  }
  return path;
}
