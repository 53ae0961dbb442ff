import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request, operation } from '../../api/client.ts';
import type { EntityKind, Lang, RelationFamily, Subgraph } from '../../api/types.ts';
import { RELATION_TABLE_FIELDS } from '../table/columns.ts';
import { mergeSubgraphs } from './elements.ts';

export const SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment SubgraphFields on Subgraph {
    nodes {
      id
      kind
      name
      nameEn: name(lang: EN)
      validFrom
      validTo
      ... on Actor {
        subtype
        postIn {
          id
        }
      }
    }
    edges {
      id
      kind
      family
      label(lang: $lang)
      from {
        id
      }
      to {
        id
      }
      evidence {
        status
        confidence
        marker(lang: $lang)
      }
    }
  }
`;

/**
 * The same subgraph with what the table shows of each relation: the
 * sentence and the provisions (and whatever table/columns.ts adds).
 */
export const TABLE_SUBGRAPH_FIELDS = /* GraphQL */ `
  fragment TableSubgraphFields on Subgraph {
    ...SubgraphFields
    nodes {
      kindLabel(lang: $lang)
    }
    edges {
      ...RelationTableFields
    }
  }
  ${SUBGRAPH_FIELDS}
  ${RELATION_TABLE_FIELDS}
`;

export const GRAPH_QUERY = operation(
  'Graph',
  /* GraphQL */ `
    query Graph($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang, $municipality: ID) {
      graph(asOf: $asOf, families: $families, kinds: $kinds, municipality: $municipality) {
        ...SubgraphFields
      }
    }
    ${SUBGRAPH_FIELDS}
  `,
);

/** The country at a glance: the municipalities and what they share, what a data set of many opens on. */
export const OVERVIEW_QUERY = operation(
  'Overview',
  /* GraphQL */ `
    query Overview($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
      overview(asOf: $asOf, families: $families, kinds: $kinds) {
        ...SubgraphFields
      }
    }
    ${SUBGRAPH_FIELDS}
  `,
);

/**
 * The most entities a focus brings: a hub's depth-3 neighbourhood on the
 * national set runs to thousands (megabytes, a minute to lay out); the API
 * keeps the nearest whole steps and counts the rest, shown as "+N till".
 */
export const FOCUS_CAP = 400;

export const NEIGHBOURHOOD_QUERY = operation(
  'Neighbourhood',
  /* GraphQL */ `
    query Neighbourhood($id: ID!, $depth: Int, $asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang, $first: Int) {
      neighbourhood(id: $id, depth: $depth, asOf: $asOf, families: $families, kinds: $kinds, first: $first) {
        ...SubgraphFields
        omitted
      }
    }
    ${SUBGRAPH_FIELDS}
  `,
);

/** The graph and neighbourhood queries with the table's fields: the table view asks for more of each relation. */
export const TABLE_GRAPH_QUERY = operation(
  'TableGraph',
  /* GraphQL */ `
    query TableGraph($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang, $municipality: ID) {
      graph(asOf: $asOf, families: $families, kinds: $kinds, municipality: $municipality) {
        ...TableSubgraphFields
      }
    }
    ${TABLE_SUBGRAPH_FIELDS}
  `,
);

export const TABLE_OVERVIEW_QUERY = operation(
  'TableOverview',
  /* GraphQL */ `
    query TableOverview($asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang) {
      overview(asOf: $asOf, families: $families, kinds: $kinds) {
        ...TableSubgraphFields
      }
    }
    ${TABLE_SUBGRAPH_FIELDS}
  `,
);

export const TABLE_NEIGHBOURHOOD_QUERY = operation(
  'TableNeighbourhood',
  /* GraphQL */ `
    query TableNeighbourhood($id: ID!, $depth: Int, $asOf: Date, $families: [RelationFamily!], $kinds: [EntityKind!], $lang: Lang, $first: Int) {
      neighbourhood(id: $id, depth: $depth, asOf: $asOf, families: $families, kinds: $kinds, first: $first) {
        ...TableSubgraphFields
        omitted
      }
    }
    ${TABLE_SUBGRAPH_FIELDS}
  `,
);

export interface GraphScope {
  asOf: string | null;
  families: RelationFamily[];
  kinds: EntityKind[];
  lang: Lang;
  focus: string | null;
  depth: number;
  expanded: string[];
  /** The municipality the whole graph is scoped to (a data set of many); null for all of a data set of one. */
  municipality?: string | null;
  /** On a data set of many with no municipality chosen: the overview instead of the whole graph. */
  overview?: boolean;
  /** False until the data set has said whether it is one municipality or many. */
  ready?: boolean;
}

/** Entities that are not actors (a decision area) come without the actor's fields. */
type SubgraphNode = Omit<Subgraph['nodes'][number], 'subtype' | 'postIn'> & { subtype?: string | null; postIn?: { id: string } | null };
export const normalise = (s: { nodes: SubgraphNode[]; edges: Subgraph['edges']; omitted?: number }): Subgraph => ({
  nodes: s.nodes.map((n) => ({ ...n, subtype: n.subtype ?? null, postIn: n.postIn ?? null })),
  edges: s.edges,
  ...(s.omitted ? { omitted: s.omitted } : {}),
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
    // What the focus left out (the first part is the focus; an expansion is one step and never capped in practice).
    omitted: results[0]?.data?.omitted ?? 0,
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
const PLAIN = { graph: GRAPH_QUERY, overview: OVERVIEW_QUERY, neighbourhood: NEIGHBOURHOOD_QUERY };
const RICH = { graph: TABLE_GRAPH_QUERY, overview: TABLE_OVERVIEW_QUERY, neighbourhood: TABLE_NEIGHBOURHOOD_QUERY };

/** What every part of a view is asked with, in one order, so that the same view is the same cache entry however it was reached. */
export function graphBase(scope: Pick<GraphScope, 'asOf' | 'families' | 'kinds' | 'lang'>) {
  return { asOf: scope.asOf, families: [...scope.families].sort(), kinds: [...scope.kinds].sort(), lang: scope.lang };
}

/**
 * The whole graph of a view, or the country's overview: the hook's question,
 * and the one asked before the app mounts (app/first-questions.ts), under
 * the same key, so the answer asked for early is the one the view finds.
 */
export function wholeGraphQuery(base: ReturnType<typeof graphBase>, where: { overview: true } | { municipality: string | null }, rich = false) {
  const q = rich ? RICH : PLAIN;
  return queryOptions<Subgraph>({
    queryKey: [`${rich ? 'table-' : ''}graph`, base, 'overview' in where ? 'overview' : where.municipality],
    queryFn: ({ signal }) =>
      'overview' in where
        ? request(q.overview, base, signal).then((d) => normalise(d.overview))
        : request(q.graph, { ...base, municipality: where.municipality }, signal).then((d) => normalise(d.graph)),
  });
}

export function useGraphData(scope: GraphScope, { rich = false }: { rich?: boolean } = {}) {
  const base = graphBase(scope);
  const q = rich ? RICH : PLAIN;
  const tag = rich ? 'table-' : '';
  const parts = [
    ...(scope.focus ? [{ id: scope.focus, depth: scope.depth, families: base.families, first: FOCUS_CAP }] : []),
    ...scope.expanded.map(parseExpansion).map((e) => ({ id: e.id, depth: 1, families: e.family ? [e.family] : base.families, first: FOCUS_CAP })),
  ];
  const overview = scope.overview === true;
  const municipality = overview ? null : (scope.municipality ?? null);
  const whole = useQuery({
    ...wholeGraphQuery(base, overview ? { overview: true } : { municipality }, rich),
    enabled: !scope.focus && scope.ready !== false,
    placeholderData: keepPreviousData,
  });
  const expansions = useQueries({
    queries: parts.map((part) => ({
      queryKey: [`${tag}neighbourhood`, part, base],
      queryFn: ({ signal }: { signal: AbortSignal }) => request(q.neighbourhood, { ...base, ...part }, signal).then((d) => normalise(d.neighbourhood)),
      placeholderData: keepPreviousData,
    })),
    combine: combineParts,
  });
  const merged = useMemo(
    () => (whole.data && expansions.subgraph ? mergeSubgraphs([whole.data, expansions.subgraph]) : whole.data),
    [whole.data, expansions.subgraph],
  );
  if (scope.focus) return expansions;
  if (parts.length === 0)
    return {
      subgraph: whole.data,
      omitted: 0,
      error: whole.error,
      isLoading: whole.isPending,
      isFetching: whole.isFetching,
      refetch: () => void whole.refetch(),
    };
  return {
    subgraph: merged,
    omitted: 0,
    error: whole.error ?? expansions.error,
    isLoading: whole.isPending,
    isFetching: whole.isFetching || expansions.isFetching,
    refetch: () => {
      void whole.refetch();
      expansions.refetch();
    },
  };
}
