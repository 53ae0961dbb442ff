/**
 * The ceiling for `pnpm bench`'s HTTP figures: graphql-yoga on node:http,
 * as the real server runs it, answering a constant from a one-field schema.
 * Whatever the real server costs beyond this is ours (limits, resolvers,
 * the store).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        hello: String!
      }
    `,
    resolvers: { Query: { hello: () => 'hej' } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
});
// yoga answers through the response and handles its own errors; the promise it returns only says when.
const server = createServer((request, response) => void yoga(request, response));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`bare yoga is listening on http://127.0.0.1:${port}/`);
});
