#!/usr/bin/env node
/**
 * Builds the explorer into apps/web/dist unless the build there was made from
 * exactly the current sources. The staleness check is
 * scripts/build-if-stale.mjs, shared with the server's build; this file says
 * what the explorer's sources are and how Vite builds them.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runIfMain, staleBuild } from '../../../scripts/build-if-stale.mjs';

const webDir = fileURLToPath(new URL('..', import.meta.url));
// The shared folding (packages/text) is bundled into the app, so its source is an input too.
const inputs = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/build-if-stale.mjs',
  'scripts/precompress.mjs',
  'package.json',
  '../../packages/text/src',
];

async function buildWeb({ quiet }) {
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
}

export const { sourceHash, buildIfStale } = staleBuild({
  name: 'web',
  root: webDir,
  inputs,
  distDir: join(webDir, 'dist'),
  entry: 'index.html',
  build: buildWeb,
});

runIfMain(import.meta.url, 'web', buildIfStale);
