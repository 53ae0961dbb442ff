import type { Entity } from '@styrgraf/model';
import { EXIT, parse, UsageError, type Command } from '../command.ts';
import { InvalidDataError, loadSpec } from '../data-dir.ts';

type LoadedSpec = Awaited<ReturnType<typeof loadSpec>>;
import { diffDatasets, isEmpty } from '../diff/compare.ts';
import { diffInWords } from '../diff/words.ts';

export const diff: Command = {
  name: 'diff',
  usage: `styrgraf diff <a> <b> [--lang sv|en] [--json]
  a, b    data directories, or git revisions of one written REV:PATH (main:graph, HEAD~1:graph)
  --lang  sv (default) or en
  --json  the differences as JSON: {a, b, meta, entities, relations, provisionTexts, tours}
Entities, relations and tours added, removed and changed field by field, and provisions whose text changed.
Exit 0 when the two are the same, 1 when they differ (as diff(1) does), 2 when one cannot be read.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { lang: { type: 'string', default: 'sv' }, json: { type: 'boolean', default: false } });
    const [specA, specB] = positionals;
    if (positionals.length !== 2 || specA === undefined || specB === undefined)
      throw new UsageError(`give two data sets to compare, not ${positionals.length}`);
    const lang = values.lang;
    if (lang !== 'sv' && lang !== 'en') throw new UsageError(`--lang must be sv or en, not "${lang}"`);
    let a: LoadedSpec, b: LoadedSpec;
    try {
      [a, b] = await Promise.all([loadSpec(specA), loadSpec(specB)]);
    } catch (error) {
      if (error instanceof InvalidDataError) {
        io.err(error.message);
        return EXIT.USAGE;
      }
      throw error;
    }
    const result = diffDatasets(a.dataset, b.dataset);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      const lookup = (entities: Entity[]) => {
        const byId = new Map(entities.map((e) => [e.id, e]));
        return (id: string) => byId.get(id);
      };
      io.out(diffInWords(result, { a: a.label, b: b.label }, lang, { a: lookup(a.dataset.entities), b: lookup(b.dataset.entities) }));
    }
    return isEmpty(result) ? EXIT.OK : EXIT.NO;
  },
};
