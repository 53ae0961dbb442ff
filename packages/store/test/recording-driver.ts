import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionConfig } from 'neo4j-driver';

type TransactionConfig = Parameters<Session['executeRead']>[1];
import { statementName } from '../src/neo4j/statements.ts';

/**
 * A real driver, watched: every statement a store sends through it is run on
 * the live database as usual and recorded on the way, with its parameters,
 * access mode, transaction config and the number of records it returned;
 * sessions are counted as they open and close. Tests use it to see what the
 * adapter asks of Neo4j, and how much, without standing in for Neo4j.
 */
export interface RecordedRun {
  /** The statement's file name, or "(unknown statement)" for text the adapter does not own. */
  statement: string;
  text: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  /** The transaction config (timeout, metadata) the run went out with. */
  config: TransactionConfig | undefined;
  database: string | undefined;
  /** Records it returned; -1 while it runs or when it failed. */
  records: number;
  /** The server's or driver's error code when it failed (a terminated transaction says so here). */
  error?: string;
}

export class RecordingDriver {
  readonly runs: RecordedRun[] = [];
  sessionsOpened = 0;
  sessionsClosed = 0;
  /** Called as each statement goes out, before the server answers: lets a test act while it runs. */
  onRun: ((run: RecordedRun) => void) | null = null;

  constructor(readonly real: Driver) {}

  /** The driver to hand to the code under test. */
  get driver(): Driver {
    return new Proxy(this.real, {
      get: (target, property, receiver) => {
        if (property === 'session') return (config?: SessionConfig) => this.session(config);
        return boundMember(target, property, receiver);
      },
    });
  }

  private session(config: SessionConfig = {}): Session {
    this.sessionsOpened++;
    const session = this.real.session(config);
    const watch = (mode: 'READ' | 'WRITE', txConfig: TransactionConfig | undefined) => (tx: ManagedTransaction) =>
      new Proxy(tx, {
        get: (target, property, receiver) => {
          if (property !== 'run') {
            return boundMember(target, property, receiver);
          }
          return async (text: string, params: Record<string, unknown> = {}) => {
            const run: RecordedRun = {
              statement: statementName(text) ?? '(unknown statement)',
              text,
              params,
              mode,
              config: txConfig,
              database: config.database,
              records: -1,
            };
            this.runs.push(run);
            this.onRun?.(run);
            try {
              const result = await target.run(text, params);
              run.records = result.records.length;
              return result;
            } catch (error) {
              run.error = (error as { code?: string }).code ?? String(error);
              throw error;
            }
          };
        },
      });
    let closed = false;
    return new Proxy(session, {
      get: (target, property, receiver) => {
        if (property === 'executeRead' || property === 'executeWrite') {
          const mode = property === 'executeRead' ? 'READ' : 'WRITE';
          return <T>(work: (tx: ManagedTransaction) => Promise<T>, txConfig?: TransactionConfig) =>
            target[property]((tx) => work(watch(mode, txConfig)(tx)), txConfig);
        }
        if (property === 'close') {
          return async () => {
            if (!closed) this.sessionsClosed++;
            closed = true;
            await target.close();
          };
        }
        return boundMember(target, property, receiver);
      },
    });
  }

  /** Runs recorded since `from`, by statement name. */
  since(from: number): RecordedRun[] {
    return this.runs.slice(from);
  }
}

/** Parameters in a readable, stable form for snapshots: integers and dates say what they are. */
export function describeParams(params: Record<string, unknown>): string {
  return JSON.stringify(
    params,
    (_key, value: unknown) => {
      if (neo4j.isInt(value)) return `int(${String(value)})`;
      if (neo4j.isDate(value)) return `date(${String(value)})`;
      if (typeof value === 'string' && value.startsWith('{') && value.length > 60) return `${value.slice(0, 57)}…`;
      return value;
    },
    2,
  );
}

/** A member of the real object, a method bound to it: called through the proxy it would otherwise get the proxy as `this`. */
function boundMember(target: object, property: string | symbol, receiver: unknown): unknown {
  const value: unknown = Reflect.get(target, property, receiver);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}
