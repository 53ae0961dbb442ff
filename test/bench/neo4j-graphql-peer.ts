/**
 * The peer a user would otherwise pick for a GraphQL API on Neo4j:
 * @neo4j/graphql serving the database graph:load wrote, from type definitions
 * written for our labels (one relationship field per relation kind and
 * direction, generated from the vocabulary, and a `neighbours` field of
 * custom Cypher for walks of any kind), behind the same graphql-yoga on
 * node:http as our server. Its own process; prints the address it listens on.
 * Run by test/bench/neo4j.ts with NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import { RELATION_KIND_NAMES } from '@styrgraf/model';
import neo4j from 'neo4j-driver';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { peerField } from './neo4j-graphql-queries.ts';

const relationships = RELATION_KIND_NAMES.flatMap((kind) => [
  `  ${peerField(kind, 'OUT')}: [Entity!]! @relationship(type: "${kind}", direction: OUT)`,
  `  ${peerField(kind, 'IN')}: [Entity!]! @relationship(type: "${kind}", direction: IN)`,
]);
const typeDefs = /* GraphQL */ `
type Entity @node(labels: ["Entity"]) {
  id: ID!
  kind: String!
  name: String!
${relationships.join('\n')}
  "Every entity one relation away, of any kind, either way: the peer's own way to walk a graph of many relationship types."
  neighbours: [Entity!]! @cypher(statement: "MATCH (this)--(n:Entity) RETURN DISTINCT n", columnName: "n")
}
`;

const driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD!));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, graphiql: false, landingPage: false, logging: false });
// yoga answers through the response and handles its own errors; the promise it returns only says when.
const server = createServer((request, response) => void yoga(request, response));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`@neo4j/graphql is listening on http://127.0.0.1:${port}/`);
});
