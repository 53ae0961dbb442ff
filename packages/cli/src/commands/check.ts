import { formatRuleReport, isIsoDate, runRuleChecks, todayInSweden } from '@styrgraf/model';
import { EXIT, parse, UsageError, type Command } from '../command.ts';
import { dataDir, loadOrReport } from '../data-dir.ts';

export const check: Command = {
  name: 'check',
  usage: `styrgraf check [dir] [--as-of YYYY-MM-DD] [--lang sv|en] [--json]
  dir      the data directory (default graph/, or GRAPH_DIR)
  --as-of  the date the organisation is checked as of (default today in Sweden)
  --lang   sv (default) or en
  --json   every rule's result as JSON
Exit 1 when the data is invalid or a rule fails (warnings do not), so a breach can stop a commit or a CI step.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      'as-of': { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      json: { type: 'boolean', default: false },
    });
    const asOf = values['as-of'] ?? todayInSweden();
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${asOf}"`);
    const lang = values.lang;
    if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang must be sv or en, not "${lang}"`);
    if (positionals.length > 1) throw new UsageError(`one data directory at most, not ${positionals.length}`);
    const dir = dataDir(positionals[0]);
    const dataset = await loadOrReport(dir, io, 'fix them before the rules can run (styrgraf validate)');
    if (!dataset) return EXIT.NO;
    const results = runRuleChecks(dataset, asOf);
    const failed = results.some((r) => r.status === 'FAIL');
    if (values.json) {
      io.out(JSON.stringify({ dataset: { id: dataset.meta.id, version: dataset.meta.version, digest: dataset.digest }, asOf, failed, results }, null, 2));
      return failed ? EXIT.NO : EXIT.OK;
    }
    const heading =
      lang === 'sv'
        ? `Regelkontroller för ${dataset.meta.name.sv} (version ${dataset.meta.version}), per ${asOf}`
        : `Rule checks for ${dataset.meta.name.en} (version ${dataset.meta.version}), as of ${asOf}`;
    io.out(formatRuleReport(results, heading, lang));
    return failed ? EXIT.NO : EXIT.OK;
  },
};
