import { cp, mkdtemp, rm, symlink, unlink, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue } from './errors.ts';
import { loadDataset, parseDataset, readDatasetFiles } from './load.ts';

/**
 * What reading a data directory makes of files that are not plain files, and
 * of YAML built to exhaust the reader: every file is read or refused with a
 * clear error naming it, never skipped, never a crash.
 */
const graph = fileURLToPath(new URL('../../../graph', import.meta.url));
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'styrgraf-files-'));
  await cp(graph, join(dir, 'graph'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('symbolic links in a data directory', () => {
  it('reads a symlinked file as the file it points to: nothing is left out', async () => {
    const original = await loadDataset(join(dir, 'graph'));
    if (!original.ok) throw new Error('graph/ must load');
    // The ownership relations kept elsewhere and linked in, as a deployment might.
    await cp(join(dir, 'graph/relations/ownership.yaml'), join(dir, 'ownership.yaml'));
    await unlink(join(dir, 'graph/relations/ownership.yaml'));
    await symlink(join(dir, 'ownership.yaml'), join(dir, 'graph/relations/ownership.yaml'));
    const linked = await loadDataset(join(dir, 'graph'));
    if (!linked.ok) throw new Error(linked.issues.map(formatIssue).join('\n'));
    expect(linked.dataset.relations.length).toBe(original.dataset.relations.length);
    expect(linked.dataset.relations.filter((r) => r.family === 'OWNERSHIP').length).toBeGreaterThan(0);
    expect(linked.dataset.digest).toBe(original.dataset.digest);
  });

  it('refuses a link that points nowhere, naming it', async () => {
    await symlink(join(dir, 'no-such-file.yaml'), join(dir, 'graph/relations/extra.yaml'));
    const result = await loadDataset(join(dir, 'graph'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'IO',
        file: 'relations/extra.yaml',
        message: expect.stringMatching(/symbolic link to .*no-such-file\.yaml.*does not exist/),
      }),
    ]);
  });

  it('refuses a link to a directory, naming it, rather than skip what is in it', async () => {
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'more/x.yaml'), 'entities: []\n');
    await symlink(join(dir, 'more'), join(dir, 'graph/more'));
    const result = await loadDataset(join(dir, 'graph'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ code: 'IO', file: 'more', message: expect.stringMatching(/symbolic link to a directory/) })]);
  });
});

describe('a YAML alias bomb', () => {
  it('is a clean error naming the file, not a crash', () => {
    // Each level repeats the one before it nine times: a billion laughs in a few lines.
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const bomb = `meta:\n  id: bomb\n  name: { sv: Bomb, en: Bomb }\n  version: "1"\nx:\n  ${levels.join('\n  ')}\n`;
    const result = parseDataset([{ path: 'bomb.yaml', content: bomb }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'YAML_SYNTAX', file: 'bomb.yaml', message: expect.stringMatching(/aliases/) });
  });
});

describe('the lines of problems found across files, in a data set read from disk', () => {
  it('are those of the files as written, found again from the text kept after parsing', async () => {
    // A Swedish letter before the duplicate, so that a line counted in bytes rather than characters would come out wrong.
    const text = `# Åter: en post som redan finns i graph/ (ö, ä, å)\nentities:\n  - id: kommunstyrelsen\n    kind: POLITICAL_BODY\n    name: { sv: Kommunstyrelsen igen, en: The board again }\n    confidence: HIGH\n    sources: [https://example.org/ks]\n`;
    await writeFile(join(dir, 'graph', 'zz-igen.yaml'), text);
    const result = await loadDataset(join(dir, 'graph'));
    if (result.ok) throw new Error('expected the duplicate to be refused');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'DUPLICATE_ID', file: 'zz-igen.yaml', line: 3, field: 'entities[0].id' });
    // The same issues, to the letter, as from the files' texts held in memory.
    const fromText = parseDataset(await readDatasetFiles(join(dir, 'graph')));
    expect(fromText.ok ? [] : fromText.issues).toEqual(result.issues);
  });
});
