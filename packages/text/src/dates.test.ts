import { describe, expect, it } from 'vitest';
import { todayInSweden } from './dates.ts';

describe('todayInSweden', () => {
  it("turns the date at Stockholm's midnight, winter (UTC+1) and summer (UTC+2), as YYYY-MM-DD", () => {
    expect(todayInSweden(new Date('2026-12-07T22:59:59Z'))).toBe('2026-12-07');
    expect(todayInSweden(new Date('2026-12-07T23:00:00Z'))).toBe('2026-12-08');
    expect(todayInSweden(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayInSweden(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    // The kept formatter answers each call afresh: a second date after the first is not the first's answer.
    expect(todayInSweden(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});
