import type { Validity } from './types.ts';

/** True when the item is in force on `asOf` (both ends inclusive); a null date means "at any time". */
export function isValidAt(item: Validity, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  if (item.validFrom && asOf < item.validFrom) return false;
  if (item.validTo && asOf > item.validTo) return false;
  return true;
}

export { todayInSweden } from '@styrgraf/text/dates';
