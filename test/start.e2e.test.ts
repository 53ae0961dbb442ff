import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startOrRefuse } from './helpers/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('starting the server', () => {
  it('starts on the embedded store and answers /health', async () => {
    const { server, stderr } = await startOrRefuse();
    expect(server, stderr).toBeDefined();
    try {
      const health = await fetch(new URL('health', server!.url));
      expect(health.status).toBe(200);
      expect(((await health.json()) as { dataset: { id: string } }).dataset.id).toBe('norrkoping');
    } finally {
      await server?.stop();
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
    const result = await startOrRefuse([], { GRAPH_DIR: dir });
    await result.server?.stop();
    expect(result.server).toBeUndefined();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/The governance data in .* is invalid \(\d+ errors\)/);
    expect(result.stderr).toMatch(/relations\/ownership\.yaml:\d+ relations\[\d+\]\.to: unknown entity "nodra" \(did you mean "nodra-ab"\?\)/);
    expect(result.stderr).toMatch(/extra\.yaml:2 entities\[0\]\.name: is required/);
  });

  it('refuses bad settings with one clear message', async () => {
    const result = await startOrRefuse([], { PORT: 'fyra', STORE: 'postgres' });
    await result.server?.stop();
    expect(result.server).toBeUndefined();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT must be a whole number');
    expect(result.stderr).toContain('STORE must be "memory" or "neo4j"');
  });
});
