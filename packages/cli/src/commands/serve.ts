import { startServer } from '@styrgraf/server';
import { EXIT, parse, type Command } from '../command.ts';

export const serve: Command = {
  name: 'serve',
  usage: `styrgraf serve [--watch]
  --watch  reload the data directory whenever a file in it changes (STYRGRAF_WATCH=1)
Settings come from the environment: PORT, HOST, GRAPH_DIR, STORE, … (see the README).
Exit 3 when the server cannot start (bad data or settings, the port taken).`,
  async run(args, io) {
    const { values } = parse(args, { watch: { type: 'boolean', default: false } });
    // The flag is the environment setting by another name, so that readConfig stays the one place settings are read.
    const env = values.watch ? { ...process.env, STYRGRAF_WATCH: '1' } : process.env;
    try {
      const { url, config } = await startServer({}, env);
      io.out(`Styrgraf is listening on ${url}  (GraphQL: ${url}graphql, exports: ${url}export/…, health: ${url}health)`);
      if (config.watch) io.out(`Watching ${config.graphDir}: an edit is validated and served as soon as it is saved; /health shows the reload state.`);
      // Runs until stopped.
      await new Promise<never>(() => undefined);
      return EXIT.OK;
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return EXIT.FAILED;
    }
  },
};
