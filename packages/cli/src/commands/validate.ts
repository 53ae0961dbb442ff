import { formatIssue, loadDataset } from '@styrgraf/model';
import { EXIT, parse, plural, UsageError, type Command } from '../command.ts';
import { dataDir } from '../data-dir.ts';

export const validate: Command = {
  name: 'validate',
  usage: `styrgraf validate [dir] [--json]
  dir     the data directory (default graph/, or GRAPH_DIR)
  --json  the result as JSON: {ok, dataset, entities, relations} or {ok: false, issues}
Exit 0 when the data is valid, 1 when it is not.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    if (positionals.length > 1) throw new UsageError(`one data directory at most, not ${positionals.length}`);
    const dir = dataDir(positionals[0]);
    const started = performance.now();
    const result = await loadDataset(dir);
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      if (values.json) io.out(JSON.stringify({ ok: false, dir, issues: result.issues }, null, 2));
      else {
        io.err(`✗ ${dir}: ${plural(result.issues.length, 'problem', 'problems')}`);
        for (const issue of result.issues) io.err(`  ${formatIssue(issue)}`);
      }
      return EXIT.NO;
    }
    const { dataset } = result;
    const byKind = count(dataset.entities.map((e) => e.kind));
    const byFamily = count(dataset.relations.map((r) => r.family));
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            ok: true,
            dir,
            dataset: { id: dataset.meta.id, name: dataset.meta.name, version: dataset.meta.version, digest: dataset.digest },
            entities: Object.fromEntries(byKind),
            relations: Object.fromEntries(byFamily),
            tours: dataset.tours.length,
            ms,
          },
          null,
          2,
        ),
      );
      return EXIT.OK;
    }
    io.out(`✓ ${dir}: ${dataset.meta.name.sv}, version ${dataset.meta.version} (digest ${dataset.digest}), valid in ${ms} ms`);
    io.out(`  ${dataset.entities.length} entities: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    io.out(`  ${dataset.relations.length} relations: ${[...byFamily].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (dataset.tours.length > 0) io.out(`  ${dataset.tours.length} tours`);
    return EXIT.OK;
  },
};

function count(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}
