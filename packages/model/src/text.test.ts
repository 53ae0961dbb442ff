import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldAnyText } from './text.ts';

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
    fc.assert(fc.property(latin, (text) => fold(text) === foldAnyText(text)), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => fold(text) === foldAnyText(text)), { numRuns: 5_000 });
  });
});
