/**
 * The heaviest query the limits let through on a synthetic national set: the
 * depth-4 neighbourhood of the national hub (every municipality is a member),
 * every relation with its sentence. On 120 municipalities it reads ~20,000
 * records and runs for seconds, while its static estimate is far lower — a
 * hub's reach is what no static cost can know. The time-out, the starvation
 * test and the heavy-mix bench all load a server with it.
 */
export const HUB_NEIGHBOURHOOD = /* GraphQL */ `
  {
    neighbourhood(id: "se-kommunforbundet", depth: 4) {
      nodes {
        id
        name
        kind
      }
      edges {
        id
        kind
        sentence
        from {
          id
          name
        }
        to {
          id
          name
        }
      }
    }
  }
`;

/**
 * The heaviest query the limits let through on Norrköping: every actor's
 * relations with their sentences, both ends and the provisions they rest on.
 * The starvation test and the heavy-mix bench load a server with it.
 */
export const WHOLE_GRAPH_RELATIONS = /* GraphQL */ `
  {
    graph {
      nodes {
        id
        ... on Actor {
          relations {
            sentence
            from {
              name
            }
            to {
              name
            }
            provisions {
              id
              text
            }
          }
        }
      }
    }
  }
`;
