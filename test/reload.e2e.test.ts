import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnServer, type SpawnedServer } from './helpers/server.ts';

/**
 * Live data editing end to end: the server as `pnpm start --watch` runs it, on
 * a copy of graph/, edited on disk while it serves. Each step waits for the
 * reload it caused by polling /health (never by sleeping a guessed time).
 */
const root = fileURLToPath(new URL('..', import.meta.url));

interface Health {
  dataset: { digest: string };
  counts: { entities: number };
  reload: {
    watching: string;
    state: 'ok' | 'invalid';
    digest: string;
    loadedAt: string;
    reloads: number;
    lastError: { at: string; issues: { code: string; file: string; line: number; field: string; message: string }[] } | null;
  };
}

let dir: string;
let server: SpawnedServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrgraf-watch-'));
  await cp(join(root, 'graph'), dir, { recursive: true });
  server = await spawnServer(['--watch'], { GRAPH_DIR: dir });
});
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function health(): Promise<Health> {
  const response = await fetch(new URL('health', server.url));
  expect(response.status).toBe(200);
  return (await response.json()) as Health;
}

async function until(what: string, condition: (h: Health) => boolean): Promise<Health> {
  const started = Date.now();
  for (;;) {
    const h = await health();
    if (condition(h)) return h;
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting for ${what}; /health says ${JSON.stringify(h.reload)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

const VERSION = /* GraphQL */ `
  {
    about {
      digest
      entityCount
    }
    entity(id: "kommundirektor") {
      name
    }
    entities(kinds: [ORGANISATION]) {
      totalCount
    }
  }
`;
type Version = { about: { digest: string; entityCount: number }; entity: { name: string }; entities: { totalCount: number } };

async function version(): Promise<Version> {
  const { status, body } = await gql<Version>(server.url, VERSION);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const EXTRA = `entities:
  - id: provforbundet
    kind: ORGANISATION
    subtype: kommunalförbund
    name: { sv: Provförbundet, en: Test Federation }
    confidence: MEDIUM
    sources:
      - https://norrkoping.se/
`;

describe('pnpm start --watch', () => {
  it('reports what it watches on /health', async () => {
    const h = await health();
    // /health shows the directory without its machine path (issue 14); the log says where it is.
    expect(h.reload).toMatchObject({ watching: `…/${basename(dir)}`, state: 'ok', digest: h.dataset.digest, reloads: 0, lastError: null });
    expect(server.output().stdout).toContain(`Watching ${dir}`);
  });

  it('answers with an edited label once the file is saved', async () => {
    const before = await version();
    expect(before.entity.name).toBe('Kommundirektör');
    await edit('entities/roles.yaml', 'name: { sv: Kommundirektör,', 'name: { sv: Stadsdirektör,');
    const h = await until('the edit to be served', (x) => x.reload.digest !== before.about.digest);
    expect(h.reload).toMatchObject({ state: 'ok', reloads: 1, lastError: null });
    const after = await version();
    expect(after.entity.name).toBe('Stadsdirektör');
    expect(after.about.digest).toBe(h.reload.digest);
    expect(server.output().stdout).toContain(`reloaded ${dir}: digest ${h.reload.digest}`);
  });

  it('keeps serving the last good graph after a bad edit, names the file and line, and recovers when it is fixed', async () => {
    const good = await version();
    await edit('relations/ownership.yaml', 'to: nodra-ab', 'to: nodra');
    const broken = await until('the bad edit to be reported', (x) => x.reload.state === 'invalid');
    expect(await version()).toEqual(good);
    expect(broken.dataset.digest).toBe(good.about.digest);
    expect(broken.reload.digest).toBe(good.about.digest);
    expect(broken.reload.lastError?.issues).toEqual([
      {
        code: 'DANGLING_REFERENCE',
        file: 'relations/ownership.yaml',
        line: expect.any(Number) as number,
        field: expect.stringMatching(/^relations\[\d+\]\.to$/) as string,
        message: 'unknown entity "nodra" (did you mean "nodra-ab"?)',
      },
    ]);
    const line = broken.reload.lastError!.issues[0]!.line;
    expect(line).toBeGreaterThan(0);
    // The line named is the one that holds the bad reference.
    const lines = (await readFile(join(dir, 'relations/ownership.yaml'), 'utf8')).split('\n');
    expect(lines[line - 1]).toContain('to: nodra');
    expect(server.output().stderr).toContain(`relations/ownership.yaml:${line}`);
    expect(server.output().stderr).toContain(`still serving digest ${good.about.digest}`);

    await edit('relations/ownership.yaml', 'to: nodra\n', 'to: nodra-ab\n');
    const fixed = await until('the fix to be seen', (x) => x.reload.state === 'ok');
    expect(fixed.reload).toMatchObject({ digest: good.about.digest, lastError: null });
    expect(await version()).toEqual(good);
  });

  it('gives every concurrent request one whole version of the graph while it is reloaded again and again', async () => {
    const seen: Version[] = [];
    const versions = new Map<string, { name: string; entities: number; organisations: number }>();
    const current = await version();
    versions.set(current.about.digest, { name: current.entity.name, entities: current.about.entityCount, organisations: current.entities.totalCount });

    let editing = true;
    const client = async () => {
      while (editing) seen.push(await version());
    };
    const clients = Array.from({ length: 6 }, client);
    // Each step changes a label or the number of entities (a file added or removed), so each version differs in what a request reads.
    const steps: [string, () => Promise<void>][] = [
      ['Förvaltningsdirektör', () => edit('entities/roles.yaml', 'name: { sv: Stadsdirektör,', 'name: { sv: Förvaltningsdirektör,')],
      ['Förvaltningsdirektör', () => writeFile(join(dir, 'entities/extra.yaml'), EXTRA)],
      ['Kommundirektör', () => edit('entities/roles.yaml', 'name: { sv: Förvaltningsdirektör,', 'name: { sv: Kommundirektör,')],
      ['Kommundirektör', () => rm(join(dir, 'entities/extra.yaml'))],
      ['Stadsdirektör', () => edit('entities/roles.yaml', 'name: { sv: Kommundirektör,', 'name: { sv: Stadsdirektör,')],
    ];
    try {
      let previous = current.about.digest;
      for (const [name, step] of steps) {
        await step();
        const h = await until(`the edit to ${name} to be served`, (x) => x.reload.state === 'ok' && x.reload.digest !== previous);
        previous = h.reload.digest;
        // Read the version's content once it is in service (the clients keep reading meanwhile).
        const now = await version();
        expect(now.about.digest).toBe(previous);
        expect(now.entity.name).toBe(name);
        versions.set(previous, { name: now.entity.name, entities: now.about.entityCount, organisations: now.entities.totalCount });
      }
    } finally {
      editing = false;
      await Promise.all(clients);
    }

    // The last step returns to the content the test began with, and so to its digest.
    expect(versions.size).toBe(steps.length);
    expect(new Set([...versions.values()].map((v) => v.entities)).size).toBe(2);
    expect(seen.length).toBeGreaterThan(20);
    for (const answer of seen) {
      // Digest, label and both counts of one answer are those of one version.
      expect({ digest: answer.about.digest, ...versions.get(answer.about.digest) }).toEqual({
        digest: answer.about.digest,
        name: answer.entity.name,
        entities: answer.about.entityCount,
        organisations: answer.entities.totalCount,
      });
    }
    expect(new Set(seen.map((a) => a.about.digest)).size).toBeGreaterThan(2);
  }, 60_000);
});

describe('--watch with Neo4j', () => {
  it('is refused with a message that says what to do instead', async () => {
    const started = spawnServer(['--watch'], { STORE: 'neo4j', NEO4J_URI: 'bolt://localhost:7687', NEO4J_PASSWORD: 'x' });
    await expect(started).rejects.toThrow(/reloads graph\/ into the embedded store only; with STORE=neo4j, run `pnpm graph:load` after an edit instead/);
  });

  it('refuses an unknown option', async () => {
    await expect(spawnServer(['--wacth'])).rejects.toThrow(/Unknown option '--wacth'/);
  });
});
