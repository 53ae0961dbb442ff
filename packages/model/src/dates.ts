import type { Validity } from './types.ts';

/** True when the item is in force on `asOf` (both ends inclusive); a null date means "at any time". */
export function isValidAt(item: Validity, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  if (item.validFrom && asOf < item.validFrom) return false;
  if (item.validTo && asOf > item.validTo) return false;
  return true;
}

// One formatter kept: toLocaleDateString with a time zone builds a new Intl.DateTimeFormat on every call (~70 µs, as much as a whole small request).
let stockholmDay: Intl.DateTimeFormat | null = null;

/** Today's date in Sweden, as YYYY-MM-DD (the Swedish locale writes ISO dates). */
export function todayInSweden(now: Date = new Date()): string {
  stockholmDay ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
  return stockholmDay.format(now);
}
