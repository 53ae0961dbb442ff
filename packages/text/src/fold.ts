/**
 * The one Swedish folding of the project, for the model, the store, the
 * server's glossary and the web app alike (a package of its own, with no
 * dependencies, so that the browser can have it without the model).
 *
 * Folds text for matching: lower case, diacritics removed (å, ä → a; ö → o;
 * é → e), runs of space and punctuation made one space. "Kommunstyrelsens
 * personalutskott" and "kommunstyrelsens PERSONALUTSKOTT" fold alike, and so
 * do "Vård- och omsorgsnämnden" and "vard och omsorgsnamnden".
 */
export function fold(text: string): string {
  if (folding.length < text.length) folding = new Uint16Array(text.length * 2);
  let n = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Beyond Latin-1 a character may combine with the next (a letter and its accent): the whole text takes the long way.
    if (code > 0xff) return foldAnyText(text);
    const folded = LATIN_1_CODES[code]!;
    if (folded === SEPARATOR) space = n !== 0;
    else {
      if (space) folding[n++] = 32;
      folding[n++] = folded;
      space = false;
    }
  }
  return fromCodes(folding, n);
}

/**
 * The folded text's characters, written here and made a string at once: adding a character at a time to a string made a
 * string of as many pieces (a rope), which V8 flattens, copying it, the first time it is split or searched; folding the
 * names of the national set that way was a third of building its search index.
 */
let folding = new Uint16Array(256);
const SEPARATOR = -1;
/** Characters per String.fromCharCode call: far below the limit on a call's arguments. */
const CHUNK = 4_096;

function fromCodes(codes: Uint16Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let at = 0; at < n; at += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(at, Math.min(n, at + CHUNK)) as unknown as number[]);
  return out;
}

/** Unicode's decomposition and character classes: what `fold` means for any text. */
export function foldAnyText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Each Latin-1 character folded on its own (its code, or SEPARATOR). In Latin-1
 * every character folds alone (no two combine, none lower-cases by context),
 * so names — Swedish letters, digits and punctuation — fold by table, five to
 * ten times faster than through the Unicode passes: folding every name was a
 * tenth of loading the national set.
 */
const LATIN_1_CODES = Int32Array.from({ length: 0x100 }, (_, code) => {
  const folded = foldAnyText(String.fromCharCode(code));
  if (folded.length > 1) throw new Error(`Latin-1 ${code} folds to "${folded}", more than one character: fold's table cannot hold it`);
  return folded === '' ? SEPARATOR : folded.charCodeAt(0);
});

/**
 * The same folding one character at a time, keeping offsets: each letter or
 * digit folded where it stands (one that would fold to more or fewer code
 * units kept as it is), anything else a space of the same length. The
 * glossary finds its terms in this and marks them in the original text.
 */
export function foldKeepingOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    const plain = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const c = plain.length === ch.length ? plain : ch;
    out += /^[\p{L}\p{N}]+$/u.test(c) ? c : ' '.repeat(ch.length);
  }
  return out;
}
