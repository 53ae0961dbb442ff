import type { EntityKind, RelationFamily } from '../../api/types.ts';

/**
 * The open-data formats the server writes at `/export/{format}` (see
 * packages/export), each with a hint in words: which programs read it.
 */
export const OPEN_DATA_FORMATS = [
  { id: 'csv-nodes', title: 'CSV – aktörer', hint: 'openDataCsvNodes' },
  { id: 'csv-edges', title: 'CSV – relationer', hint: 'openDataCsvEdges' },
  { id: 'graphml', title: 'GraphML', hint: 'openDataGraphml' },
  { id: 'cytoscape', title: 'Cytoscape.js JSON', hint: 'openDataCytoscape' },
  { id: 'popolo', title: 'Popolo JSON', hint: 'openDataPopolo' },
  { id: 'jsonld', title: 'W3C ORG (JSON-LD)', hint: 'openDataJsonld' },
  { id: 'turtle', title: 'W3C ORG (Turtle)', hint: 'openDataTurtle' },
  { id: 'oparl', title: 'OParl JSON', hint: 'openDataOparl' },
] as const;

export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The download link for what the view shows: its date (today when none is set), families and kinds. */
export function exportHref(format: string, view: { asOf: string; families: readonly RelationFamily[]; kinds: readonly EntityKind[] }): string {
  const params = new URLSearchParams({ asOf: view.asOf, families: [...view.families].sort().join(','), kinds: [...view.kinds].sort().join(',') });
  return `/export/${format}?${params.toString()}`;
}
