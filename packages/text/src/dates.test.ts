import { describe, expect, it } from 'vitest';
import { todayInSweden } from './dates.ts';

describe('todayInSweden', () => {
  it("turns the date at Stockholm's midnight, winter (UTC+1) and summer (UTC+2), as YYYY-MM-DD", () => {
    const at = (iso: string) => todayInSweden(new Date(iso));
    expect(at('2026-12-07T22:59:00Z')).toBe('2026-12-07');
    // The last instant of a minute whose start was asked just before: the kept answer is still that minute's own.
    expect(at('2026-12-07T22:59:59.999Z')).toBe('2026-12-07');
    expect(at('2026-12-07T23:00:00Z')).toBe('2026-12-08');
    expect(at('2026-06-30T21:59:59Z')).toBe('2026-06-30');
    expect(at('2026-06-30T22:00:00Z')).toBe('2026-07-01');
    // Back to an earlier minute: the answer is that minute's, not the last one asked.
    expect(at('2026-06-30T21:59:30Z')).toBe('2026-06-30');
    expect(at('2027-01-01T00:00:00Z')).toBe('2027-01-01');
  });

  it('gives, for any instant, the date the Swedish formatter gives', () => {
    const formatter = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    // Every 37 minutes and 13 seconds over two years, across both turns of summer time.
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 2_233_000) {
      expect(todayInSweden(new Date(t)), new Date(t).toISOString()).toBe(formatter.format(t));
    }
  });
});
