import { Neo4jError } from 'neo4j-driver';
import { StoreError } from '../port.ts';

/** Driver and server codes meaning the database cannot be reached or used right now. */
const UNREACHABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Database.DatabaseUnavailable',
]);

const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

export type ErrorClass =
  /** The database is away: degrade and check again with backoff. */
  | { kind: 'unavailable'; reason: string }
  /** The request asked for more work than a transaction may take. */
  | { kind: 'limit'; message: string }
  /** Anything else (a bug in a statement, a constraint): passed on as it is. */
  | { kind: 'other' };

export interface ErrorContext {
  uri: string;
  database: string;
  timeoutMs: number;
}

/** What a driver or server error means for the store and its caller. */
export function classifyError(error: unknown, context: ErrorContext): ErrorClass {
  if (!(error instanceof Neo4jError)) return { kind: 'other' };
  const where = `Neo4j at ${context.uri} (database "${context.database}")`;
  if (UNREACHABLE_CODES.has(error.code)) return { kind: 'unavailable', reason: `${where} is unreachable: ${firstLine(error.message)}` };
  if (error.code === 'Neo.ClientError.Security.Unauthorized' || error.code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return { kind: 'unavailable', reason: `${where} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD (${firstLine(error.message)})` };
  }
  if (error.code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return { kind: 'unavailable', reason: `${where} does not exist: check NEO4J_DATABASE (${firstLine(error.message)})` };
  }
  if (TIMEOUT_CODES.has(error.code)) {
    return {
      kind: 'limit',
      message: `The query took longer than ${Math.round(context.timeoutMs / 1000)} s and was stopped; ask for less (a shorter maxLength or depth, fewer families).`,
    };
  }
  return { kind: 'other' };
}

/** The error a store method throws for a failure, given what it means. */
export function toStoreError(error: unknown, classified: ErrorClass): unknown {
  if (classified.kind === 'unavailable') return new StoreError('STORE_UNAVAILABLE', classified.reason);
  if (classified.kind === 'limit') return new StoreError('LIMIT_EXCEEDED', classified.message);
  return error;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}
