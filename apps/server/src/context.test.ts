import { todayInSweden } from '@styrgraf/model';
import { describe, expect, it } from 'vitest';
import { todayForRequest } from './context.ts';

describe('todayForRequest', () => {
  it("turns the date at Stockholm's midnight, winter and summer, though it formats once a minute", () => {
    const at = (iso: string) => todayForRequest(Date.parse(iso));
    expect(at('2026-12-07T22:59:00Z')).toBe('2026-12-07');
    expect(at('2026-12-07T22:59:59.999Z')).toBe('2026-12-07');
    expect(at('2026-12-07T23:00:00Z')).toBe('2026-12-08');
    expect(at('2026-06-30T21:59:59Z')).toBe('2026-06-30');
    expect(at('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    // Back to an earlier minute: the kept answer is the minute's, not the last one's.
    expect(at('2026-06-30T21:59:30Z')).toBe('2026-06-30');
  });

  it('is the date todayInSweden gives for the same instant', () => {
    const now = Date.now();
    expect(todayForRequest(now)).toBe(todayInSweden(new Date(now)));
  });
});
