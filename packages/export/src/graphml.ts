import { EDGE_COLUMNS, NODE_COLUMNS, rowsOf } from './rows.ts';
import type { ExportSelection } from './selection.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * GraphML (graphml.graphdrawing.org), as Gephi, yEd and graphology read it:
 * one directed graph, every attribute declared with a `<key>` (all strings;
 * an empty one left out), nodes by entity id, edges by relation id.
 */
export function toGraphml(selection: ExportSelection): string {
  const { nodes, edges } = rowsOf(selection);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const column of NODE_COLUMNS) if (column !== 'id') out.push(`  <key id="n_${column}" for="node" attr.name="${column}" attr.type="string"/>`);
  for (const column of EDGE_COLUMNS)
    if (column !== 'id' && column !== 'source' && column !== 'target')
      out.push(`  <key id="e_${column}" for="edge" attr.name="${column}" attr.type="string"/>`);
  out.push(`  <graph id="${xml(selection.dataset.id)}" edgedefault="directed">`);
  out.push(
    `    <desc>${xml(`${selection.dataset.name.sv}, version ${selection.dataset.version} (${selection.dataset.digest})${selection.asOf ? `, per ${selection.asOf}` : ''}`)}</desc>`,
  );
  for (const row of nodes) {
    out.push(`    <node id="${xml(row.id)}">`);
    for (const column of NODE_COLUMNS) if (column !== 'id' && row[column] !== '') out.push(`      <data key="n_${column}">${xml(row[column])}</data>`);
    out.push('    </node>');
  }
  for (const row of edges) {
    out.push(`    <edge id="${xml(row.id)}" source="${xml(row.source)}" target="${xml(row.target)}">`);
    for (const column of EDGE_COLUMNS)
      if (column !== 'id' && column !== 'source' && column !== 'target' && row[column] !== '')
        out.push(`      <data key="e_${column}">${xml(row[column])}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
