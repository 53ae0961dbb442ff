import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, PROPERTY_KEYS, RELATIONSHIP_TYPES } from './graph-model.ts';
import { allStatementTexts, STATEMENT_PARAMETERS, type StatementName } from './statements.ts';

/**
 * Every statement the adapter can send, linted by Neo4j's own Cypher language
 * support against exactly our schema: our labels, relationship types and
 * property keys, the statement's declared parameters, and Neo4j's procedures
 * and functions. Any error fails, and so does any warning: an unknown label or
 * type is a typo that a live database would answer with silence, not an error.
 */

interface Diagnostic {
  severity: number;
  message: string;
  range: { start: { line: number; character: number } };
}
interface ParseTree {
  children?: ParseTree[] | null;
  getText(): string;
}
interface LanguageSupport {
  lintCypherQuery(query: string, schema: Record<string, unknown>): Diagnostic[];
  parse(query: string): ParseTree[];
  parseStatementsStrs(query: string): string[];
  PropertyKeyNameContext: new (...args: never[]) => ParseTree;
  testData: { mockSchema: { procedures: unknown; functions: unknown } };
}

// The package's ESM build does not load under Node; its CommonJS build does.
const ls = createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;

/** A sample value for every parameter name, of the type the adapter sends. */
const SAMPLES: Record<string, unknown> = {
  ids: ['kommunstyrelsen'],
  kinds: ['ROLE'],
  families: ['REPORTING'],
  asOf: null,
  after: 'kommunstyrelsen',
  limit: 10,
  names: '+(ks ks*)',
  stems: '+ks',
  infix: 'utskott',
  query: 'utskott',
  first: 10,
  maxNodes: 10000,
  maxEdges: 50000,
  from: 'kommunstyrelsen',
  to: 'nodra-ab',
  frontier: ['kommunstyrelsen'],
  pairs: [['kommunstyrelsen', 'kommundirektor']],
  actorId: 'kommundirektor',
  text: 'anstallning',
  documentId: 'ks-2021-0005',
  status: 'OPEN',
  rows: [{ label: 'Role', type: 'APPOINTS', from: 'a', to: 'b', properties: {} }],
  properties: { key: 'current' },
  municipality: 'norrkopings-kommun',
};

/**
 * Map keys that are not graph properties: the linter reads every map key as a
 * property key name. Index options, the load rows' own fields, and the
 * fields of search's ranked candidates.
 */
const MAP_KEYS = new Set([
  'indexConfig',
  'fulltext.analyzer',
  'fulltext.eventually_consistent',
  'label',
  'type',
  'from',
  'to',
  'properties',
  'score',
  'rank',
  'typo',
  'node',
]);

function propertyKeysIn(query: string): string[] {
  const found: string[] = [];
  const walk = (node: ParseTree) => {
    if (node instanceof ls.PropertyKeyNameContext) found.push(node.getText().replace(/^`|`$/g, ''));
    for (const child of node.children ?? []) walk(child);
  };
  for (const statement of ls.parse(query)) walk(statement);
  return found;
}

const statements = allStatementTexts();
const baseSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: [...PROPERTY_KEYS],
  procedures: ls.testData.mockSchema.procedures,
  functions: ls.testData.mockSchema.functions,
};

function lint(base: StatementName, text: string) {
  const parameters = Object.fromEntries(STATEMENT_PARAMETERS[base].map((p) => [p, SAMPLES[p]]));
  return ls
    .lintCypherQuery(text, { ...baseSchema, parameters })
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

describe('Cypher statements', () => {
  it('covers every file', () => {
    expect(statements.map((s) => s.name).sort()).toEqual(Object.keys(STATEMENT_PARAMETERS).sort());
    for (const p of Object.values(STATEMENT_PARAMETERS).flat()) expect(SAMPLES, `a sample for $${p}`).toHaveProperty(p);
  });

  it.each(statements.map((s) => [s.name, s] as const))('%s lints clean against our schema', (_name, { name: base, text }) => {
    expect(lint(base, text)).toEqual([]);
    expect(ls.parseStatementsStrs(text)).toHaveLength(1);
    const unknown = propertyKeysIn(text).filter((k) => !PROPERTY_KEYS.includes(k) && !MAP_KEYS.has(k));
    expect(unknown, 'property keys outside the graph model').toEqual([]);
    const used = new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
    expect([...used].sort(), 'declared parameters all used').toEqual([...STATEMENT_PARAMETERS[base]].sort());
  });

  it('fails on the mistakes it is there to catch', () => {
    expect(lint('glossary', 'MATCH (t:GlossaryTerm) RETUR t.json LIMIT $limit').join()).toMatch(/error.*Invalid input 'RETUR'/);
    expect(lint('glossary', 'MATCH (t:GlosaryTerm) RETURN t.json AS json LIMIT $limit').join()).toMatch(/warning.*Label GlosaryTerm is not present/);
    expect(lint('glossary', 'MATCH ()-[r:APOINTS]->() RETURN r.json AS json LIMIT $limit').join()).toMatch(/warning.*APOINTS is not present/);
    expect(lint('glossary', 'MATCH (t:GlossaryTerm) RETURN t.json AS json LIMIT $limt').join()).toMatch(/error.*Parameter \$limt is not defined/);
    expect(lint('glossary', "CALL db.index.fulltext.queryNode('entity_search', 'x') YIELD node RETURN node LIMIT $limit").join()).toMatch(
      /error.*queryNode is not present/,
    );
    expect(propertyKeysIn('MATCH (t:GlossaryTerm) RETURN t.jsn AS json').filter((k) => !PROPERTY_KEYS.includes(k))).toEqual(['jsn']);
  });
});
