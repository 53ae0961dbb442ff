/**
 * Builds a part of the project into its dist/ unless the build there was made
 * from exactly the current sources: `pnpm start`, `pnpm test` and the
 * `styrgraf` command call it, so a fresh clone gets a build and an unchanged
 * tree costs a hash, not a build. The stamp (dist/.source-hash) is a hash of
 * the sources' contents, not their times, so a checkout that touches files
 * without changing them does not rebuild. The web app and the server each
 * say what their sources are and how they are built
 * (apps/{web,server}/scripts/build-if-stale.mjs); this file is the rest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);
// Tests beside the code do not change the build.
const NOT_BUILT = /\.test\.tsx?$|__snapshots__/;

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** The repository's folders by their path from its root, as the messages name them; others in full. */
function shown(path) {
  const fromRepo = relative(repoRoot, path);
  return fromRepo.startsWith('..') || isAbsolute(fromRepo) ? path : fromRepo;
}

/**
 * @param {import('./build-if-stale.d.mts').StaleBuildTarget} target
 */
export function staleBuild({ name, root, inputs, distDir, entry, build }) {
  const stampFile = join(distDir, '.source-hash');

  function sourceHash() {
    const hash = createHash('sha256');
    // This file is an input of every build: a change to how staleness is judged must not leave an old build standing.
    hash.update(readFileSync(self)).update('\0');
    for (const file of inputs.flatMap((i) => files(join(root, i)))) {
      if (NOT_BUILT.test(file)) continue;
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    return hash.digest('hex');
  }

  async function buildIfStale({ quiet = false, force = false } = {}) {
    const hash = sourceHash();
    const current = !force && existsSync(stampFile) && existsSync(join(distDir, entry)) ? readFileSync(stampFile, 'utf8').trim() : null;
    if (current === hash) {
      if (!quiet) console.log(`${name}: ${shown(distDir)} is up to date`);
      return { built: false };
    }
    if (!quiet) console.log(current ? `${name}: sources changed, rebuilding ${shown(distDir)} …` : `${name}: building ${shown(distDir)} …`);
    await build({ quiet });
    writeFileSync(stampFile, `${hash}\n`);
    if (!quiet) console.log(`${name}: built`);
    return { built: true };
  }

  return { sourceHash, buildIfStale };
}

/** Runs `buildIfStale` when `moduleUrl` is the script node was started with: `--force` rebuilds, `--quiet` prints only a failure. */
export function runIfMain(moduleUrl, name, buildIfStale) {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  buildIfStale({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') }).catch((error) => {
    console.error(`${name}: the build failed:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
