import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = join(root, 'apps/server/src/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');

/** Runs the server as `pnpm start` does, until it prints its address or exits. */
function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; url?: string; stop: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [main], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, cwd: root });
    let stdout = '';
    let stderr = '';
    const stop = () => child.kill('SIGTERM');
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+\/)/.exec(stdout);
      if (match) resolve({ code: null, stdout, stderr, url: match[1], stop });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, stop }));
  });
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('starting the server', () => {
  it('starts on the embedded store and answers /health', async () => {
    const started = await run({ PORT: '0' });
    try {
      expect(started.url).toBeDefined();
      const health = await fetch(new URL('health', started.url));
      expect(health.status).toBe(200);
      expect(((await health.json()) as { dataset: { id: string } }).dataset.id).toBe('norrkoping');
    } finally {
      started.stop();
    }
  });

  it('refuses to start on a bad data set and lists every problem with file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'styrgraf-bad-'));
    dirs.push(dir);
    await cp(join(root, 'graph'), dir, { recursive: true });
    const file = join(dir, 'relations/ownership.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('to: nodra-ab', 'to: nodra'));
    await writeFile(join(dir, 'extra.yaml'), 'entities:\n  - id: x\n    kind: ROLE\n');
    const result = await run({ PORT: '0', GRAPH_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.url).toBeUndefined();
    expect(result.stderr).toMatch(/The governance data in .* is invalid \(\d+ errors\)/);
    expect(result.stderr).toMatch(/relations\/ownership\.yaml:\d+ relations\[\d+\]\.to: unknown entity "nodra" \(did you mean "nodra-ab"\?\)/);
    expect(result.stderr).toMatch(/extra\.yaml:2 entities\[0\]\.name: is required/);
  });

  it('refuses bad settings with one clear message', async () => {
    const result = await run({ PORT: 'fyra', STORE: 'postgres' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
    expect(result.stderr).toContain('STORE must be "memory" or "neo4j"');
  });
});
