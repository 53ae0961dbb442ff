import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/styrgraf.mjs');

/** The `styrgraf` command as an operator runs it: plain `node` on the bin, no TypeScript loader anywhere. */
function styrgraf(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // vitest's own loader hooks must not be what makes the command work
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('the styrgraf command, built', () => {
  it('validates graph/ from built JavaScript, printing nothing but the answer on stdout', async () => {
    const result = await styrgraf(['validate', join(root, 'graph'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as { ok: boolean; dataset: { digest: string } };
    expect(answer.ok).toBe(true);
    expect(answer.dataset.digest).toBe((await loadDatasetOrThrow(join(root, 'graph'))).digest);
  });

  it('refuses a broken copy with exit 1, naming the file and line, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'styrgraf-cli-built-'));
    dirs.push(dir);
    await cp(join(root, 'graph'), join(dir, 'graph'), { recursive: true });
    const file = join(dir, 'graph/relations/ownership.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('to: nodra-ab', 'to: nodra'));
    const out = join(dir, 'out.csv');
    const result = await styrgraf(['export', 'csv', join(dir, 'graph'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/relations\/ownership\.yaml:\d+ relations\[\d+\]\.to: unknown entity "nodra"/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('generates a synthetic set and validates it, the digest the same as the model gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'styrgraf-cli-built-'));
    dirs.push(dir);
    const generated = await styrgraf(['generate', '--municipalities', '2', '--seed', '5', '--out', join(dir, 'set'), '--json']);
    expect(generated.code, generated.stderr).toBe(0);
    const validated = await styrgraf(['validate', join(dir, 'set'), '--json']);
    expect(validated.code, validated.stderr).toBe(0);
    expect((JSON.parse(validated.stdout) as { dataset: { digest: string } }).dataset.digest).toBe((await loadDatasetOrThrow(join(dir, 'set'))).digest);
  });
});
