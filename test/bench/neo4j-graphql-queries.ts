/**
 * The peer's equivalents of our benchmark queries, in its generated API: an
 * entity with every relation (each kind and direction is a field), and the
 * depth-2 neighbourhood through its `neighbours` field nested once. (The same
 * neighbourhood through the generated relationship fields nested once, 66
 * fields under each of 66, gave no answer within 300 s on the national set.)
 */
import { RELATION_KIND_NAMES, type RelationKind } from '@styrgraf/model';

/** appoints, appointsIn, reportsTo, reportsToIn, … */
export function peerField(kind: RelationKind, direction: 'OUT' | 'IN'): string {
  const camel = kind.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return direction === 'OUT' ? camel : `${camel}In`;
}

const every = (selection: string) =>
  RELATION_KIND_NAMES.flatMap((k) => [`${peerField(k, 'OUT')} ${selection}`, `${peerField(k, 'IN')} ${selection}`]).join('\n    ');

export const PEER_ENTITY_QUERY = /* GraphQL */ `query Entity($id: ID!) {
  entities(where: { id: { eq: $id } }) {
    id name kind
    ${every('{ id name kind }')}
  }
}`;

export const PEER_NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    entities(where: { id: { eq: $id } }) {
      id
      name
      kind
      neighbours {
        id
        name
        kind
        neighbours {
          id
          name
          kind
        }
      }
    }
  }
`;
