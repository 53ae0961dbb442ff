import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export type Neo4jLine = 'lts' | 'calver';

export const LINES: Record<Neo4jLine, { profile: string | null; minJava: number }>;

export interface RunningNeo4j {
  /** bolt://127.0.0.1:<port> */
  uri: string;
  port: number;
  /** As the server reports it, e.g. 5.26.30. */
  version: string;
  username: string;
  password: string;
  process: ChildProcessWithoutNullStreams;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function neo4jUnavailableReason(line?: Neo4jLine): string | null;
export function prepareLauncher(line?: Neo4jLine, log?: (message: string) => void): { javaBin: string; classpath: string };
export function startNeo4j(options: {
  home: string;
  port?: number;
  password: string;
  line?: Neo4jLine;
  heap?: string;
  log?: (message: string) => void;
  startTimeoutMs?: number;
}): Promise<RunningNeo4j>;
