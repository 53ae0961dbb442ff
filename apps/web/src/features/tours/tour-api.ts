import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request, operation } from '../../api/client.ts';
import { PROVISION_FIELDS } from '../../api/fragments.ts';
import { GRAPH_KINDS, type EntityKind, type Lang, type ParticipationRole, type ProvisionRef, type RelationFamily, type Subgraph } from '../../api/types.ts';
import { GLOSSARY_TERM_FIELDS, type GlossaryMatch } from '../glossary/glossary-api.ts';
import { GRAPH_QUERY, normalise, SUBGRAPH_FIELDS } from '../graph-canvas/use-graph-data.ts';
import { mergeSubgraphs } from '../graph-canvas/elements.ts';

export interface TourSummary {
  id: string;
  order: number;
  title: string;
  summary: string;
  stepCount: number;
}

export interface TourFocus {
  id: string;
  kind: EntityKind;
  name: string;
  status?: 'ANSWERED' | 'PARTLY' | 'OPEN';
  statusLabel?: string;
}

export interface TourStep {
  number: number;
  title: string;
  text: string;
  asOf: string;
  dated: boolean;
  families: RelationFamily[];
  focus: TourFocus[];
  roles: ParticipationRole[] | null;
  provisions: ProvisionRef[];
  sources: string[];
  route: { path: { explanation: string } | null } | null;
  highlight: Subgraph;
  terms: GlossaryMatch[];
}

export interface TourWithStep {
  id: string;
  title: string;
  stepCount: number;
  step: TourStep | null;
}

export const TOURS_QUERY = operation(
  'Tours',
  /* GraphQL */ `
    query Tours($lang: Lang) {
      tours {
        id
        order
        title(lang: $lang)
        summary(lang: $lang)
        stepCount
      }
    }
  `,
);

export const TOUR_STEP_QUERY = operation(
  'TourStep',
  /* GraphQL */ `
    query TourStep($id: ID!, $number: Int!, $lang: Lang) {
      tour(id: $id) {
        id
        title(lang: $lang)
        stepCount
        step(number: $number) {
          number
          title(lang: $lang)
          text(lang: $lang)
          asOf
          dated
          families
          focus {
            id
            kind
            name(lang: $lang)
            ... on WorkshopQuestion {
              status
              statusLabel(lang: $lang)
            }
          }
          roles
          provisions {
            ...ProvisionFields
          }
          sources
          route {
            path {
              explanation(lang: $lang)
            }
          }
          highlight {
            ...SubgraphFields
          }
          terms(lang: $lang) {
            start
            end
            text
            term {
              ...GlossaryTermFields
            }
          }
        }
      }
    }
    ${PROVISION_FIELDS}
    ${SUBGRAPH_FIELDS}
    ${GLOSSARY_TERM_FIELDS}
  `,
);

export function useTours(lang: Lang) {
  return useQuery({
    queryKey: ['tours', lang],
    queryFn: ({ signal }) => request(TOURS_QUERY, { lang }, signal).then((d) => d.tours),
    staleTime: Infinity,
  });
}

export function useTourStep(id: string, number: number, lang: Lang) {
  return useQuery<TourWithStep>({
    queryKey: ['tourStep', id, number, lang],
    queryFn: ({ signal }) =>
      request(TOUR_STEP_QUERY, { id, number, lang }, signal).then((d) => ({
        ...d.tour,
        step: d.tour.step ? { ...d.tour.step, highlight: normalise(d.tour.step.highlight) } : null,
      })),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/**
 * What the canvas draws at a step: the organisation as of the step's date
 * through the step's families, plus whatever the step lights up that those
 * families leave out. Documents and workshop questions are shown as cards,
 * not drawn.
 */
export function drawableHighlight(highlight: Subgraph): Subgraph {
  const nodes = highlight.nodes.filter((n) => GRAPH_KINDS.includes(n.kind));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: highlight.edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id)) };
}

export function useStepGraph(step: TourStep | null | undefined, lang: Lang) {
  const base = step ? { asOf: step.asOf, families: [...step.families].sort(), kinds: [...GRAPH_KINDS].sort(), lang } : null;
  const graph = useQuery<Subgraph>({
    queryKey: ['graph', base],
    queryFn: ({ signal }) => request(GRAPH_QUERY, base!, signal).then((d) => normalise(d.graph)),
    enabled: !!base,
    placeholderData: keepPreviousData,
  });
  const highlight = step?.highlight;
  const subgraph = useMemo(() => (graph.data && highlight ? mergeSubgraphs([graph.data, drawableHighlight(highlight)]) : undefined), [graph.data, highlight]);
  return { subgraph, error: graph.error, isPending: graph.isPending, refetch: graph.refetch };
}
