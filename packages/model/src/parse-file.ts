import { isMap, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ValidationIssue } from './errors.ts';
import { parseCleanFile } from './parse-clean.ts';
import { graphFileSchema, GRAPH_FILE_KEYS, type GraphFile } from './schema.ts';

/**
 * One file of a data set, from YAML text to checked content: the part of
 * loading that needs nothing but the file itself, so that it can run in a
 * worker thread (see parse-parallel.ts) as well as in line.
 */

/** One file of a data set, as text. Paths are relative to the data directory and use "/". */
export interface SourceFile {
  path: string;
  content: string;
}

/** A parsed file: its content and the line of every list item, for error messages and origins. */
export interface ParsedFile {
  path: string;
  data: GraphFile;
  /** `lineOf("relations", 3)` is the line where the fourth relation starts. */
  lineOf(key: keyof GraphFile, index: number, ...rest: (string | number)[]): number;
}

/**
 * The lines origins need (every list item, every decision-area participant),
 * worked out once while the YAML tree is at hand, so the tree need not be
 * kept. Any other line (only ever asked for to report a problem) comes from
 * parsing the text again.
 */
export interface FileOutline {
  items: Partial<Record<keyof GraphFile, number[]>>;
  participants: number[][];
}

/** What parsing one file gives: checked content with its outline, or the problems with it. */
export type FileResult = { ok: true; data: GraphFile; outline: FileOutline } | { ok: false; issues: ValidationIssue[]; ids: string[]; hasMeta: boolean };

/** yaml's guard against alias bombs: how many times one alias may be expanded. */
const MAX_ALIAS_COUNT = 100;

interface Yaml {
  doc: Document;
  lineAt: (node: YamlNode | null | undefined) => number;
}

function parseYaml(content: string): Yaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: true });
  return { doc, lineAt: (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 0) };
}

/** A file's result: the quick way when it is in order (parse-clean.ts), else the careful way, with every problem's place. */
export function parseFile(file: SourceFile): FileResult {
  return parseCleanFile(file) ?? parseFileCarefully(file);
}

/** Parses with `yaml`, which keeps every node's position, and checks against the schema. */
export function parseFileCarefully(file: SourceFile): FileResult {
  const { doc, lineAt } = parseYaml(file.content);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      ids: [],
      hasMeta: /^meta:/m.test(file.content),
      issues: doc.errors.map((e) => ({
        code: 'YAML_SYNTAX' as const,
        file: file.path,
        line: e.linePos?.[0]?.line ?? 0,
        field: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  if (doc.contents === null) return { ok: true, data: {}, outline: { items: {}, participants: [] } };
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      ids: [],
      hasMeta: false,
      issues: [
        {
          code: 'NOT_A_MAPPING',
          file: file.path,
          line: lineAt(doc.contents),
          field: '',
          message: `a graph file must be a mapping with keys among ${GRAPH_FILE_KEYS.join(', ')}`,
        },
      ],
    };
  }
  let content: unknown;
  try {
    content = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses to expand an alias bomb (aliases of aliases, a billion laughs): the file's fault, reported as such.
    return {
      ok: false,
      ids: [],
      hasMeta: /^meta:/m.test(file.content),
      issues: [
        {
          code: 'YAML_SYNTAX',
          file: file.path,
          line: 0,
          field: '',
          message: `too many aliases to expand (more than ${MAX_ALIAS_COUNT} per alias); write the values out (${error instanceof Error ? error.message : String(error)})`,
        },
      ],
    };
  }
  const result = graphFileSchema.safeParse(content, {
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
  });
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => schemaIssue(file.path, doc, issue, lineAt)),
      ids: looseIds(content),
      hasMeta: !!(content as { meta?: unknown }).meta,
    };
  }
  return { ok: true, data: result.data, outline: outlineOf(result.data, doc, lineAt) };
}

function outlineOf(data: GraphFile, doc: Document, lineAt: Yaml['lineAt']): FileOutline {
  const items: FileOutline['items'] = {};
  for (const key of GRAPH_FILE_KEYS) {
    const list = data[key];
    if (Array.isArray(list)) items[key] = list.map((_, i) => lineAt(nodeAt(doc, [key, i])));
  }
  const participants = (data.decisionAreas ?? []).map((area, i) =>
    area.participants.map((_, j) => lineAt(nodeAt(doc, ['decisionAreas', i, 'participants', j]))),
  );
  return { items, participants };
}

/** The parsed file the validator works on; lines beyond the outline are found by parsing the text again, once. */
export function parsedFile(file: SourceFile, data: GraphFile, outline: FileOutline): ParsedFile {
  let yaml: Yaml | undefined;
  return {
    path: file.path,
    data,
    lineOf(key, index, ...rest) {
      if (rest.length === 0) {
        const line = outline.items[key]?.[index];
        if (line !== undefined) return line;
      } else if (key === 'decisionAreas' && rest.length === 2 && rest[0] === 'participants' && typeof rest[1] === 'number') {
        const line = outline.participants[index]?.[rest[1]];
        if (line !== undefined) return line;
      }
      yaml ??= parseYaml(file.content);
      return yaml.lineAt(nodeAt(yaml.doc, [key, index, ...rest]));
    },
  };
}

/** Ids a file seems to define, read leniently from content that failed the schema. */
function looseIds(content: unknown): string[] {
  if (!content || typeof content !== 'object') return [];
  return Object.values(content as Record<string, unknown>).flatMap((list) =>
    Array.isArray(list) ? list.map((item) => (item as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string') : [],
  );
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node) return node as YamlNode;
  }
  return doc.contents ?? undefined;
}

function schemaIssue(
  file: string,
  doc: Document,
  issue: { path: PropertyKey[]; message: string; code: string; keys?: string[] },
  lineAt: Yaml['lineAt'],
): ValidationIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const node = nodeAt(doc, path);
    message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    // Point at the unknown key itself where we can.
    if (isMap(node)) {
      const pair = node.items.find((p) => issue.keys?.includes(String((p.key as { value?: unknown })?.value)));
      const keyNode = pair?.key as YamlNode | undefined;
      return { code: 'SCHEMA', file, line: lineAt(keyNode ?? node), field: formatPath(path), message };
    }
  }
  const node = nodeAt(doc, path);
  return { code: 'SCHEMA', file, line: lineAt(node), field: formatPath(path), message };
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
