import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Exit codes every subcommand keeps, so that a script can tell them apart:
 * 0 done (valid, no rule failed, no difference); 1 the data says no (invalid,
 * a rule fails, the data sets differ); 2 the command was called wrongly;
 * 3 it could not run (a database out of reach, a file it could not write).
 */
export const EXIT = { OK: 0, NO: 1, USAGE: 2, FAILED: 3 } as const;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

/** A call the command cannot make sense of: said on stderr with the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<T extends Options> = {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: T & { help: { type: 'boolean'; short: 'h'; default: false } };
};
/** What parse gives: named, so that the package's declarations can say it. */
export type Parsed<T extends Options> = ReturnType<typeof parseArgs<WithHelp<T>>>;

/** node:util parseArgs, strict, with `--help` on every command and pnpm's stray "--" dropped. */
export function parse<T extends Options>(args: string[], options: T): Parsed<T> {
  try {
    const config: WithHelp<T> = {
      args: args.filter((a) => a !== '--'),
      allowPositionals: true,
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
    };
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
