import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '@styrgraf/server';
import { buildIfStale } from '../../apps/server/scripts/build-if-stale.mjs';
import { SERVER_NODE_FLAGS } from '../../apps/server/scripts/node-flags.mjs';

/** A real server on a free loopback port, on the embedded store and graph/. */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1' }, { ...env, PORT: '0' });
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

/** POSTs a GraphQL document over HTTP and returns status and body. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(new URL('graphql', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

export interface SpawnedServer {
  /** Set once the server prints its address. */
  url: string;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The production build, made once per test process when the sources changed (`pnpm test` makes it before the run). */
let built: Promise<unknown> | undefined;
export const SERVER_MAIN = 'apps/server/dist/main.js';

/**
 * The server as `pnpm start` runs it — its own process, node on the built
 * `apps/server/dist/main.js` — with `args` and `env`, resolved once it prints
 * its address (rejected with its output if it exits first). `script` runs
 * another server that prints the same line instead (the benchmark's bare
 * yoga, a TypeScript file run through tsx).
 */
export async function spawnServer(
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  script = SERVER_MAIN,
  onRefused?: (code: number | null, stderr: string) => void,
  // A built server starts with the V8 settings `pnpm start` gives it (apps/server/scripts/node-flags.mjs).
  nodeFlags: readonly string[] = script.endsWith('.js') ? SERVER_NODE_FLAGS : [],
): Promise<SpawnedServer> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (script === SERVER_MAIN) await (built ??= buildIfStale({ quiet: true }));
  const command = script.endsWith('.ts') ? join(root, 'node_modules/.bin/tsx') : process.execPath;
  const child = spawn(command, [...nodeFlags, join(root, script), ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    cwd: root,
  });
  let stdout = '';
  let stderr = '';
  let listening = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+\/)/.exec(stdout);
      if (match && !listening) {
        listening = true;
        resolve({
          url: match[1]!,
          output: () => ({ stdout, stderr }),
          exited,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => {
      if (!listening) onRefused?.(code, stderr);
      reject(new Error(`the server exited (${code}) before listening:\n${stderr}${stdout}`));
    });
  });
}

/**
 * Starts the server like spawnServer, but a server that refuses to start is
 * an answer, not a failure: it resolves with the exit code and what it printed.
 */
export async function startOrRefuse(
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ server: SpawnedServer; code?: undefined; stderr?: undefined } | { server?: undefined; code: number | null; stderr: string }> {
  let refused: { code: number | null; stderr: string } | undefined;
  const server = await spawnServer(args, env, SERVER_MAIN, (code, stderr) => (refused = { code, stderr })).catch(() => undefined);
  if (server) return { server };
  return refused ?? { code: null, stderr: '' };
}
