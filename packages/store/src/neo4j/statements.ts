import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Every Cypher statement the adapter sends, one per file in ./cypher, with the
 * parameters it takes. The lint test declares exactly these parameters to the
 * linter, and the adapter's unit tests check that each call sends exactly
 * them: a statement and its caller cannot drift apart unseen.
 */
export const STATEMENT_PARAMETERS = {
  'get-entities': ['ids'],
  'list-entities': ['kinds', 'asOf', 'after', 'limit'],
  search: ['names', 'stems', 'infix', 'kinds', 'asOf', 'candidates'],
  'relations-out': ['ids', 'families', 'asOf'],
  'relations-in': ['ids', 'families', 'asOf'],
  'relations-both': ['ids', 'families', 'asOf'],
  'cited-by': ['ids', 'asOf', 'limit'],
  neighbourhood: ['id', 'kinds', 'families', 'asOf', 'maxNodes'],
  graph: ['kinds', 'families', 'asOf', 'maxNodes', 'maxEdges'],
  'paths-all': ['from', 'to', 'families', 'asOf', 'limit'],
  'paths-shortest': ['from', 'to', 'families', 'asOf', 'limit'],
  'org-chart': ['rootId', 'asOf', 'maxNodes'],
  'decision-areas': ['actorId', 'text', 'asOf', 'limit'],
  provisions: ['documentId', 'limit'],
  'workshop-questions': ['status', 'limit'],
  glossary: ['limit'],
  changes: ['from', 'to', 'limit'],
  dataset: [],
  'schema-entity-id': [],
  'schema-dataset-key': [],
  'schema-entity-kind': [],
  'schema-entity-infix': [],
  'schema-entity-search': [],
  'schema-entity-search-sv': [],
  'schema-provision-document': [],
  'schema-await': [],
  'load-clear': [],
  'load-entities': ['rows'],
  'load-relations': ['rows'],
  'load-dataset': ['properties'],
  'load-count': [],
  'export-entities': [],
  'export-relations': [],
} as const satisfies Record<string, readonly string[]>;

export type StatementName = keyof typeof STATEMENT_PARAMETERS;
export type ParametersOf<N extends StatementName> = Record<(typeof STATEMENT_PARAMETERS)[N][number], unknown>;

/** Schema statements, in the order graph:load runs them (indexes before waiting for them). */
export const SCHEMA_STATEMENTS: readonly StatementName[] = [
  'schema-entity-id',
  'schema-dataset-key',
  'schema-entity-kind',
  'schema-entity-infix',
  'schema-entity-search',
  'schema-entity-search-sv',
  'schema-provision-document',
  'schema-await',
];

/**
 * Quantified path patterns take literal bounds only, so a statement that walks
 * "up to n hops" is written once with the bound {1,8} and compiled to one
 * variant per n in 1..8. The caller picks a variant by number: the request
 * chooses among fixed, linted texts and never adds to one.
 */
export const MAX_HOPS = 8;
const HOP_MARKER = `{1,${MAX_HOPS}}`;
export const BOUNDED_STATEMENTS = ['neighbourhood', 'paths-all', 'paths-shortest'] as const satisfies readonly StatementName[];
export type BoundedStatementName = (typeof BOUNDED_STATEMENTS)[number];

export const CYPHER_DIR = fileURLToPath(new URL('./cypher/', import.meta.url));

function readStatements(): Map<StatementName, string> {
  const files = readdirSync(CYPHER_DIR).filter((f) => f.endsWith('.cypher'));
  const names = Object.keys(STATEMENT_PARAMETERS) as StatementName[];
  const missing = names.filter((n) => !files.includes(`${n}.cypher`));
  const unused = files.filter((f) => !names.includes(f.replace(/\.cypher$/, '') as StatementName));
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(`Cypher files and STATEMENT_PARAMETERS disagree: missing ${missing.join(', ') || 'none'}; not declared ${unused.join(', ') || 'none'}`);
  }
  return new Map(names.map((n) => [n, readFileSync(`${CYPHER_DIR}${n}.cypher`, 'utf8').trim()]));
}

const texts = readStatements();
const byText = new Map<string, string>();
for (const [name, text] of texts) byText.set(text, name);

const variants = new Map<BoundedStatementName, string[]>();
for (const name of BOUNDED_STATEMENTS) {
  const text = texts.get(name)!;
  if (text.split(HOP_MARKER).length !== 2) throw new Error(`${name}.cypher must hold the hop bound ${HOP_MARKER} exactly once`);
  const list = Array.from({ length: MAX_HOPS }, (_, i) => text.replace(HOP_MARKER, `{1,${i + 1}}`));
  variants.set(name, list);
  list.forEach((v, i) => byText.set(v, `${name}{1,${i + 1}}`));
}

export function cypher(name: StatementName): string {
  return texts.get(name)!;
}

/** The variant of a bounded statement that walks at most `hops` relations (1..MAX_HOPS). */
export function boundedCypher(name: BoundedStatementName, hops: number): string {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) throw new RangeError(`${name}: hops must be 1..${MAX_HOPS}, not ${hops}`);
  return variants.get(name)![hops - 1]!;
}

/** Every text the adapter can send, with its name (variants as `name{1,n}`), for the lint test. */
export function allStatementTexts(): { name: string; base: StatementName; text: string }[] {
  return [...byText].map(([text, name]) => ({ name, base: name.replace(/\{.*$/, '') as StatementName, text }));
}

/** The name of a statement text, for recording and logging. */
export function statementName(text: string): string | undefined {
  return byText.get(text);
}
