import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `styrgraf` as a user runs it: the bin in its own process, its output and its exit code. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

function styrgraf(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(root, 'packages/cli/bin/styrgraf.mjs'), args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 1e8 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `styrgraf-cli-${prefix}-`));
  temps.push(dir);
  return dir;
}

const COMMANDS = ['validate', 'check', 'export', 'diff', 'load', 'export-neo4j', 'generate', 'serve'];

describe('styrgraf', () => {
  it('lists every command in one help text, and explains each with --help', { timeout: 120_000 }, async () => {
    const { code, stdout } = await styrgraf(['--help']);
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    for (const name of COMMANDS) {
      const help = await styrgraf([name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`usage: styrgraf ${name}`);
    }
  });

  it('answers an unknown command or option with exit 2 and the usage', async () => {
    const unknown = await styrgraf(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('styrgraf: no command "frobnicate"');
    const option = await styrgraf(['validate', '--strict-mode']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--strict-mode'");
    expect(option.stderr).toContain('usage: styrgraf validate [dir] [--json]');
  });

  it('validate --json: the counts of Norrköping, exit 0; a broken copy: its problems with file and line, exit 1', async () => {
    const good = await styrgraf(['validate', 'graph', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, dataset: { id: 'norrkoping' }, entities: { DECISION_AREA: 16, COMPANY: 11 } });
    const dir = await temp('broken');
    await cp(join(root, 'graph'), dir, { recursive: true });
    await writeFile(join(dir, 'relations/zz.yaml'), 'relations:\n  - { kind: HEADS, from: kommundirektor, to: nodra-ab, cites: [kdi-vd-radhus] }\n');
    const bad = await styrgraf(['validate', dir, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, issues: [{ code: 'MISSING_EVIDENCE', file: 'relations/zz.yaml', line: 2 }] });
  });

  it('export, load and check on a broken copy: its problems with file and line on stderr, exit 1, nothing written and no database asked', async () => {
    const dir = await temp('broken-read');
    await cp(join(root, 'graph'), dir, { recursive: true });
    await writeFile(join(dir, 'relations/zz.yaml'), 'relations:\n  - { kind: HEADS, from: kommundirektor, to: nodra-ab, cites: [kdi-vd-radhus] }\n');
    const out = join(await temp('broken-out'), 'ks.graphml');
    const unreachable = { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' };
    for (const args of [
      ['export', 'graphml', dir, '--out', out],
      ['load', dir],
      ['check', dir],
    ]) {
      const { code, stdout, stderr } = await styrgraf(args, unreachable);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toMatch(/✗ .*: 1 problem\n {2}relations\/zz\.yaml:2 /);
      expect(stdout, args.join(' ')).not.toContain('✓');
    }
    expect((await styrgraf(['check', dir])).stderr).toContain('fix them before the rules can run (styrgraf validate)');
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('export graphml --out: a file graphology reads, as of the date, with progress on stderr', async () => {
    const out = join(await temp('graphml'), 'ks.graphml');
    const { code, stdout, stderr } = await styrgraf([
      'export',
      'graphml',
      '--as-of',
      '2025-06-01',
      '--families',
      'ownership',
      '--kinds',
      'company,political_body',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('Writing GraphML …');
    expect(stdout).toContain(`✓ ${out} (GraphML,`);
    const graph = parseGraphml(Graph, await readFile(out, 'utf8'));
    expect(graph.hasEdge('norrkoping-radhus-ab.owns.nodra-ab')).toBe(true);
    expect(new Set(graph.mapEdges((_e, a: { family?: string }) => a.family))).toEqual(new Set(['OWNERSHIP']));
  });

  it('export csv --out DIR --json: both files, named after the data set and the date', async () => {
    const dir = await temp('csv');
    const { code, stdout } = await styrgraf(['export', 'csv', '--as-of', '2025-06-01', '--out', dir, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { entities: number; relations: number; written: { file: string }[] };
    expect(report.written.map((w) => w.file)).toEqual([join(dir, 'norrkoping-2025-06-01.nodes.csv'), join(dir, 'norrkoping-2025-06-01.edges.csv')]);
    const edges = parseCsv(await readFile(join(dir, 'norrkoping-2025-06-01.edges.csv'), 'utf8'), { bom: true, columns: true });
    expect(edges.length).toBe(report.relations);
  });

  it('export to stdout, and a bad filter refused with exit 2', async () => {
    const popolo = await styrgraf(['export', 'popolo', '--as-of', '2025-06-01']);
    expect(popolo.code).toBe(0);
    expect((JSON.parse(popolo.stdout) as { organizations: { id: string }[] }).organizations.map((o) => o.id)).toContain('kommunstyrelsen');
    const bad = await styrgraf(['export', 'popolo', '--kinds', 'PERSON']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kinds: unknown "PERSON"');
  });

  it('generate --json: a synthetic municipality that validates', async () => {
    const out = await temp('generate');
    const generated = await styrgraf(['generate', '--municipalities', '1', '--seed', '7', '--out', out, '--json']);
    expect(generated.code).toBe(0);
    expect(JSON.parse(generated.stdout)).toMatchObject({ municipalities: 1, seed: 7 });
    expect(generated.stderr).toContain('Generating 1 synthetic municipalities (seed 7)');
    expect((await styrgraf(['validate', out])).code).toBe(0);
  });

  it('load: a database out of reach is exit 3, and says the database is unchanged', async () => {
    const { code, stderr } = await styrgraf(['load', 'graph'], { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' });
    expect(code).toBe(3);
    expect(stderr).toContain('load failed; the database is unchanged.');
  });
});

describe('styrgraf diff', () => {
  it('shows a planted change in words: a renamed nämnd, a relation gone, one added, a provision reworded', async () => {
    const dir = await temp('diff');
    await cp(join(root, 'graph'), dir, { recursive: true });
    const edit = async (file: string, from: string | RegExp, to: string) => {
      const text = await readFile(join(dir, file), 'utf8');
      const next = text.replace(from, to);
      expect(next).not.toBe(text);
      await writeFile(join(dir, file), next);
    };
    await edit(
      'entities/political-bodies.yaml',
      'name: { sv: Valnämnden, en: Election Committee }',
      'name: { sv: Valnämnden i Norrköping, en: Election Committee }',
    );
    await edit('relations/reporting.yaml', /\n {2}- kind: HEADS\n {4}from: utbildningsdirektor\n {4}to: utbildningskontoret\n(?: {4}.*\n| {6}.*\n)*/, '\n');
    await edit('provisions/instruktion-ks-2021-0005.yaml', 'direktörens övriga uppgifter."', 'direktörens övriga uppgifter och befogenheter."');
    const decisions = join(dir, 'relations/decision.yaml');
    await writeFile(
      decisions,
      (await readFile(decisions, 'utf8')) +
        '\n  - { kind: SUBDELEGATES_TO, from: kommundirektor, to: vd-hyresbostader, cites: [kdi-vidaredelegation-a1], evidence: { status: INTERPRETED, note: { sv: Planterat., en: Planted. } } }\n',
    );

    const { code, stdout } = await styrgraf(['diff', 'graph', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Ändringar från graph \(norrkoping 2026\.2, [0-9a-f]+\) till /);
    expect(stdout).toContain('Entiteter: 0 tillagda, 0 borttagna, 2 ändrade');
    expect(stdout).toContain('  ~ POLITICAL_BODY valnamnden “Valnämnden i Norrköping”\n      name.sv: "Valnämnden" → "Valnämnden i Norrköping"');
    expect(stdout).toContain('Relationer: 1 tillagda, 1 borttagna, 0 ändrade');
    expect(stdout).toMatch(/ {2}\+ kommundirektor\.subdelegates_to\.vd-hyresbostader: Kommundirektören .*VD för Hyresbostäder i Norrköping AB/);
    expect(stdout).toMatch(/ {2}− utbildningsdirektor\.heads\.utbildningskontoret: Utbildningsdirektören leder utbildningskontoret/);
    expect(stdout).toContain('Bestämmelser vars text ändrats: 1\n  ~ kdi-inledning (Inledning)');
    expect(stdout).toContain('      före: "…och direktörens övriga uppgifter."\n      efter: "…och direktörens övriga uppgifter och befogenheter."');
    expect(stdout).toMatch(/\n4 ändringar sammanlagt\.\n$/);

    const json = await styrgraf(['diff', 'graph', dir, '--json']);
    const diff = JSON.parse(json.stdout) as {
      entities: { changed: { id: string; fields: { field: string; before: unknown; after: unknown }[] }[] };
      relations: { added: { id: string }[]; removed: { id: string }[] };
      provisionTexts: { id: string }[];
    };
    expect(diff.entities.changed.find((c) => c.id === 'valnamnden')!.fields).toEqual([
      { field: 'name.sv', before: 'Valnämnden', after: 'Valnämnden i Norrköping' },
    ]);
    expect(diff.relations.added.map((r) => r.id)).toEqual(['kommundirektor.subdelegates_to.vd-hyresbostader']);
    expect(diff.relations.removed.map((r) => r.id)).toEqual(['utbildningsdirektor.heads.utbildningskontoret']);
    expect(diff.provisionTexts.map((p) => p.id)).toEqual(['kdi-inledning']);
  });

  it('finds no difference between graph/ and its committed version in git (REV:PATH), exit 0', async () => {
    const status = await new Promise<string>((resolve) => execFile('git', ['status', '--porcelain', '--', 'graph'], { cwd: root }, (_e, out) => resolve(out)));
    // Only meaningful on a clean graph/; an uncommitted edit there is a difference.
    if (status.trim() !== '') return;
    const { code, stdout } = await styrgraf(['diff', 'HEAD:graph', 'graph', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('No differences: the same content.');
  });

  it('refuses a revision git does not have with exit 2', async () => {
    const { code, stderr } = await styrgraf(['diff', 'no-such-rev:graph', 'graph']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read no-such-rev:graph from git');
  });
});
