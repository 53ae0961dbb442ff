import { describe, expect, it } from 'vitest';
import type { GlossaryMatch } from './glossary-api.ts';
import { segments } from './segments.ts';

const term = (id: string) => ({ id, names: { sv: id, en: id }, definitionSv: '', definitionEn: '', abbreviations: [] });
const match = (text: string, word: string, id: string, from = 0): GlossaryMatch => {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length, text: word, term: term(id) };
};

describe('glossary segments', () => {
  const text = 'Under beredningen ska kommundirektören höra presidierna.';

  it('marks each term where the API found it and keeps the text between', () => {
    const parts = segments(text, [match(text, 'presidierna', 'term-presidium'), match(text, 'beredningen', 'term-beredning')]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.match).map((p) => [p.text, p.match!.term.id])).toEqual([
      ['beredningen', 'term-beredning'],
      ['presidierna', 'term-presidium'],
    ]);
    expect(parts[0]).toEqual({ text: 'Under ', match: null });
  });

  it('leaves overlapping, out-of-range and stale matches unmarked', () => {
    const good = match(text, 'kommundirektören', 'term-kommundirektor');
    const overlap = { ...match(text, 'direktören', 'term-direktor') };
    const stale = { start: 0, end: 5, text: 'Efter', term: term('x') };
    const past = { start: text.length - 2, end: text.length + 4, text: 'a.xxxx', term: term('y') };
    const parts = segments(text, [good, overlap, stale, past]);
    expect(parts.filter((p) => p.match).map((p) => p.match!.term.id)).toEqual(['term-kommundirektor']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('marks a term once per text unless asked to mark every repeat', () => {
    const twice = 'Kontoret och kontorschefen; kontoret igen.';
    const all = [match(twice, 'Kontoret', 'term-kontor'), match(twice, 'kontoret', 'term-kontor')];
    expect(segments(twice, all).filter((p) => p.match)).toHaveLength(1);
    expect(segments(twice, all, { once: false }).filter((p) => p.match)).toHaveLength(2);
  });

  it('a text without terms is one plain run; an empty text is none', () => {
    expect(segments('Inget här', [])).toEqual([{ text: 'Inget här', match: null }]);
    expect(segments('', [])).toEqual([]);
  });
});
