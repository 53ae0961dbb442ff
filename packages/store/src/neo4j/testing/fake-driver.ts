import neo4j, { Record as Neo4jRecord, type Driver } from 'neo4j-driver';
import { statementName } from '../statements.ts';

/**
 * A stand-in for the driver at the session boundary, for tests where no
 * database runs: sessions whose executeRead/executeWrite run the adapter's own
 * work function against a transaction that records each statement and its
 * parameters and answers with real driver Records (or rejects with a real
 * Neo4jError). A write transaction whose work throws is rolled back: its runs
 * are recorded as such and never reach `committed`.
 */

export interface RecordedRun {
  /** The statement's file name; bounded variants as `name{1,n}`. */
  statement: string;
  text: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  /** The transaction config (timeout, metadata) the run went out with. */
  config: { timeout?: unknown; metadata?: Record<string, unknown> } | undefined;
  database: string | undefined;
}

export type Answer = Neo4jRecord[] | Error;
export type Responder = (run: RecordedRun) => Answer | Promise<Answer>;

/** A real driver Record from a plain object. */
export function record(fields: Record<string, unknown>): Neo4jRecord {
  return new Neo4jRecord(Object.keys(fields), Object.values(fields));
}

interface TransactionConfig {
  timeout?: unknown;
  metadata?: Record<string, unknown>;
}

export class FakeDriver {
  /** Every run, in order, including those of transactions rolled back. */
  readonly runs: RecordedRun[] = [];
  /** Runs of write transactions that committed. */
  readonly committed: RecordedRun[] = [];
  readonly rolledBack: RecordedRun[] = [];
  sessionsOpened = 0;
  sessionsClosed = 0;
  connectivityChecks = 0;
  closed = false;
  /** Called as a write transaction begins, commits or rolls back: lets a test keep transactional state. */
  writeHooks: { begin?(): void; commit?(): void; rollback?(): void } = {};
  /** What verifyConnectivity does; replace to make the database go away or come back. */
  connectivity: () => Promise<void> = async () => {};

  constructor(public respond: Responder = () => []) {}

  get driver(): Driver {
    return this as unknown as Driver;
  }

  session(config: { database?: string } = {}) {
    this.sessionsOpened++;
    const execute = async <T>(mode: 'READ' | 'WRITE', work: (tx: unknown) => Promise<T>, txConfig?: TransactionConfig): Promise<T> => {
      const mine: RecordedRun[] = [];
      const tx = {
        run: async (text: string, params: Record<string, unknown> = {}) => {
          const run: RecordedRun = { statement: statementName(text) ?? '(unknown statement)', text, params, mode, config: txConfig, database: config.database };
          this.runs.push(run);
          mine.push(run);
          const answer = await this.respond(run);
          if (answer instanceof Error) throw answer;
          return { records: answer };
        },
      };
      if (mode === 'WRITE') this.writeHooks.begin?.();
      try {
        const result = await work(tx);
        if (mode === 'WRITE') {
          this.committed.push(...mine);
          this.writeHooks.commit?.();
        }
        return result;
      } catch (error) {
        if (mode === 'WRITE') {
          this.rolledBack.push(...mine);
          this.writeHooks.rollback?.();
        }
        throw error;
      }
    };
    return {
      executeRead: <T>(work: (tx: unknown) => Promise<T>, txConfig?: TransactionConfig) => execute('READ', work, txConfig),
      executeWrite: <T>(work: (tx: unknown) => Promise<T>, txConfig?: TransactionConfig) => execute('WRITE', work, txConfig),
      close: async () => {
        this.sessionsClosed++;
      },
    };
  }

  async verifyConnectivity(): Promise<void> {
    this.connectivityChecks++;
    await this.connectivity();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A driver error as the real driver raises it. */
export function neo4jError(code: string, message = `${code} (test)`): Error {
  return new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');
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

/** Manual timers for the degraded-mode state machine. */
export class ManualTimers {
  private clock = 0;
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  now = () => this.clock;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.pending.push({ at: this.clock + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.pending = this.pending.filter((p) => p.id !== handle);
  };

  get scheduled(): number[] {
    return this.pending.map((p) => p.at - this.clock);
  }

  /** Moves time on, running what falls due, and lets their promises settle. */
  async advance(ms: number): Promise<void> {
    this.clock += ms;
    const due = this.pending.filter((p) => p.at <= this.clock);
    this.pending = this.pending.filter((p) => p.at > this.clock);
    for (const p of due) p.fn();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  }
}
