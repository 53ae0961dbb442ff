/**
 * `pnpm graph:validate [dir]`: checks a data directory (default graph/, or
 * GRAPH_DIR) and prints every problem with its file, line and field. Exits 1
 * when the data is invalid, so it can gate a commit or a CI step.
 */
import { resolve } from 'node:path';
import { formatIssue, loadDataset } from '../index.ts';

const dir = resolve(process.argv[2] ?? process.env.GRAPH_DIR ?? 'graph');
const started = performance.now();
const result = await loadDataset(dir);
const ms = Math.round(performance.now() - started);
if (!result.ok) {
  console.error(`✗ ${dir}: ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const { dataset } = result;
const byKind = new Map<string, number>();
for (const e of dataset.entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
const byFamily = new Map<string, number>();
for (const r of dataset.relations) byFamily.set(r.family, (byFamily.get(r.family) ?? 0) + 1);
console.log(`✓ ${dir}: ${dataset.meta.name.sv}, version ${dataset.meta.version} (digest ${dataset.digest}), valid in ${ms} ms`);
console.log(`  ${dataset.entities.length} entities: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  ${dataset.relations.length} relations: ${[...byFamily].map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (dataset.tours.length > 0) console.log(`  ${dataset.tours.length} tours`);
