#!/usr/bin/env node
/**
 * Builds the explorer into apps/web/dist unless the build there was made from
 * exactly the current sources: `pnpm start` and `pnpm test` call it, so a
 * fresh clone gets a build and an unchanged tree costs a hash, not a build.
 * The stamp is a hash of the sources' contents, not their times, so a
 * checkout that touches files without changing them does not rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(webDir, 'dist');
const stampFile = join(distDir, '.source-hash');
// The shared folding (packages/text) is bundled into the app, so its source is an input too.
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts/precompress.mjs', 'package.json', '../../packages/text/src'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((i) => files(join(webDir, i)))) {
    // Tests beside the code do not change the build.
    if (/\.test\.tsx?$/.test(file)) continue;
    hash.update(relative(webDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildIfStale({ quiet = false, force = false } = {}) {
  const hash = sourceHash();
  const current = force ? null : existsSync(stampFile) && existsSync(join(distDir, 'index.html')) ? readFileSync(stampFile, 'utf8').trim() : null;
  if (current === hash) {
    if (!quiet) console.log('web: apps/web/dist is up to date');
    return { built: false };
  }
  if (!quiet) console.log(current ? 'web: sources changed, rebuilding apps/web/dist …' : 'web: building apps/web/dist …');
  const { build } = await import('vite');
  // Vite follows NODE_ENV when it is set: a build started inside vitest (NODE_ENV=test) would ship React's
  // development build. What is served is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webDir, configFile: join(webDir, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'error' : 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stampFile, `${hash}\n`);
  if (!quiet) console.log('web: built');
  return { built: true };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildIfStale({ force: process.argv.includes('--force') }).catch((error) => {
    console.error('web: the build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
