import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStyrgrafYoga, type StyrgrafYoga } from './app.ts';
import { repoRoot } from './config.ts';
import { createReloadingStore, type ReloadingStore } from './reload.ts';

let dir: string;
let store: ReloadingStore;
let yoga: StyrgrafYoga;
const log = { log: vi.fn(), warn: vi.fn() };

const QUERY = /* GraphQL */ `
  {
    about {
      digest
    }
    entity(id: "kommundirektor") {
      name
    }
  }
`;
async function ask(): Promise<{ digest: string; name: string }> {
  const response = await yoga.fetch('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data: { about: { digest: string }; entity: { name: string } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { digest: body.data.about.digest, name: body.data.entity.name };
}

const roles = () => join(dir, 'entities/roles.yaml');
async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(file, next);
}
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrgraf-reload-'));
  await cp(join(repoRoot, 'graph'), dir, { recursive: true });
  log.log.mockClear();
  log.warn.mockClear();
});
afterEach(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('live reload', () => {
  it('serves a good edit once the file is saved', async () => {
    store = await createReloadingStore(dir, { initial: await loadDatasetOrThrow(dir), debounceMs: 50, log });
    yoga = createStyrgrafYoga(store);
    const before = await ask();
    expect(before.name).toBe('Kommundirektör');
    await edit(roles(), 'name: { sv: Kommundirektör,', 'name: { sv: Stadsdirektör,');
    await until(() => store.reloadStatus().reloads === 1, 'the reload');
    const after = await ask();
    expect(after.name).toBe('Stadsdirektör');
    expect(after.digest).not.toBe(before.digest);
    expect(store.reloadStatus()).toMatchObject({ state: 'ok', digest: after.digest, lastError: null });
    expect(log.log).toHaveBeenCalledWith(expect.stringContaining(`digest ${after.digest}`));
  });

  it('keeps serving the last good graph after a bad edit, reports the problems, and recovers when they are fixed', async () => {
    store = await createReloadingStore(dir, { initial: await loadDatasetOrThrow(dir), debounceMs: 50, log });
    yoga = createStyrgrafYoga(store);
    const before = await ask();
    const ownership = join(dir, 'relations/ownership.yaml');
    await edit(ownership, 'to: nodra-ab', 'to: nodra');
    await until(() => store.reloadStatus().state === 'invalid', 'the failed reload');
    expect(await ask()).toEqual(before);
    const status = store.reloadStatus();
    expect(status).toMatchObject({ state: 'invalid', digest: before.digest, reloads: 0 });
    expect(status.lastError?.issues).toEqual([
      expect.objectContaining({
        code: 'DANGLING_REFERENCE',
        file: 'relations/ownership.yaml',
        field: expect.stringMatching(/^relations\[\d+\]\.to$/),
        message: 'unknown entity "nodra" (did you mean "nodra-ab"?)',
      }),
    ]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/relations\/ownership\.yaml:\d+ relations\[\d+\]\.to: unknown entity "nodra"/));

    await edit(ownership, 'to: nodra\n', 'to: nodra-ab\n');
    await until(() => store.reloadStatus().state === 'ok', 'the fixed data');
    expect(store.reloadStatus()).toMatchObject({ state: 'ok', digest: before.digest, lastError: null });
    expect(await ask()).toEqual(before);
  });

  it('never lets one answer mix two versions of the graph, however many swaps happen under load', async () => {
    store = await createReloadingStore(dir, { initial: await loadDatasetOrThrow(dir), watch: false, log });
    yoga = createStyrgrafYoga(store);
    const nameOf = new Map<string, string>();
    nameOf.set((await ask()).digest, 'Kommundirektör');
    const answers: { digest: string; name: string }[] = [];
    let swapping = true;
    const hammer = async () => {
      while (swapping) {
        answers.push(await ask());
        // An in-process answer can complete in microtasks alone; let the reload's file reads and timers in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const clients = Array.from({ length: 8 }, hammer);
    const names = ['Stadsdirektör', 'Kommundirektör', 'Förvaltningschef', 'Kommundirektör', 'Stadsdirektör'];
    let previous = 'Kommundirektör';
    try {
      for (const name of names) {
        await edit(roles(), `name: { sv: ${previous},`, `name: { sv: ${name},`);
        previous = name;
        await store.reload();
        nameOf.set(store.reloadStatus().digest, name);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      swapping = false;
      await Promise.all(clients);
    }
    expect(store.reloadStatus().reloads).toBe(names.length);
    expect(answers.length).toBeGreaterThan(50);
    // Every answer is wholly one version: its name is the one its digest was loaded with.
    for (const answer of answers) expect(answer.name).toBe(nameOf.get(answer.digest));
    expect(new Set(answers.map((a) => a.digest)).size).toBeGreaterThan(1);
  });

  it('survives the watched directory being deleted and created again, as rsync or a checkout does, and recovers when valid files are back', async () => {
    store = await createReloadingStore(dir, { initial: await loadDatasetOrThrow(dir), debounceMs: 50, log });
    yoga = createStyrgrafYoga(store);
    const before = await ask();
    await rm(dir, { recursive: true, force: true });
    await until(() => store.reloadStatus().state === 'invalid', 'the directory to be missed');
    // The last good graph is still served.
    expect(await ask()).toEqual(before);
    await cp(join(repoRoot, 'graph'), dir, { recursive: true });
    await edit(roles(), 'name: { sv: Kommundirektör,', 'name: { sv: Stadsdirektör,');
    await until(() => store.reloadStatus().state === 'ok' && store.reloadStatus().reloads === 1, 'the recreated directory to be loaded');
    expect((await ask()).name).toBe('Stadsdirektör');
    // And it is watched again: a later edit is seen.
    await edit(roles(), 'name: { sv: Stadsdirektör,', 'name: { sv: Förvaltningschef,');
    await until(() => store.reloadStatus().reloads === 2, 'an edit after the recreation');
    expect((await ask()).name).toBe('Förvaltningschef');
  }, 30_000);
});
