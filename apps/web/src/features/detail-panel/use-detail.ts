import { skipToken, useQuery } from '@tanstack/react-query';
import { DECISION_AREA_FIELDS, EVIDENCE_FIELDS, PROVISION_FIELDS, RELATION_FIELDS } from '../../api/fragments.ts';
import { found, operation, request } from '../../api/client.ts';
import type { EntityDetail, Lang, RelationDetail } from '../../api/types.ts';

export const ENTITY_QUERY = operation(
  'EntityDetail',
  /* GraphQL */ `
    query EntityDetail($id: ID!, $lang: Lang, $asOf: Date) {
      entity(id: $id) {
        id
        kind
        kindLabel(lang: $lang)
        names {
          sv
          en
        }
        description(lang: $lang)
        note(lang: $lang)
        abbreviations
        validFrom
        validTo
        confidence
        sources
        provisions {
          ...ProvisionFields
        }
        relations(asOf: $asOf) {
          ...RelationFields
        }
        ... on Actor {
          subtype
          generic
          role {
            id
            kind
            name
          }
          postIn {
            id
            kind
            name
          }
          posts(asOf: $asOf) {
            id
            kind
            name
            postIn {
              id
              kind
              name
            }
          }
        }
        ... on DecisionArea {
          ...DecisionAreaFields
        }
        ... on Provision {
          text
          section
        }
        ... on GlossaryTerm {
          definition(lang: $lang)
        }
      }
    }
    ${DECISION_AREA_FIELDS}
    ${PROVISION_FIELDS}
    ${EVIDENCE_FIELDS}
    ${RELATION_FIELDS}
  `,
);

export const RELATION_QUERY = operation(
  'RelationDetail',
  /* GraphQL */ `
    query RelationDetail($from: ID!, $lang: Lang, $asOf: Date) {
      entity(id: $from) {
        id
        relations(direction: OUT, asOf: $asOf) {
          ...RelationFields
        }
      }
    }
    ${PROVISION_FIELDS}
    ${EVIDENCE_FIELDS}
    ${RELATION_FIELDS}
  `,
);

/**
 * One entity with its relations in force on the date shown, grouped later by
 * family. Callers pass a date, today's when the view shows today: without one
 * the API lists every relation the entity ever had.
 */
export function useEntityDetail(id: string | null, lang: Lang, asOf: string) {
  return useQuery({
    queryKey: ['entity', id, lang, asOf],
    queryFn: id ? ({ signal }) => request(ENTITY_QUERY, { id, lang, asOf }, signal).then((d): EntityDetail => found(d.entity, `The entity ${id}`)) : skipToken,
  });
}

/** A relation, read from its source entity (the API has no lookup by relation id; the source's outgoing relations include it). */
export function useRelationDetail(id: string | null, from: string | null, lang: Lang, asOf: string) {
  return useQuery({
    queryKey: ['relation', from, id, lang, asOf],
    queryFn:
      id && from
        ? ({ signal }) =>
            request(RELATION_QUERY, { from, lang, asOf }, signal).then(
              (d): RelationDetail | null => found(d.entity, `The entity ${from}`).relations.find((r) => r.id === id) ?? null,
            )
        : skipToken,
  });
}

export interface FamilyGroup {
  family: string;
  label: string;
  relations: RelationDetail[];
}

/** Relations grouped by family in the vocabulary's order, each group in the order the API gives. */
export function groupByFamily(relations: readonly RelationDetail[], familyOrder: readonly string[]): FamilyGroup[] {
  const groups = new Map<string, FamilyGroup>();
  for (const r of relations) {
    const group = groups.get(r.family) ?? { family: r.family, label: r.familyLabel, relations: [] };
    group.relations.push(r);
    groups.set(r.family, group);
  }
  const rank = (f: string) => {
    const i = familyOrder.indexOf(f);
    return i === -1 ? familyOrder.length : i;
  };
  return [...groups.values()].sort((a, b) => rank(a.family) - rank(b.family));
}
