/**
 * `pnpm start [--watch]`: validates graph/, loads the store and serves the API
 * (and the web app, when built) on one port. Bad data or bad settings stop the
 * start with the full list of problems; nothing is served half-loaded.
 * `--watch` (or STYRGRAF_WATCH=1) reloads graph/ whenever a file in it changes.
 */
import { parseArgs } from 'node:util';
import { startServer } from './start.ts';

try {
  const { values } = parseArgs({ options: { watch: { type: 'boolean', default: false } }, strict: true });
  // The flag is the environment setting by another name, so that readConfig stays the one place settings are read and checked.
  const env = values.watch ? { ...process.env, STYRGRAF_WATCH: '1' } : process.env;
  const { url, config } = await startServer({}, env);
  console.log(`Styrgraf is listening on ${url}  (GraphQL: ${url}graphql, health: ${url}health)`);
  if (config.watch) console.log(`Watching ${config.graphDir}: an edit is validated and served as soon as it is saved; /health shows the reload state.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
