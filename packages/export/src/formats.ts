import { toCytoscape } from './cytoscape.ts';
import { toEdgesCsv, toNodesCsv } from './csv.ts';
import { toGraphml } from './graphml.ts';
import { toOparl } from './oparl.ts';
import { orgGraph } from './org/model.ts';
import { toJsonLd } from './org/jsonld.ts';
import { toTurtle } from './org/turtle.ts';
import { toPopolo } from './popolo.ts';
import type { ExportSelection } from './selection.ts';

export interface ExportFormat {
  /** What the format is called in a URL and on the command line. */
  id: string;
  title: string;
  contentType: string;
  /** The file name's ending, after the data set's id and date. */
  extension: string;
  render(selection: ExportSelection): Promise<string>;
}

const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every format an export can be had in. The two CSV files are two formats,
 * so that each opens straight from its link in a spreadsheet (a ZIP would
 * have to be unpacked first, and would need a library for nothing else).
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'popolo', title: 'Popolo JSON', contentType: 'application/json; charset=utf-8', extension: 'popolo.json', render: async (s) => json(toPopolo(s)) },
  {
    id: 'jsonld',
    title: 'W3C ORG, JSON-LD',
    contentType: 'application/ld+json; charset=utf-8',
    extension: 'org.jsonld',
    render: async (s) => json(toJsonLd(orgGraph(s))),
  },
  { id: 'turtle', title: 'W3C ORG, Turtle', contentType: 'text/turtle; charset=utf-8', extension: 'org.ttl', render: (s) => toTurtle(orgGraph(s)) },
  { id: 'graphml', title: 'GraphML', contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', render: async (s) => toGraphml(s) },
  { id: 'cytoscape', title: 'Cytoscape.js JSON', contentType: 'application/json; charset=utf-8', extension: 'cyjs', render: async (s) => json(toCytoscape(s)) },
  { id: 'csv-nodes', title: 'CSV, noder', contentType: 'text/csv; charset=utf-8; header=present', extension: 'nodes.csv', render: async (s) => toNodesCsv(s) },
  {
    id: 'csv-edges',
    title: 'CSV, relationer',
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'edges.csv',
    render: async (s) => toEdgesCsv(s),
  },
  { id: 'oparl', title: 'OParl JSON', contentType: 'application/json; charset=utf-8', extension: 'oparl.json', render: async (s) => json(toOparl(s)) },
];

export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id);

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

/** "norrkoping-2025-06-01.graphml", or "norrkoping-alla-datum.graphml" for every date. */
export function exportFileName(selection: Pick<ExportSelection, 'dataset' | 'asOf'>, format: ExportFormat): string {
  return `${selection.dataset.id}-${selection.asOf ?? 'alla-datum'}.${format.extension}`;
}
