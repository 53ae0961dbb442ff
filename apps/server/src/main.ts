/**
 * `pnpm start`: validates graph/, loads the store and serves the API (and the
 * web app, when built) on one port. Bad data or bad settings stop the start
 * with the full list of problems; nothing is served half-loaded.
 */
import { startServer } from './start.ts';

try {
  const { url } = await startServer();
  console.log(`Styrgraf is listening on ${url}  (GraphQL: ${url}graphql, health: ${url}health)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
