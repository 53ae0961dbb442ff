import { EDGE_COLUMNS, NODE_COLUMNS, rowsOf } from './rows.ts';
import type { ExportSelection } from './selection.ts';

/** Excel reads a UTF-8 file as UTF-8 (å, ä, ö intact) only when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

function field(value: string): string {
  return /[",\r\n;]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function table(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  // RFC 4180: comma-separated, CRLF line ends, fields with separators or quotes quoted.
  return BOM + [columns.join(','), ...rows.map((row) => columns.map((c) => field(row[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}

/** nodes.csv: one row per entity. */
export function toNodesCsv(selection: ExportSelection): string {
  return table(NODE_COLUMNS, rowsOf(selection).nodes);
}

/** edges.csv: one row per relation, with its evidence, citations and sentence. */
export function toEdgesCsv(selection: ExportSelection): string {
  return table(EDGE_COLUMNS, rowsOf(selection).edges);
}
