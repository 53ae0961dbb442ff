import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldAnyText, foldKeepingOffsets } from './fold.ts';

describe('fold', () => {
  it('folds Swedish names as the Unicode passes do', () => {
    expect(fold('Vård- och omsorgsnämnden')).toBe('vard och omsorgsnamnden');
    expect(fold('  KOMMUNSTYRELSENS   Personalutskott ')).toBe('kommunstyrelsens personalutskott');
    expect(fold('Arbetsmarknadskontoret (Syntetiska 001)')).toBe('arbetsmarknadskontoret syntetiska 001');
    expect(fold('Nyköping–Östgötalänken AB')).toBe('nykoping ostgotalanken ab');
    expect(fold('İstanbul ﬁrma')).toBe(foldAnyText('İstanbul ﬁrma'));
  });

  it('gives what the Unicode passes give, for any text', () => {
    const latin = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
    fc.assert(
      fc.property(latin, (text) => fold(text) === foldAnyText(text)),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => fold(text) === foldAnyText(text)),
      { numRuns: 1_000 },
    );
  });
});

describe('one folding for every part of the app', () => {
  it('keeps letters beyond ASCII that have no accent to drop (the web once turned them into spaces)', () => {
    expect(fold('Ærøskøbing Kommune')).toBe('ærøskøbing kommune');
    expect(fold('Förvaltningens Indelning')).toBe('forvaltningens indelning');
  });

  it('folds each character where it stands for the glossary, as fold does, offsets kept', () => {
    for (const text of ['Kommunstyrelsens personalutskott (KS-PU)', 'Vård- och omsorgsnämnden', 'Ärende – överklagat!']) {
      const kept = foldKeepingOffsets(text);
      expect(kept).toHaveLength(text.length);
      expect(kept.replace(/\s+/g, ' ').trim()).toBe(fold(text));
    }
  });
});
