#!/usr/bin/env node
/**
 * Builds the server into apps/server/dist unless the build there was made
 * from exactly the current sources (the server's, the model's and the
 * store's): the staleness check is scripts/build-if-stale.mjs, shared with
 * the web app's build; this file says what the server's sources are and how
 * they are built.
 *
 * esbuild bundles the server with the model and the store into
 * dist/main.js, the command line (packages/cli) into dist/styrgraf.js, and
 * the parse pool's worker into dist/parse-worker.js beside them; the npm packages the server depends on stay imports, resolved from
 * apps/server/node_modules at run time. A bundle rather than tsc's emit per
 * package: one build step that takes well under a second (so the staleness
 * check can afford to build), the packages keep exporting their sources to
 * the tests and the CLIs, and a file the code finds beside itself
 * (`new URL('./schema/', import.meta.url)`) sits at the same depth from the
 * repo in dist/ as in src/, so only the assets are copied.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIfMain, staleBuild } from '../../../scripts/build-if-stale.mjs';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(serverDir, '../..');
const distDir = join(serverDir, 'dist');
const inputs = [
  'apps/server/src',
  'apps/server/package.json',
  'apps/server/scripts/build-if-stale.mjs',
  'packages/text/src',
  'packages/text/package.json',
  'packages/model/src',
  'packages/model/package.json',
  'packages/store/src',
  'packages/store/package.json',
  'packages/export/src',
  'packages/export/package.json',
  'packages/cli/src',
  'packages/cli/package.json',
  'pnpm-lock.yaml',
];

/** Files found beside the code at run time, copied into dist/ where the bundle looks for them. */
const ASSETS = [
  ['apps/server/src/schema', 'schema'],
  ['packages/store/src/neo4j/cypher', 'cypher'],
];

async function buildServer({ quiet }) {
  const { build } = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
  rmSync(distDir, { recursive: true, force: true });
  await build({
    absWorkingDir: serverDir,
    // The operator's command line (packages/cli) is built beside the server it shares its code with, so that
    // `styrgraf` runs plain JavaScript too, and finds the parse worker and the Cypher files where the server does.
    entryPoints: { main: 'src/main.ts', styrgraf: '../../packages/cli/src/run.ts', 'parse-worker': '../../packages/model/src/parse-worker.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // The server's own npm dependencies stay imports; the workspace packages (and theirs) are bundled.
    // Two must stay imports whatever bundles them: tinypool starts its threads from files of its own
    // package (entry/worker.js beside its index), and esbuild (the model bundles its parse worker with it
    // when run from sources, never from dist) is a native binary. Both are the server's dependencies.
    external: [...Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@styrgraf/')), 'tinypool', 'esbuild'],
    // A bundled CommonJS package may require() Node's modules; an ES module has no require of its own.
    banner: { js: "import { createRequire as __styrgrafRequire } from 'node:module'; const require = __styrgrafRequire(import.meta.url);" },
    logLevel: quiet ? 'error' : 'warning',
  });
  for (const [from, to] of ASSETS) cpSync(join(repoRoot, from), join(distDir, to), { recursive: true });
}

export const { sourceHash, buildIfStale } = staleBuild({ name: 'server', root: repoRoot, inputs, distDir, entry: 'main.js', build: buildServer });

runIfMain(import.meta.url, 'server', buildIfStale);
