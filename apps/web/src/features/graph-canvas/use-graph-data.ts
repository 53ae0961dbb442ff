import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import type { EntityKind, Lang, RelationFamily, Subgraph } from '../../api/types.ts';
import { mergeSubgraphs } from './elements.ts';

export const SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes { id kind name nameEn: name(lang: EN) validFrom validTo ... on Actor { subtype } }
    edges { id kind family label(lang: $lang) from { id } to { id } }
  }
`;

export const GRAPH_QUERY = /* GraphQL */ `
  query Graph($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    graph(asOf: $asOf, families: $families, kinds: $kinds) { ...SubgraphFields }
  }
  ${SUBGRAPH_FIELDS}
`;

export const NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query Neighbourhood($id: ID!, $depth: Int, $asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    neighbourhood(id: $id, depth: $depth, asOf: $asOf, families: $families, kinds: $kinds) { ...SubgraphFields }
  }
  ${SUBGRAPH_FIELDS}
`;

export interface GraphScope {
  asOf: string | null;
  families: RelationFamily[];
  kinds: EntityKind[];
  lang: Lang;
  focus: string | null;
  depth: number;
  expanded: string[];
}

type SubgraphNode = Subgraph['nodes'][number] & { subtype?: string | null };
export const normalise = (s: { nodes: SubgraphNode[]; edges: Subgraph['edges'] }): Subgraph => ({ nodes: s.nodes.map((n) => ({ ...n, subtype: n.subtype ?? null })), edges: s.edges });

type PartResult = { data?: Subgraph | undefined; error: Error | null; isPending: boolean; isFetching: boolean; refetch: () => Promise<unknown> };

/** Module-level, so TanStack Query re-combines only when a part changes and the canvas sees a new subgraph only when there is one. */
function combineParts(results: PartResult[]) {
  return {
    subgraph: results.length > 0 && results.every((r) => r.data) ? mergeSubgraphs(results.map((r) => r.data!)) : undefined,
    error: results.find((r) => r.error)?.error ?? null,
    isLoading: results.some((r) => r.isPending),
    isFetching: results.some((r) => r.isFetching),
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

/** The subgraph the canvas shows: the whole graph, or a focus neighbourhood plus the neighbours expanded from it. */
export function useGraphData(scope: GraphScope) {
  const base = { asOf: scope.asOf, families: [...scope.families].sort(), kinds: [...scope.kinds].sort(), lang: scope.lang };
  const whole = useQuery<Subgraph>({
    queryKey: ['graph', base],
    queryFn: ({ signal }) => request<{ graph: Subgraph }>(GRAPH_QUERY, base, signal).then((d) => normalise(d.graph)),
    enabled: !scope.focus,
    placeholderData: keepPreviousData,
  });
  const roots = scope.focus ? [{ id: scope.focus, depth: scope.depth }, ...scope.expanded.map((id) => ({ id, depth: 1 }))] : [];
  const focused = useQueries({
    queries: roots.map((root) => ({
      queryKey: ['neighbourhood', root, base],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD_QUERY, { ...base, ...root }, signal).then((d) => normalise(d.neighbourhood)),
      placeholderData: keepPreviousData,
    })),
    combine: combineParts,
  });
  if (scope.focus) return focused;
  return { subgraph: whole.data, error: whole.error, isLoading: whole.isPending, isFetching: whole.isFetching, refetch: () => void whole.refetch() };
}
