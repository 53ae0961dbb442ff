import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `styrgraf check` (`pnpm graph:check`) as a user runs it: a real process, its output and its exit code. */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'packages/cli/src/run.ts'), 'check', ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function copyOfGraph(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'styrgraf-check-'));
  temps.push(dir);
  await cp(join(root, 'graph'), dir, { recursive: true });
  return dir;
}

describe('styrgraf check', () => {
  it('reports Norrköping: no rule fails, the open questions warn, exit 0', async () => {
    const { code, stdout } = await check(['graph', '--as-of', '2025-06-01']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Regelkontroller för Norrköpings kommun \(version [^)]+\), per 2025-06-01\n/);
    expect(stdout).toContain('✓ GODKÄNT Vidaredelegering bara där nämnden tillåtit det, och inom förvaltningen [onward-delegation]');
    expect(stdout).toContain('! VARNING Varje beslutsområde har en beslutsfattare [decision-area-decider]');
    expect(stdout).toMatch(/10 kontroller: 5 godkända, 5 med varningar, 0 med fel\.\n$/);
  });

  it('speaks English when asked', async () => {
    const { stdout } = await check(['graph', '--as-of', '2025-06-01', '--lang', 'en']);
    expect(stdout).toContain('! WARNING Ownership is a tree from the municipality [ownership-tree]');
  });

  it('fails, with exit 1, a copy of graph/ where a kontor has lost its head', async () => {
    const dir = await copyOfGraph();
    const file = join(dir, 'relations/reporting.yaml');
    const text = await readFile(file, 'utf8');
    const item = /\n {2}- kind: HEADS\n {4}from: utbildningsdirektor\n {4}to: utbildningskontoret\n(?: {4}.*\n| {6}.*\n)*/;
    expect(item.test(text)).toBe(true);
    await writeFile(file, text.replace(item, '\n'));
    const { code, stdout } = await check([dir, '--as-of', '2025-06-01']);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ FEL     Varje kontor har en chef, så länge det finns [kontor-has-head]');
    expect(stdout).toContain('✗ Utbildningskontoret saknar chef … – ….');
  });

  it('fails a copy where the director passes a delegation on to a company', async () => {
    const dir = await copyOfGraph();
    const file = join(dir, 'relations/decision.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')) +
        '\n  - { kind: SUBDELEGATES_TO, from: kommundirektor, to: vd-hyresbostader, cites: [kdi-vidaredelegation-a1], evidence: { status: INTERPRETED, note: { sv: Planterat., en: Planted. } } }\n',
    );
    const { code, stdout } = await check([dir, '--as-of', '2025-06-01']);
    expect(code).toBe(1);
    expect(stdout).toContain('[onward-delegation]');
    expect(stdout).toContain('✗ VD för Hyresbostäder i Norrköping AB är inte anställd i kommunens förvaltning');
  });

  it('refuses data that does not validate, naming the file and line, before any rule runs', async () => {
    const dir = await copyOfGraph();
    await writeFile(join(dir, 'relations/zz.yaml'), 'relations:\n  - { kind: HEADS, from: kommundirektor, to: nodra-ab, cites: [kdi-vd-radhus] }\n');
    const { code, stdout, stderr } = await check([dir]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('relations/zz.yaml:2 relations[0]:');
    expect(stderr).toContain('[MISSING_EVIDENCE]');
  });

  it('refuses a date it cannot read', async () => {
    const { code, stderr } = await check(['graph', '--as-of', '2025-02-30']);
    expect(code).toBe(2);
    expect(stderr).toContain('--as-of must be a real date');
  });
});
