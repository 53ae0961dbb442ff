import type { GlossaryMatch } from './glossary-api.ts';

export type Segment = { text: string; match: null } | { text: string; match: GlossaryMatch };

/**
 * Cuts a text into plain runs and glossary terms. Matches that overlap an
 * earlier one, run past the text or do not say what the text says (a stale
 * answer for an edited text) are left as plain text rather than marked wrongly;
 * so are repeats of a term already marked, unless `once` is false.
 */
export function segments(text: string, matches: readonly GlossaryMatch[], { once = true }: { once?: boolean } = {}): Segment[] {
  const out: Segment[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length || m.end <= m.start || text.slice(m.start, m.end) !== m.text) continue;
    // A term explained once in a text is enough: marking every repeat makes a paragraph hard to read.
    if (once && seen.has(m.term.id)) continue;
    seen.add(m.term.id);
    if (m.start > at) out.push({ text: text.slice(at, m.start), match: null });
    out.push({ text: m.text, match: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: null });
  return out;
}
