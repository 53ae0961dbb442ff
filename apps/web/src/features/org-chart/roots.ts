import { useQuery } from '@tanstack/react-query';
import { request, operation } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import { useCountryScope } from '../country/municipalities-api.ts';
import { addTo } from '../../lib/group.ts';

export interface HierarchyGraph {
  nodes: { id: string; name: string; kind: string }[];
  edges: { kind: string; from: { id: string }; to: { id: string } }[];
}

export interface OrgTop {
  id: string;
  name: string;
  kind: string;
  /** How many entities hang below it in the line. */
  below: number;
}

/**
 * Where an org chart can start, from the data alone: the entities at the top
 * of the line of management (nothing above them) and those with most below
 * them, largest first. The first is the default root, so any municipality's
 * data opens its chart at its own council, whatever its id.
 */
export function orgTops(graph: HierarchyGraph, hierarchy: ReadonlyMap<string, 'down' | 'up'>, limit = 5): OrgTop[] {
  const below = new Map<string, string[]>();
  const hasAbove = new Set<string>();
  for (const e of graph.edges) {
    const direction = hierarchy.get(e.kind);
    if (!direction) continue;
    const [upper, lower] = direction === 'down' ? [e.from.id, e.to.id] : [e.to.id, e.from.id];
    if (upper === lower) continue;
    addTo(below, upper, lower);
    hasAbove.add(lower);
  }
  const count = (id: string) => {
    const seen = new Set<string>([id]);
    const stack = [...(below.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(below.get(next) ?? []));
    }
    return seen.size - 1;
  };
  const tops = graph.nodes
    .filter((n) => below.has(n.id))
    .map((n) => ({ id: n.id, name: n.name, kind: n.kind, below: count(n.id), top: !hasAbove.has(n.id) }))
    .sort((a, b) => Number(b.top) - Number(a.top) || b.below - a.below || a.name.localeCompare(b.name, 'sv'));
  // The tops of the line first (largest first), then the largest branches below them.
  const first = tops.filter((t) => t.top).slice(0, 1);
  const rest = tops.filter((t) => !first.includes(t)).sort((a, b) => b.below - a.below || a.name.localeCompare(b.name, 'sv'));
  return [...first, ...rest].slice(0, limit).map(({ id, name, kind, below: n }) => ({ id, name, kind, below: n }));
}

const HIERARCHY_QUERY = operation(
  'Hierarchy',
  /* GraphQL */ `
    query Hierarchy($asOf: Date, $municipality: ID) {
      graph(asOf: $asOf, families: [REPORTING, OWNERSHIP], kinds: [POLITICAL_BODY, ROLE, UNIT, COMPANY, ORGANISATION], municipality: $municipality) {
        nodes {
          id
          name
          kind
        }
        edges {
          kind
          from {
            id
          }
          to {
            id
          }
        }
      }
      vocabulary {
        relationKinds {
          kind
          hierarchy
        }
      }
    }
  `,
);

/** Kinds read from the lower party to the higher (a subordinate reports to its superior). */
const UPWARD = new Set(['REPORTS_TO']);

/** The data set's org chart tops as of a date (see orgTops). */
export function useOrgTops(asOf: string | null, lang: Lang) {
  // On a data set of many municipalities, the tops of the chosen one's organisation.
  const { municipality, ready } = useCountryScope(lang);
  return useQuery({
    queryKey: ['orgTops', asOf, lang, municipality],
    enabled: ready,
    queryFn: ({ signal }) =>
      request(HIERARCHY_QUERY, { asOf, municipality }, signal).then((d) =>
        orgTops(d.graph, new Map(d.vocabulary.relationKinds.filter((k) => k.hierarchy).map((k) => [k.kind, UPWARD.has(k.kind) ? 'up' : 'down'] as const))),
      ),
    staleTime: Infinity,
  });
}
