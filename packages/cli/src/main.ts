/**
 * `styrgraf <command>`: one command line for the data — validate, check,
 * export, diff, load into and export from Neo4j, generate, serve — with one
 * help text, `--help` on each command, `--json` for machines and the exit
 * codes in command.ts.
 */
import { EXIT, UsageError, type Command, type Io } from './command.ts';

/** The commands by name and summary; each one's code (and the libraries it needs) is loaded only when it runs, so `--help` is quick. */
export const COMMANDS: readonly { name: string; summary: string; load(): Promise<Command> }[] = [
  {
    name: 'validate',
    summary: 'check a data directory and name the file, line and field of every problem',
    load: async () => (await import('./commands/validate.ts')).validate,
  },
  {
    name: 'check',
    summary: 'run the governance rule checks over a data directory as of a date',
    load: async () => (await import('./commands/check.ts')).check,
  },
  {
    name: 'export',
    summary: 'write the data set in an open format (Popolo, W3C ORG, GraphML, Cytoscape, CSV, OParl)',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  {
    name: 'diff',
    summary: 'what changed between two data sets, or two versions of one, in words or JSON',
    load: async () => (await import('./commands/diff.ts')).diff,
  },
  {
    name: 'load',
    summary: 'validate a data directory and replace the data set in Neo4j in one transaction',
    load: async () => (await import('./commands/neo4j.ts')).load,
  },
  {
    name: 'export-neo4j',
    summary: 'write the data set held in Neo4j back to YAML files laid out as graph/ is',
    load: async () => (await import('./commands/neo4j.ts')).exportNeo4j,
  },
  { name: 'generate', summary: 'write a synthetic national data set in graph/’s format', load: async () => (await import('./commands/generate.ts')).generate },
  { name: 'serve', summary: 'serve the API, the exports and the explorer (as pnpm start does)', load: async () => (await import('./commands/serve.ts')).serve },
];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `usage: styrgraf <command> [options]   (also: pnpm styrgraf <command> …)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

styrgraf <command> --help tells more about each.
Exit codes: 0 done; 1 the data says no (invalid, a rule fails, data sets differ); 2 wrong call; 3 could not run.`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv.filter((a, i) => !(i === 0 && a === '--'));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`styrgraf: no command "${name}"\n\n${helpText()}`);
    return EXIT.USAGE;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${entry.summary}\n\nusage: ${command.usage}`);
    return EXIT.OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`styrgraf ${command.name}: ${error.message}\nusage: ${command.usage}`);
      return EXIT.USAGE;
    }
    io.err(`styrgraf ${command.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.FAILED;
  }
}
