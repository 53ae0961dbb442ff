import { CORE_SCHEMA, load } from 'js-yaml';
import { readPlainYaml } from './parse-plain-yaml.ts';
import type { FileOutline, FileResult, SourceFile } from './parse-file.ts';
import { graphFileSchema, GRAPH_FILE_KEYS, type GraphFile } from './schema.ts';

/**
 * The quick way through a file that is in order, tried before the careful
 * one (parse-file.ts): js-yaml reads YAML about twelve times faster than
 * `yaml` (the national set's 19 MB in 0.5 s against 6 s), but keeps no
 * positions, so the lines that origins need come from a scan of the text's
 * lines, and whatever the quick way cannot vouch for — a file js-yaml
 * refuses, content the schema refuses, a layout the scan does not recognise,
 * anchors, aliases and tags (which `yaml` guards against bombs), and the few
 * scalars the two libraries read differently — is left to the careful way,
 * which gives every error its file, line and field. So a file gives the same
 * result either way; only the time differs. Before js-yaml, the plain YAML
 * our files are written in is read by a reader of its own
 * (parse-plain-yaml.ts), twice as fast again, held to js-yaml's values.
 */
export function parseCleanFile(file: SourceFile): Extract<FileResult, { ok: true }> | null {
  if (NOT_PLAIN.test(file.content)) return null;
  // The plain YAML our files are written in is read by a reader of its own, which gives what js-yaml gives or leaves it to js-yaml.
  let content: unknown = readPlainYaml(file.content);
  if (content === null) {
    try {
      content = load(file.content, { schema: CORE_SCHEMA, filename: file.path });
    } catch {
      return null;
    }
  }
  if (!content || typeof content !== 'object' || Array.isArray(content)) return null;
  const result = graphFileSchema.safeParse(content);
  if (!result.success) return null;
  const outline = outlineOfText(file.content, result.data);
  return outline ? { ok: true, data: result.data, outline } : null;
}

/**
 * Anchors, aliases and tags (`&a`, `*a`, `!!str`), and plain scalars that
 * js-yaml and `yaml` read differently under YAML 1.2's core schema (`0b11`, a
 * number to js-yaml; `-0`; `+.5`, a number to `yaml`): any of these sends
 * the file the careful way. Text that only looks like them ("Bygg & miljö")
 * just costs that file the time.
 */
const NOT_PLAIN = /(?:^|[\s,[{:-])(?:[&*!][^\s,[\]{}]|[-+]?0b[01]|-0(?=[\s,\]}]|$)|\+\.\d)/m;

/**
 * The line of every item of every top-level list, and of every participant
 * of every decision area, from the text's lines: a block list's items are the
 * lines that start with "- " at its indent. Null unless the scan finds
 * exactly as many items as the parsed content has (a flow list, a multi-line
 * layout the scan does not follow), so that a line it gives is always the
 * one `yaml` would.
 */
export function outlineOfText(content: string, data: GraphFile): FileOutline | null {
  // Read in place, character by character: splitting into lines made a string of every line of every file (~83 MB for the national set), all garbage at once.
  const items: FileOutline['items'] = {};
  const participants: number[][] = [];
  let key: keyof GraphFile | null = null;
  let itemIndent = -1;
  // Within a decision area: the indent of its "participants:" key, and of the participants' dashes.
  let participantsKey = -1;
  let participantIndent = -1;
  for (let lineStart = 0, lineNo = 1; lineStart <= content.length; lineNo++) {
    let lineEnd = content.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = content.length;
    const from = lineStart;
    lineStart = lineEnd + 1;
    // The line's text past its indent (leading white space, as trimStart has it) and without a closing "\r": [at, end).
    let at = from;
    while (at < lineEnd && isSpace(content.charCodeAt(at))) at++;
    const indent = at - from;
    const end = at < lineEnd && content.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (at === end || content.charCodeAt(at) === 35 /* # */) continue;
    const first = content.charCodeAt(at);
    if (indent === 0 && first !== 45 /* - */) {
      const name = keyAt(content, at, end);
      key = name && (GRAPH_FILE_KEYS as readonly string[]).includes(name) ? (name as keyof GraphFile) : null;
      itemIndent = -1;
      participantsKey = -1;
      if (key && Array.isArray(data[key])) items[key] = [];
      continue;
    }
    const list = key ? items[key] : undefined;
    if (!key || !list) continue;
    const dash = first === 45 && (at + 1 === end || content.charCodeAt(at + 1) === 32);
    // A dash alone on its line puts the item's first line below it: a layout left to the careful way.
    if (dash && blank(content, at + 1, end)) return null;
    if (dash && (itemIndent === -1 || indent === itemIndent)) {
      itemIndent = indent;
      list.push(lineNo);
      participantsKey = -1;
      if (key === 'decisionAreas') participants.push([]);
      continue;
    }
    if (key !== 'decisionAreas' || indent <= itemIndent) continue;
    if (participantsKey === -1 || indent <= participantsKey) {
      if (content.startsWith('participants:', at) && /^participants:\s*(?:#.*)?$/.test(content.slice(at, end))) {
        participantsKey = indent;
        participantIndent = -1;
      } else if (indent <= participantsKey) participantsKey = -1;
      continue;
    }
    if (dash && (participantIndent === -1 || indent === participantIndent)) {
      participantIndent = indent;
      participants.at(-1)?.push(lineNo);
    }
  }
  for (const k of GRAPH_FILE_KEYS) {
    const list = data[k];
    if (Array.isArray(list) && items[k]?.length !== list.length) return null;
  }
  const areas = data.decisionAreas ?? [];
  if (areas.length > 0 && areas.some((area, i) => area.participants.length !== (participants[i]?.length ?? 0))) return null;
  return { items, participants: areas.length > 0 ? participants : [] };
}

/** White space as String.prototype.trim has it: the ASCII ones at a glance, the rest asked of the regular expression. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return (code === 160 || code >= 0x1680) && /\s/.test(String.fromCharCode(code));
}

/** Whether content[from, to) is all white space. */
function blank(content: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(content.charCodeAt(i))) return false;
  return true;
}

/** The name of a top-level key on a line, as /^([A-Za-z]+):/ finds it: letters from `at`, then a colon; else undefined. */
function keyAt(content: string, at: number, end: number): string | undefined {
  let i = at;
  for (let c = content.charCodeAt(i); i < end && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)); c = content.charCodeAt(++i));
  return i > at && i < end && content.charCodeAt(i) === 58 ? content.slice(at, i) : undefined;
}
