import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
const FILES = 600;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrgraf-many-files-'));
  await mkdir(join(dir, 'glossary'));
  await Promise.all(
    Array.from({ length: FILES }, (_, i) =>
      writeFile(
        join(dir, 'glossary', `term-${String(i).padStart(4, '0')}.yaml`),
        `glossary:\n  - id: term-${i}\n    name: { sv: Term ${i}, en: Term ${i} }\n    definition: { sv: Ord ${i}, en: Word ${i} }\n`,
      ),
    ),
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a data directory', () => {
  it('reads more files than the process may hold open at once (the 4× national set has 17,405)', async () => {
    // A process allowed 256 open files reads 600: only so many reads are in flight at once.
    const script = `import { readDatasetFiles } from ${JSON.stringify(join(root, 'packages/model/src/load.ts'))}; const files = await readDatasetFiles(process.env.STYRGRAF_MANY_FILES); console.log(files.length, files[599].path);`;
    const { stdout } = await promisify(execFile)(
      'sh',
      ['-c', 'ulimit -n 256 && exec "$0" --input-type=module -e "$1"', join(root, 'node_modules/.bin/tsx'), script],
      { cwd: root, env: { ...process.env, STYRGRAF_MANY_FILES: dir } },
    );
    expect(stdout.trim()).toBe(`${FILES} glossary/term-0599.yaml`);
  }, 60_000);
});
