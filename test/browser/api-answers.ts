/**
 * What the explorer should show, worked out from the API's own answer. The
 * canvas and the table leave out the entities the filters leave without a
 * relation (the lonely toggle brings them back), so the expected count is the
 * entities that stand at an end of a relation, not every entity the API lists.
 */
export interface ApiSubgraph {
  nodes: { id: string }[];
  edges: { from: { id: string }; to: { id: string } }[];
}

/** The ids of the entities a default view draws: those with at least one relation in the subgraph. */
export function connectedIds(graph: ApiSubgraph): Set<string> {
  const ends = new Set(graph.edges.flatMap((e) => [e.from.id, e.to.id]));
  return new Set(graph.nodes.map((n) => n.id).filter((id) => ends.has(id)));
}

/** The entities the default view leaves out: the API lists them, but no relation shown reaches them. */
export function lonelyIds(graph: ApiSubgraph): string[] {
  const connected = connectedIds(graph);
  return graph.nodes.map((n) => n.id).filter((id) => !connected.has(id));
}
