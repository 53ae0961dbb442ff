import { explainRelation, type Entity, type Lang, type Relation } from '@styrgraf/model';
import type { Changes, DatasetDiff, FieldChange } from './compare.ts';

const WORDS = {
  sv: {
    heading: (a: string, b: string) => `Ändringar från ${a} till ${b}`,
    same: 'Inga skillnader: samma innehåll.',
    meta: 'Data setets uppgifter (meta.yaml)',
    entities: 'Entiteter',
    relations: 'Relationer',
    tours: 'Guidade turer',
    provisions: 'Bestämmelser vars text ändrats',
    counts: (added: number, removed: number, changed: number) => `${added} tillagda, ${removed} borttagna, ${changed} ändrade`,
    before: 'före',
    after: 'efter',
    missing: '(saknas)',
    summary: (n: number) => `${n} ${n === 1 ? 'ändring' : 'ändringar'} sammanlagt.`,
  },
  en: {
    heading: (a: string, b: string) => `Changes from ${a} to ${b}`,
    same: 'No differences: the same content.',
    meta: 'The data set’s details (meta.yaml)',
    entities: 'Entities',
    relations: 'Relations',
    tours: 'Guided tours',
    provisions: 'Provisions whose text changed',
    counts: (added: number, removed: number, changed: number) => `${added} added, ${removed} removed, ${changed} changed`,
    before: 'before',
    after: 'after',
    missing: '(none)',
    summary: (n: number) => `${n} ${n === 1 ? 'change' : 'changes'} in all.`,
  },
} as const;

const MAX_VALUE = 160;

/** The diff as a reviewer reads it: each section's counts, then each record added (+), removed (−) or changed (~) with its fields. */
export function diffInWords(
  diff: DatasetDiff,
  labels: { a: string; b: string },
  lang: Lang,
  lookups: { a: (id: string) => Entity | undefined; b: (id: string) => Entity | undefined },
): string {
  const w = WORDS[lang];
  const lines = [w.heading(`${labels.a} (${diff.a.id} ${diff.a.version}, ${diff.a.digest})`, `${labels.b} (${diff.b.id} ${diff.b.version}, ${diff.b.digest})`)];
  const value = (v: unknown) => {
    if (v === null || v === undefined) return w.missing;
    const text = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  };
  // A long text shows only where it changed, with a little of what stands around it.
  const change = (before: unknown, after: unknown): [string, string] => {
    if (typeof before !== 'string' || typeof after !== 'string' || Math.max(before.length, after.length) <= MAX_VALUE) return [value(before), value(after)];
    const [b, a] = aroundTheChange(before, after);
    return [`"${b}"`, `"${a}"`];
  };
  const fields = (changes: FieldChange[]) =>
    changes.map((f) => {
      const [before, after] = change(f.before, f.after);
      return `      ${f.field}: ${before} → ${after}`;
    });
  const entityName = (e: Entity) => `${e.kind} ${e.id} “${e.name[lang]}”`;
  const relationText = (r: Relation, lookup: (id: string) => Entity | undefined) => `${r.id}: ${explainRelation(r, lookup, lang)}`;
  const section = <T>(title: string, changes: Changes<T>, name: (x: T, side: 'a' | 'b') => string) => {
    const { added, removed, changed } = changes;
    if (added.length + removed.length + changed.length === 0) return;
    lines.push('', `${title}: ${w.counts(added.length, removed.length, changed.length)}`);
    for (const x of added) lines.push(`  + ${name(x, 'b')}`);
    for (const x of removed) lines.push(`  − ${name(x, 'a')}`);
    for (const c of changed) lines.push(`  ~ ${name(c.after, 'b')}`, ...fields(c.fields));
  };
  if (diff.meta.length > 0) lines.push('', `${w.meta}:`, ...fields(diff.meta));
  section(w.entities, diff.entities, entityName);
  section(w.relations, diff.relations, (r, side) => relationText(r, lookups[side]));
  section(w.tours, diff.tours, (t) => t.id);
  if (diff.provisionTexts.length > 0) {
    lines.push('', `${w.provisions}: ${diff.provisionTexts.length}`);
    for (const c of diff.provisionTexts) {
      const [before, after] = change(c.before.text, c.after.text);
      lines.push(
        `  ~ ${c.id} (${[c.after.reference, c.after.section].filter(Boolean).join(', ')})`,
        `      ${w.before}: ${before}`,
        `      ${w.after}: ${after}`,
      );
    }
  }
  const total = diff.meta.length + count(diff.entities) + count(diff.relations) + count(diff.tours);
  lines.push('', total === 0 ? w.same : w.summary(total));
  return lines.join('\n');
}

const CONTEXT = 30;

/** The part of two texts that differs, with CONTEXT characters on each side and "…" where text is left out. */
export function aroundTheChange(before: string, after: string): [string, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Cut at a space, so that no word is shown in part.
  const space = before.lastIndexOf(' ', Math.max(0, start - CONTEXT));
  const from = start - CONTEXT <= 0 || space < 0 ? 0 : space + 1;
  const cut = (text: string) => {
    const next = text.indexOf(' ', text.length - end + CONTEXT);
    const to = next < 0 ? text.length : next;
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return [cut(before), cut(after)];
}

function count(c: Changes<unknown>): number {
  return c.added.length + c.removed.length + c.changed.length;
}
