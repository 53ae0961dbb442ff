import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { staleBuild } from '../scripts/build-if-stale.mjs';

/**
 * `pnpm start`, `pnpm test` and the `styrgraf` command build the web app and
 * the server only when their sources changed: a hash of the sources' contents
 * stamped into dist/. One script does it for both (scripts/build-if-stale.mjs);
 * here it builds a small project of its own, so the test can change sources
 * without touching the repository's.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let project: string;
let builds = 0;
let builder: ReturnType<typeof staleBuild>;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'styrgraf-stale-'));
  await mkdir(join(project, 'src'));
  await writeFile(join(project, 'src/main.ts'), 'export const answer = 1;\n');
  await writeFile(join(project, 'src/main.test.ts'), 'it.todo("x");\n');
  builder = staleBuild({
    name: 'demo',
    root: project,
    inputs: ['src', 'package.json'],
    distDir: join(project, 'dist'),
    entry: 'out.js',
    build: async () => {
      builds++;
      await mkdir(join(project, 'dist'), { recursive: true });
      await writeFile(join(project, 'dist/out.js'), await readFile(join(project, 'src/main.ts')));
    },
  });
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('build if stale', () => {
  it('builds when there is no build, and not again while the sources are the same', async () => {
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: true });
    expect(await readFile(join(project, 'dist/.source-hash'), 'utf8')).toBe(`${builder.sourceHash()}\n`);
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: false });
    expect(builds).toBe(1);
  });

  it('rebuilds a stale build: a source changed, or a new input appeared', async () => {
    await writeFile(join(project, 'src/main.ts'), 'export const answer = 2;\n');
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: true });
    expect(await readFile(join(project, 'dist/out.js'), 'utf8')).toBe('export const answer = 2;\n');
    await writeFile(join(project, 'package.json'), '{}\n');
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: true });
    expect(builds).toBe(3);
  });

  it('leaves a fresh build alone when files are only touched, or a test beside the code changes', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(join(project, 'src/main.ts'), later, later);
    await writeFile(join(project, 'src/main.test.ts'), 'it.todo("y");\n');
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: false });
    expect(builds).toBe(3);
  });

  it('rebuilds when the build it stamped is gone, and when forced', async () => {
    await rm(join(project, 'dist/out.js'));
    expect(await builder.buildIfStale({ quiet: true })).toEqual({ built: true });
    expect(await builder.buildIfStale({ quiet: true, force: true })).toEqual({ built: true });
    expect(builds).toBe(5);
  });

  it('says what it did unless told to be quiet', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await builder.buildIfStale({ quiet: true });
      expect(log).not.toHaveBeenCalled();
      await builder.buildIfStale();
      expect(log.mock.calls.map((c) => c.join(' '))).toEqual([`demo: ${join(project, 'dist')} is up to date`]);
    } finally {
      log.mockRestore();
    }
  });
});

describe("the web app's and the server's builds", () => {
  // The command line builds the server silently before every command (packages/cli/bin/styrgraf.mjs), so that
  // only the command's own answer reaches stdout: with the build fresh, --quiet prints nothing at all.
  it.each(['apps/server/scripts/build-if-stale.mjs', 'apps/web/scripts/build-if-stale.mjs'])(
    '%s --quiet prints nothing once the build is fresh',
    async (script) => {
      const run = () => promisify(execFile)(process.execPath, [join(root, script), '--quiet'], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
      await run();
      expect(await run()).toEqual({ stdout: '', stderr: '' });
    },
  );
});
