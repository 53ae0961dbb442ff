import type { ValidationCode, ValidationIssue } from '../errors.ts';
import { formatPath, type ParsedFile } from '../load.ts';
import type { GraphFile } from '../schema.ts';
import type { Evidence } from '../types.ts';

/** Where in which file a record, or a field of it, was given. */
export type Place = { file: ParsedFile; key: keyof GraphFile; path: (string | number)[] };

/** Collects issues with their place; `at` resolves the line lazily from the parsed file. */
export class IssueList {
  readonly items: ValidationIssue[] = [];
  add(code: ValidationCode, place: Place, message: string): void {
    const [index, ...rest] = place.path;
    const line = typeof index === 'number' ? place.file.lineOf(place.key, index, ...rest) : place.file.lineOf(place.key, 0);
    this.items.push({ code, file: place.file.path, line, field: formatPath([place.key, ...place.path]), message });
  }
}

/** Stands in for evidence a record lacks, so that checking can go on; a data set with a missing evidence is never returned. */
export const NO_EVIDENCE: Evidence = Object.freeze({ status: 'SOURCED' });

/** What a record without evidence is told. */
export const EVIDENCE_HELP =
  'says nothing of how it is known: add evidence with status STATED (and a quote from a cited provision), INTERPRETED (and the reading in note), CONTESTED (and two or more readings) or SOURCED (and its confidence)';
