import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request, operation } from '../../api/client.ts';
import type { EntityKind, Lang, RelationFamily, Subgraph } from '../../api/types.ts';
import { RELATION_TABLE_FIELDS } from '../table/columns.ts';
import { mergeSubgraphs } from './elements.ts';

export const SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes { id kind name nameEn: name(lang: EN) validFrom validTo ... on Actor { subtype postIn { id } } }
    edges { id kind family label(lang: $lang) from { id } to { id } evidence { status confidence marker(lang: $lang) } }
  }
`;

/**
 * The same subgraph with what the table shows of each relation: the
 * sentence and the provisions (and whatever table/columns.ts adds).
 */
export const TABLE_SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment TableSubgraphFields on Subgraph {
    nodes { id kind kindLabel(lang: $lang) name nameEn: name(lang: EN) validFrom validTo ... on Actor { subtype postIn { id } } }
    edges { id kind family label(lang: $lang) from { id } to { id } evidence { status confidence marker(lang: $lang) } ...RelationTableFields }
  }
  ${RELATION_TABLE_FIELDS}
`;

export const GRAPH_QUERY = operation('Graph', /* GraphQL */ `
  query Graph($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    graph(asOf: $asOf, families: $families, kinds: $kinds) { ...SubgraphFields }
  }
  ${SUBGRAPH_FIELDS}
`);

export const NEIGHBOURHOOD_QUERY = operation('Neighbourhood', /* GraphQL */ `
  query Neighbourhood($id: ID!, $depth: Int, $asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    neighbourhood(id: $id, depth: $depth, asOf: $asOf, families: $families, kinds: $kinds) { ...SubgraphFields }
  }
  ${SUBGRAPH_FIELDS}
`);

/** The graph and neighbourhood queries with the table's fields: the table view asks for more of each relation. */
export const TABLE_GRAPH_QUERY = operation('TableGraph', /* GraphQL */ `
  query TableGraph($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    graph(asOf: $asOf, families: $families, kinds: $kinds) { ...TableSubgraphFields }
  }
  ${TABLE_SUBGRAPH_FIELDS}
`);

export const TABLE_NEIGHBOURHOOD_QUERY = operation('TableNeighbourhood', /* GraphQL */ `
  query TableNeighbourhood($id: ID!, $depth: Int, $asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
    neighbourhood(id: $id, depth: $depth, asOf: $asOf, families: $families, kinds: $kinds) { ...TableSubgraphFields }
  }
  ${TABLE_SUBGRAPH_FIELDS}
`);

export interface GraphScope {
  asOf: string | null;
  families: RelationFamily[];
  kinds: EntityKind[];
  lang: Lang;
  focus: string | null;
  depth: number;
  expanded: string[];
}

/** Entities that are not actors (a decision area) come without the actor's fields. */
type SubgraphNode = Omit<Subgraph['nodes'][number], 'subtype' | 'postIn'> & { subtype?: string | null; postIn?: { id: string } | null };
export const normalise = (s: { nodes: SubgraphNode[]; edges: Subgraph['edges'] }): Subgraph => ({
  nodes: s.nodes.map((n) => ({ ...n, subtype: n.subtype ?? null, postIn: n.postIn ?? null })),
  edges: s.edges,
});

type PartResult = { data?: Subgraph | undefined; error: Error | null; isPending: boolean; isFetching: boolean; refetch: () => Promise<unknown> };

/**
 * Module-level, so TanStack Query re-combines only when a part changes and
 * the canvas sees a new subgraph only when there is one. The parts already
 * answered are shown while a newly added one loads, so that expanding an
 * entity adds to the picture rather than emptying it first.
 */
function combineParts(results: PartResult[]) {
  const answered = results.filter((r) => r.data);
  return {
    subgraph: answered.length > 0 && results[0]?.data ? mergeSubgraphs(answered.map((r) => r.data!)) : undefined,
    error: results.find((r) => r.error)?.error ?? null,
    isLoading: results.some((r) => r.isPending),
    isFetching: results.some((r) => r.isFetching),
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}

/** An expansion token from the URL: the entity, and the one family to expand through (or null: the families shown). */
export function parseExpansion(token: string): { id: string; family: RelationFamily | null } {
  const [id, family] = token.split('~');
  return { id: id!, family: family ? (family.toUpperCase() as RelationFamily) : null };
}

/**
 * The subgraph the canvas shows: the whole graph, or a focus neighbourhood,
 * plus the neighbours expanded from entities (through the families shown, or
 * through one family the filters may leave out).
 */
const PLAIN = { graph: GRAPH_QUERY, neighbourhood: NEIGHBOURHOOD_QUERY };
const RICH = { graph: TABLE_GRAPH_QUERY, neighbourhood: TABLE_NEIGHBOURHOOD_QUERY };

export function useGraphData(scope: GraphScope, { rich = false }: { rich?: boolean } = {}) {
  const base = { asOf: scope.asOf, families: [...scope.families].sort(), kinds: [...scope.kinds].sort(), lang: scope.lang };
  const q = rich ? RICH : PLAIN;
  const tag = rich ? 'table-' : '';
  const parts = [
    ...(scope.focus ? [{ id: scope.focus, depth: scope.depth, families: base.families }] : []),
    ...scope.expanded.map(parseExpansion).map((e) => ({ id: e.id, depth: 1, families: e.family ? [e.family] : base.families })),
  ];
  const whole = useQuery<Subgraph>({
    queryKey: [`${tag}graph`, base],
    queryFn: ({ signal }) => request(q.graph, base, signal).then((d) => normalise(d.graph)),
    enabled: !scope.focus,
    placeholderData: keepPreviousData,
  });
  const expansions = useQueries({
    queries: parts.map((part) => ({
      queryKey: [`${tag}neighbourhood`, part, base],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request(q.neighbourhood, { ...base, ...part }, signal).then((d) => normalise(d.neighbourhood)),
      placeholderData: keepPreviousData,
    })),
    combine: combineParts,
  });
  const merged = useMemo(() => (whole.data && expansions.subgraph ? mergeSubgraphs([whole.data, expansions.subgraph]) : whole.data), [whole.data, expansions.subgraph]);
  if (scope.focus) return expansions;
  if (parts.length === 0) return { subgraph: whole.data, error: whole.error, isLoading: whole.isPending, isFetching: whole.isFetching, refetch: () => void whole.refetch() };
  return {
    subgraph: merged,
    error: whole.error ?? expansions.error,
    isLoading: whole.isPending,
    isFetching: whole.isFetching || expansions.isFetching,
    refetch: () => {
      void whole.refetch();
      expansions.refetch();
    },
  };
}
