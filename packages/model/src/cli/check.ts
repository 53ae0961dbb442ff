/**
 * `pnpm graph:check [dir] [--as-of YYYY-MM-DD] [--lang sv|en]`: validates a
 * data directory (default graph/, or GRAPH_DIR), then runs the governance
 * rule checks over it as of a date (default today) and prints each rule's
 * verdict with what it found. Exits 1 when the data is invalid or a rule
 * fails, so a breach can stop a commit or a CI step; warnings do not.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../schema.ts';
import { todayInSweden } from '../dates.ts';
import { formatIssue } from '../errors.ts';
import { loadDataset } from '../load.ts';
import { runRuleChecks } from '../rules/index.ts';
import { formatRuleReport } from '../rules/report.ts';

const USAGE = `usage: pnpm graph:check [dir] [--as-of YYYY-MM-DD] [--lang sv|en]
  dir      the data directory (default graph/, or GRAPH_DIR)
  --as-of  the date the organisation is checked as of (default today in Sweden)
  --lang   sv (default) or en`;

function fail(message: string): never {
  console.error(`graph:check: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    // `pnpm graph:check -- --as-of …` passes the "--" on; it separates nothing here.
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, lang: { type: 'string', default: 'sv' }, help: { type: 'boolean', default: false } },
    strict: true,
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const asOf = values['as-of'] ?? todayInSweden();
if (!isIsoDate(asOf)) fail(`--as-of must be a real date written YYYY-MM-DD, not "${asOf}"`);
if (values.lang !== 'sv' && values.lang !== 'en') fail(`--lang must be sv or en, not "${values.lang}"`);
const lang = values.lang;
if (positionals.length > 1) fail(`one data directory at most, not ${positionals.length}`);

const dir = resolve(positionals[0] ?? process.env.GRAPH_DIR ?? 'graph');
const result = await loadDataset(dir);
if (!result.ok) {
  console.error(`✗ ${dir}: ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}; fix them before the rules can run (pnpm graph:validate)`);
  for (const issue of result.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
const { dataset } = result;
const results = runRuleChecks(dataset, asOf);
const heading =
  lang === 'sv'
    ? `Regelkontroller för ${dataset.meta.name.sv} (version ${dataset.meta.version}), per ${asOf}`
    : `Rule checks for ${dataset.meta.name.en} (version ${dataset.meta.version}), as of ${asOf}`;
console.log(formatRuleReport(results, heading, lang));
process.exit(results.some((r) => r.status === 'FAIL') ? 1 : 0);
