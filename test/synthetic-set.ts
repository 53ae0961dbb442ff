import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A synthetic multi-municipality data set in a temporary directory, written
 * by `graph:generate` (as `pnpm bench` does for the national set, seed 7),
 * for the tests that need more data than Norrköping holds.
 */
export async function generateSet(municipalities: number, seed = 7): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `styrgraf-synthetic-${municipalities}-`));
  await promisify(execFile)(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'packages/cli/src/run.ts'), 'generate', '--municipalities', String(municipalities), '--seed', String(seed), '--out', dir],
    { cwd: root },
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
