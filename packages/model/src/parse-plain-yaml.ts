import * as jsYaml from 'js-yaml';
import type { Type } from 'js-yaml';

/**
 * A reader for the plain YAML our data files are written in, tried before
 * js-yaml on the quick way (parse-clean.ts): js-yaml is general, and reading
 * the national set through it was a third of the parse. This reads only
 * block mappings and block lists, one-line flow lists and maps
 * (`{ sv: X, en: Y }`), plain scalars on one line, one-line quoted scalars
 * with the common escapes, comments and blank lines; on anything else —
 * block scalars (`>-`), a scalar over several lines, tabs, quoted keys,
 * directives, characters js-yaml treats specially — it gives up (null) and
 * js-yaml reads the file. Where it answers, the answer is the value js-yaml
 * gives under the core schema (a differential test holds it to that); plain
 * scalars are resolved by js-yaml's own core types, so a number, a boolean
 * or a null is what js-yaml makes of it.
 */
export function readPlainYaml(text: string): Record<string, unknown> | null {
  if (NOT_SIMPLE.test(text)) return null;
  try {
    const reader = new Reader(text);
    if (reader.next() !== 0) return null;
    const value = reader.mapping(0, reader.contentAt);
    return reader.next() === END ? value : null;
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

/**
 * Characters this reader leaves to js-yaml: tabs, control characters (js-yaml refuses most), a carriage return not before a line
 * feed, the line and paragraph separators and NEL (breaks to YAML), a byte order mark, non-characters, surrogates (a lone one is
 * refused), and white space beyond ASCII (to keep "where a scalar ends" the question of spaces alone).
 */
// eslint-disable-next-line no-control-regex
const NOT_SIMPLE = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;

/** Thrown from deep in the reader to give the text up; one instance, caught at the top, never seen outside. */
const GIVE_UP = new Error('not plain YAML: left to js-yaml');
const END = -1;

function giveUp(): never {
  throw GIVE_UP;
}

/**
 * The core schema's implicit types, in js-yaml's order of trying them. js-yaml exports its types (for schemas of one's own), but
 * @types/js-yaml does not declare the export.
 */
const { types } = jsYaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', Type> };
const IMPLICIT: readonly Type[] = [types.null, types.bool, types.int, types.float];
/** Keys are plain words, /^[A-Za-z_][A-Za-z0-9_-]*$/ (keyEnd), resolved to themselves by the core schema: not these. */
const NOT_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

class Reader {
  /** Start of the line after the current one. */
  private after = 0;
  /** The current content line: where its content starts, and its end (before any "\r\n"). */
  contentAt = 0;
  private end = 0;

  constructor(private readonly text: string) {}

  /** Moves to the next line with content (not blank, not a comment) and returns its indent, or END. */
  next(): number {
    if (this.peekedFrom === this.after) {
      this.after = this.peekedAfter;
      this.contentAt = this.peekedContentAt;
      this.end = this.peekedEnd;
      return this.peekedIndent;
    }
    const { text } = this;
    while (this.after < text.length) {
      const start = this.after;
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1) lineEnd = text.length;
      this.after = lineEnd + 1;
      const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      if (at === end || text.charCodeAt(at) === HASH) continue;
      // Document markers and directives belong to js-yaml.
      if (at === start && (text.startsWith('---', at) || text.startsWith('...', at) || text.charCodeAt(at) === 37)) giveUp();
      this.contentAt = at;
      this.end = end;
      return at - start;
    }
    this.contentAt = text.length;
    this.end = text.length;
    return END;
  }

  /** The indent of the next content line, without moving to it; `peekedDash` says whether that line is a list item. */
  private peek(): number {
    const { after, contentAt, end } = this;
    const indent = this.next();
    this.peekedDash = indent !== END && this.isDash(this.contentAt);
    // Kept for the next() that follows, which then costs nothing.
    this.peekedFrom = after;
    this.peekedAfter = this.after;
    this.peekedContentAt = this.contentAt;
    this.peekedEnd = this.end;
    this.peekedIndent = indent;
    this.after = after;
    this.contentAt = contentAt;
    this.end = end;
    return indent;
  }

  private peekedDash = false;
  private peekedFrom = -1;
  private peekedAfter = 0;
  private peekedContentAt = 0;
  private peekedEnd = 0;
  private peekedIndent = 0;

  /** Where the key that starts at `at` ends, at its colon: a plain word as the data writes keys (KEY), else js-yaml's to read. */
  private keyEnd(at: number): number {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) giveUp();
    for (let i = at + 1; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) return i;
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH)) giveUp();
    }
    return giveUp();
  }

  /** Whether a list item's dash is at `at` on the current line. */
  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.end || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** A block mapping whose keys stand at column `indent`, its first key at `at` on the current line. */
  mapping(indent: number, at: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const { text } = this;
      if (this.isDash(at)) giveUp();
      const colon = this.keyEnd(at);
      const key = text.slice(at, colon);
      if (NOT_KEYS.has(key) || Object.hasOwn(map, key)) giveUp();
      let value = colon + 1;
      if (value < this.end && text.charCodeAt(value) !== SPACE) giveUp();
      while (value < this.end && text.charCodeAt(value) === SPACE) value++;
      if (value === this.end || text.charCodeAt(value) === HASH) map[key] = this.nested(indent);
      else {
        map[key] = this.inline(value, indent);
      }
      const nextIndent = this.peek();
      if (nextIndent === END || nextIndent < indent) return map;
      if (nextIndent > indent) giveUp();
      this.next();
      at = this.contentAt;
    }
  }

  /** The value of a key with nothing after its colon: a deeper block, a list at the key's own indent, or null. */
  private nested(indent: number): unknown {
    const nextIndent = this.peek();
    // Nothing deeper, nor a list at the key's indent: the value is null, and the next line is the mapping's to read.
    if (nextIndent === END || nextIndent < indent || (nextIndent === indent && !this.peekedDash)) return null;
    this.next();
    if (nextIndent === indent) return this.list(indent, true);
    return this.isDash(this.contentAt) ? this.list(nextIndent, false) : this.mapping(nextIndent, this.contentAt);
  }

  /** A block list whose dashes stand at column `indent`, its first dash the current line's; `underKey`: at its key's own indent. */
  private list(indent: number, underKey: boolean): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const { text } = this;
      let at = this.contentAt + 1;
      while (at < this.end && text.charCodeAt(at) === SPACE) at++;
      // A dash alone on its line, or a list in a list on one line: js-yaml's to read.
      if (at === this.end || text.charCodeAt(at) === HASH || this.isDash(at)) giveUp();
      const keyAt = at;
      if (this.startsKey(at)) list.push(this.mapping(keyAt - (this.contentAt - indent), keyAt));
      else {
        list.push(this.inline(at, indent));
      }
      const nextIndent = this.peek();
      if (nextIndent === END || nextIndent < indent) return list;
      if (nextIndent > indent) giveUp();
      if (!this.peekedDash) {
        // The next key of the mapping the list is a value of; a list in a list has nothing else at its indent.
        if (!underKey) giveUp();
        return list;
      }
      this.next();
    }
  }

  /** Whether a key and its colon start at `at`: a word, then ":" at the line's end or before a space. */
  private startsKey(at: number): boolean {
    const { text } = this;
    let i = at;
    while (i < this.end && text.charCodeAt(i) !== COLON && text.charCodeAt(i) !== SPACE) i++;
    return i < this.end && i > at && text.charCodeAt(i) === COLON && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE);
  }

  /**
   * A value from `at`: a flow list or map or a quoted scalar on this line, or a plain scalar, which may go on over deeper lines than
   * `indent` (its key's or dash's); nothing but a comment may follow it.
   */
  private inline(at: number, indent: number): unknown {
    const { text } = this;
    const first = text.charCodeAt(at);
    let value: unknown;
    let after: number;
    if (first === 91 /* [ */ || first === 123 /* { */ || first === 34 /* " */ || first === 39 /* ' */) {
      [value, after] = this.flowValue(at);
      while (after < this.end && text.charCodeAt(after) === SPACE) after++;
      if (after < this.end && !(text.charCodeAt(after) === HASH && text.charCodeAt(after - 1) === SPACE)) giveUp();
      return value;
    }
    if (INDICATOR.has(first) || ((first === 63 /* ? */ || first === COLON || first === DASH) && (at + 1 === this.end || text.charCodeAt(at + 1) === SPACE)))
      giveUp();
    let [scalar, comment] = this.plainLine(at);
    // Lines deeper than the key or dash continue the scalar, each joined to the last by a space (a blank line between them, or a comment, is js-yaml's to read).
    while (!comment && this.after < text.length) {
      const start = this.after;
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1) lineEnd = text.length;
      const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let from = start;
      while (from < end && text.charCodeAt(from) === SPACE) from++;
      if (from === end || from - start <= indent) break;
      const first = text.charCodeAt(from);
      if (INDICATOR.has(first) || first === DASH || first === 63 || first === COLON) giveUp();
      this.after = lineEnd + 1;
      this.contentAt = from;
      this.end = end;
      let more: string;
      [more, comment] = this.plainLine(from);
      scalar += ' ' + more;
    }
    return resolvePlain(scalar);
  }

  /** The plain scalar's text on the current line from `at`, trailing spaces and any comment cut off; and whether a comment ended it. */
  private plainLine(at: number): [string, boolean] {
    const { text } = this;
    let end = at;
    let comment = false;
    for (; end < this.end; end++) {
      const c = text.charCodeAt(end);
      if (c === HASH && text.charCodeAt(end - 1) === SPACE) {
        comment = true;
        break;
      }
      if (c === COLON && (end + 1 === this.end || text.charCodeAt(end + 1) === SPACE)) giveUp();
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return [text.slice(at, end), comment];
  }

  /** A flow list, flow map or quoted scalar from `at`, on this line; returns it and where it ends. */
  private flowValue(at: number): [unknown, number] {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === 34) return this.doubleQuoted(at);
    if (first === 39) return this.singleQuoted(at);
    if (first === 91 /* [ */) {
      const list: unknown[] = [];
      let i = this.skipSpaces(at + 1);
      if (text.charCodeAt(i) === 93 /* ] */) return [list, i + 1];
      for (;;) {
        const [item, after] = this.flowItem(i);
        list.push(item);
        i = this.skipSpaces(after);
        const c = text.charCodeAt(i);
        if (c === 93) return [list, i + 1];
        if (c !== 44 /* , */) giveUp();
        i = this.skipSpaces(i + 1);
        // A comma before the closing bracket: js-yaml's to read.
        if (text.charCodeAt(i) === 93) giveUp();
      }
    }
    if (first === 123 /* { */) {
      const map: Record<string, unknown> = {};
      let i = this.skipSpaces(at + 1);
      if (text.charCodeAt(i) === 125 /* } */) return [map, i + 1];
      for (;;) {
        const colon = this.keyEnd(i);
        const key = text.slice(i, colon);
        if (text.charCodeAt(colon + 1) !== SPACE || NOT_KEYS.has(key) || Object.hasOwn(map, key)) giveUp();
        const [value, after] = this.flowItem(this.skipSpaces(colon + 1));
        map[key] = value;
        i = this.skipSpaces(after);
        const c = text.charCodeAt(i);
        if (c === 125) return [map, i + 1];
        if (c !== 44) giveUp();
        i = this.skipSpaces(i + 1);
        if (text.charCodeAt(i) === 125) giveUp();
      }
    }
    return giveUp();
  }

  /** An item of a flow collection: a nested one, a quoted scalar, or a plain scalar up to `,`, `]` or `}`. */
  private flowItem(at: number): [unknown, number] {
    const { text } = this;
    if (at >= this.end) giveUp();
    const first = text.charCodeAt(at);
    if (first === 91 || first === 123 || first === 34 || first === 39) return this.flowValue(at);
    if (INDICATOR.has(first) || first === DASH || first === 63 || first === COLON || first === 44 || first === 93 || first === 125) giveUp();
    let end = at;
    for (; end < this.end; end++) {
      const c = text.charCodeAt(end);
      if (c === 44 || c === 93 || c === 125) break;
      // A colon or a hash inside a flow scalar has meanings of its own there.
      if (c === COLON || c === HASH || c === 91 || c === 123) giveUp();
    }
    if (end === this.end) giveUp();
    let last = end;
    while (text.charCodeAt(last - 1) === SPACE) last--;
    return [resolvePlain(text.slice(at, last)), end];
  }

  private skipSpaces(at: number): number {
    while (at < this.end && this.text.charCodeAt(at) === SPACE) at++;
    if (at >= this.end) giveUp();
    return at;
  }

  private singleQuoted(at: number): [string, number] {
    const { text } = this;
    let out = '';
    let from = at + 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close === -1 || close >= this.end) giveUp();
      out += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== 39) return [out, close + 1];
      out += "'";
      from = close + 2;
    }
  }

  private doubleQuoted(at: number): [string, number] {
    const { text } = this;
    let out = '';
    let from = at + 1;
    for (let i = from; i < this.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return [out + text.slice(from, i), i + 1];
      if (c !== 92 /* \ */) continue;
      const escaped = ESCAPES[text[i + 1]!];
      if (escaped === undefined) giveUp();
      out += text.slice(from, i) + escaped;
      i++;
      from = i + 1;
    }
    return giveUp();
  }
}

/** The escapes of a double-quoted scalar read here; any other is js-yaml's to read. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** Characters that cannot start a plain scalar, or start something else: anchors, aliases, tags, block scalars, directives, reserved. */
const INDICATOR = new Set([...'&*!|>%@`#,]}[{\'"'].map((c) => c.charCodeAt(0)));

/** A plain scalar as the core schema reads it: null, a boolean, a number, else the text itself. */
function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Only a digit, a sign, a dot, "~" or the first letter of null, true or false can start anything but text.
  if (((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first > 127) && !'nNtTfF'.includes(text[0]!)) return text;
  for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text) as unknown;
  return text;
}
