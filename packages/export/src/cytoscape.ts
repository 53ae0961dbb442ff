import { rowsOf } from './rows.ts';
import type { ExportSelection } from './selection.ts';

/**
 * Cytoscape.js JSON (`cy.json()`'s elements, which Cytoscape desktop opens
 * as .cyjs): nodes and edges with the shared attribute rows as `data`, `name`
 * set for Cytoscape desktop's label, `family` and `kind` as classes for styling.
 */
export function toCytoscape(selection: ExportSelection): object {
  const { nodes, edges } = rowsOf(selection);
  return {
    format_version: '1.0',
    generated_by: 'styrgraf',
    target_cytoscapejs_version: '~3',
    data: { name: selection.dataset.name.sv, dataset: selection.dataset, as_of: selection.asOf, families: selection.families, kinds: selection.kinds },
    elements: {
      nodes: nodes.map((data) => ({ data: { ...data, name: data.name_sv }, classes: data.kind.toLowerCase() })),
      edges: edges.map((data) => ({ data: { ...data, name: data.label_sv }, classes: `${data.family.toLowerCase()} ${data.kind.toLowerCase()}` })),
    },
  };
}
