import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  ExportFilterError,
  exportFileName,
  exportFormat,
  parseExportFilter,
  selectFromDataset,
  type ExportFormat,
} from '@styrgraf/export';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXIT, parse, UsageError, type Command } from '../command.ts';
import { dataDir, loadOrReport } from '../data-dir.ts';

export const exportCommand: Command = {
  name: 'export',
  usage: `styrgraf export <format> [dir] [--as-of YYYY-MM-DD] [--families F,…] [--kinds K,…] [--out PATH] [--json]
  format      ${EXPORT_FORMAT_IDS.join(', ')}, or csv (nodes and edges both; needs --out DIR)
${EXPORT_FORMATS.map((f) => `                ${f.id.padEnd(10)} ${f.title}`).join('\n')}
  dir         the data directory (default graph/, or GRAPH_DIR)
  --as-of     the organisation as of this date (default: every date)
  --families  relation families to keep (default: every governance family)
  --kinds     entity kinds to keep (default: the actors and the decision areas)
  --out       a file to write (a directory for csv; its file names come from the data set and date); default stdout
  --json      with --out: what was written, as JSON
Exit 1 when the data is invalid; progress goes to stderr.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      'as-of': { type: 'string' },
      families: { type: 'string' },
      kinds: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const [formatId, dirArg, ...rest] = positionals;
    if (!formatId) throw new UsageError('say which format: styrgraf export <format>');
    if (rest.length > 0) throw new UsageError(`one data directory at most, not ${rest.length + 1}`);
    const formats: ExportFormat[] =
      formatId === 'csv' ? [exportFormat('csv-nodes')!, exportFormat('csv-edges')!] : [exportFormat(formatId)].filter((f) => f !== undefined);
    if (formats.length === 0) throw new UsageError(`no format "${formatId}"; use one of ${EXPORT_FORMAT_IDS.join(', ')}, csv`);
    if (formatId === 'csv' && !values.out) throw new UsageError('csv writes two files, nodes and edges: say which directory with --out DIR');
    let filter;
    try {
      filter = parseExportFilter({ asOf: values['as-of'], families: values.families, kinds: values.kinds });
    } catch (error) {
      if (error instanceof ExportFilterError) throw new UsageError(`--${error.message.replace(/^asOf/, 'as-of')}`);
      throw error;
    }
    const dir = dataDir(dirArg);
    io.err(`Reading ${dir} …`);
    const dataset = await loadOrReport(dir, io);
    if (!dataset) return EXIT.NO;
    const selection = selectFromDataset(dataset, filter);
    io.err(`  ${selection.entities.length} entities and ${selection.relations.length} relations${selection.asOf ? ` as of ${selection.asOf}` : ''}`);
    const written: { format: string; file: string; bytes: number }[] = [];
    for (const format of formats) {
      io.err(`Writing ${format.title} …`);
      const body = await format.render(selection);
      if (!values.out) {
        process.stdout.write(body);
        continue;
      }
      const file = formatId === 'csv' ? join(resolve(values.out), exportFileName(selection, format)) : resolve(values.out);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      written.push({ format: format.id, file, bytes: Buffer.byteLength(body) });
      if (!values.json) io.out(`✓ ${file} (${format.title}, ${Buffer.byteLength(body)} bytes)`);
    }
    if (values.json && values.out)
      io.out(
        JSON.stringify(
          { dataset: selection.dataset, asOf: selection.asOf, entities: selection.entities.length, relations: selection.relations.length, written },
          null,
          2,
        ),
      );
    return EXIT.OK;
  },
};
