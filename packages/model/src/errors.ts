import { closest, distance } from 'fastest-levenshtein';

export type ValidationCode =
  | 'IO'
  | 'YAML_SYNTAX'
  | 'NOT_A_MAPPING'
  | 'SCHEMA'
  | 'MISSING_META'
  | 'DUPLICATE_ID'
  | 'DANGLING_REFERENCE'
  | 'WRONG_KIND'
  | 'MISSING_CITATION'
  | 'INVALID_DATES'
  | 'CYCLE'
  | 'MISSING_EVIDENCE'
  | 'EVIDENCE'
  | 'EMPTY';

/** One problem in the data, named by file, line and field so that a reviewer can go straight to it. */
export interface ValidationIssue {
  code: ValidationCode;
  file: string;
  line: number;
  /** Path of the field inside the file, e.g. `relations[3].to`. */
  field: string;
  message: string;
}

export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${where}${field} ${issue.message} [${issue.code}]`;
}

/** Thrown where a caller needs an exception (server start, CLI); carries every issue, not just the first. */
export class DatasetValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly dir: string,
    readonly issues: ValidationIssue[],
  ) {
    const shown = issues.slice(0, 50).map(formatIssue);
    const more = issues.length > shown.length ? [`… and ${issues.length - shown.length} more`] : [];
    super([`The governance data in ${dir} is invalid (${issues.length} ${issues.length === 1 ? 'error' : 'errors'}):`, ...shown, ...more].join('\n  '));
    this.name = 'DatasetValidationError';
  }
}

/** The closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function closestId(word: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates);
  return distance(word, best) <= maxDistance ? best : undefined;
}
