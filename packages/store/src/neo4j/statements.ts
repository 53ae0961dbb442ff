import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Every Cypher statement the adapter sends, one per file in ./cypher, with the
 * parameters it takes. The lint test declares exactly these parameters to the
 * linter, and the adapter's unit tests check that each call sends exactly
 * them: a statement and its caller cannot drift apart unseen.
 */
export const STATEMENT_PARAMETERS = {
  'get-entities': ['ids', 'limit'],
  'list-entities': ['kinds', 'asOf', 'after', 'limit'],
  search: ['names', 'stems', 'infix', 'query', 'kinds', 'asOf', 'first', 'municipality'],
  'relations-out': ['ids', 'families', 'asOf', 'limit'],
  'relations-in': ['ids', 'families', 'asOf', 'limit'],
  'relations-both': ['ids', 'families', 'asOf', 'limit'],
  'cited-by': ['ids', 'asOf', 'limit'],
  expand: ['frontier', 'families', 'kinds', 'asOf', 'limit'],
  'relations-among': ['ids', 'families', 'asOf', 'limit'],
  'relations-between': ['pairs', 'families', 'asOf', 'limit'],
  graph: ['kinds', 'families', 'asOf', 'maxNodes', 'maxEdges'],
  'scope-members': ['municipality', 'kinds', 'families', 'asOf', 'limit'],
  'overview-members': ['kinds', 'asOf', 'limit'],
  'municipality-of': ['ids', 'limit'],
  'org-chart-level': ['frontier', 'asOf', 'limit'],
  'decision-areas': ['actorId', 'text', 'asOf', 'municipality', 'limit'],
  provisions: ['documentId', 'limit'],
  'workshop-questions': ['status', 'limit'],
  glossary: ['limit'],
  changes: ['from', 'to', 'limit'],
  dataset: [],
  'schema-entity-id': [],
  'schema-dataset-key': [],
  'schema-entity-kind': [],
  'schema-entity-valid-from': [],
  'schema-entity-valid-to': [],
  'schema-dated-relation-from': [],
  'schema-dated-relation-to': [],
  'schema-entity-infix': [],
  'schema-entity-search': [],
  'schema-entity-search-sv': [],
  'schema-provision-document': [],
  'schema-entity-municipality': [],
  'schema-await': [],
  'load-clear': [],
  'load-entities': ['rows'],
  'load-relations': ['rows'],
  'load-dated-relations': ['rows'],
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
  'schema-entity-valid-from',
  'schema-entity-valid-to',
  'schema-dated-relation-from',
  'schema-dated-relation-to',
  'schema-entity-infix',
  'schema-entity-search',
  'schema-entity-search-sv',
  'schema-provision-document',
  'schema-entity-municipality',
  'schema-await',
];

/**
 * The most relations a walk (a neighbourhood's depth, a path's length) may
 * take. Walks are taken one breadth-first step per statement (expand.cypher),
 * so the bound caps round trips, not a pattern's size.
 */
export const MAX_HOPS = 8;

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
const byText = new Map<string, StatementName>();
for (const [name, text] of texts) byText.set(text, name);

export function cypher(name: StatementName): string {
  return texts.get(name)!;
}

/** Every text the adapter can send, with its name, for the lint test. */
export function allStatementTexts(): { name: StatementName; text: string }[] {
  return [...texts].map(([name, text]) => ({ name, text }));
}

/** The name of a statement text, for recording and logging. */
export function statementName(text: string): StatementName | undefined {
  return byText.get(text);
}
