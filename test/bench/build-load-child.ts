/**
 * Builds load-child.ts as production runs the server: one esbuild bundle of
 * plain JavaScript (apps/server/scripts/build.mjs bundles the server the same
 * way), with the parse worker beside it, so that the bench's load is timed in
 * a process that starts as `node apps/server/dist/main.js` does — not under
 * tsx, whose loader and compile-on-import add ~50 MB of resident memory and
 * their own start-up to every figure.
 */
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

/**
 * tinypool starts its threads from files of its own package, so it stays an
 * import; the bundle lives outside any package, so that import is written as
 * the absolute path of the copy the model resolves.
 */
function externalFromModel(root: string, names: string[]): Plugin {
  const requireFromModel = createRequire(join(root, 'packages/model/package.json'));
  return {
    name: 'external-from-model',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: requireFromModel.resolve(args.path), external: true }));
    },
  };
}

/** Writes `<root>/.artifacts/bench-load/load-child.js` (and parse-worker.js beside it); returns the former's path. */
export async function buildLoadChild(root: string): Promise<string> {
  const outdir = join(root, '.artifacts/bench-load');
  await build({
    absWorkingDir: root,
    entryPoints: { 'load-child': 'test/bench/load-child.ts', 'parse-worker': 'packages/model/src/parse-worker.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // esbuild is only imported when the model runs from sources (parse-worker-entry.ts); never from a bundle.
    external: ['esbuild'],
    plugins: [externalFromModel(root, ['tinypool'])],
    banner: { js: "import { createRequire as __styrgrafRequire } from 'node:module'; const require = __styrgrafRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The Neo4j adapter reads its Cypher from beside its code when the store's module is imported, as in the server's dist/.
  cpSync(join(root, 'packages/store/src/neo4j/cypher'), join(outdir, 'cypher'), { recursive: true });
  return join(outdir, 'load-child.js');
}
