import { ENTITY_KINDS, RELATION_FAMILIES, isIsoDate, type EntityKind, type RelationFamily } from '@styrgraf/model';
import type { ExportFilter } from './selection.ts';

export class ExportFilterError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'ExportFilterError';
  }
}

/**
 * Reads `asOf`, `families` and `kinds` as the URL and the command line give
 * them (comma-separated, any case), refusing an unknown name or a date that
 * is not a real day, with the field and what it may be.
 */
export function parseExportFilter(raw: {
  asOf?: string | null | undefined;
  families?: string | null | undefined;
  kinds?: string | null | undefined;
}): ExportFilter {
  const asOf = raw.asOf?.trim() || null;
  if (asOf !== null && !isIsoDate(asOf)) throw new ExportFilterError(`asOf must be a real date written YYYY-MM-DD, not "${asOf}"`);
  return {
    asOf,
    families: list('families', raw.families, RELATION_FAMILIES) as RelationFamily[],
    kinds: list('kinds', raw.kinds, ENTITY_KINDS) as EntityKind[],
  };
}

function list(field: string, raw: string | null | undefined, allowed: readonly string[]): string[] {
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length > 0) throw new ExportFilterError(`${field}: unknown ${unknown.map((u) => `"${u}"`).join(', ')}; use ${allowed.join(', ')}`);
  return names;
}
