/**
 * Where the HTTP figures go, in process: the bench's queries sent through
 * `yoga.fetch` (no sockets) in a loop, for the real server and for the same
 * server with one hardening plugin left out at a time, each figure beside a
 * bare yoga answering `{ hello }` measured in the same run. Not part of
 * `pnpm bench`; run it by hand, under `node --cpu-prof` to see the functions:
 *
 *   tsx test/bench/http-profile.ts                      # every variant
 *   PROFILE_ONLY=full PROFILE_SECONDS=10 node --cpu-prof --import tsx test/bench/http-profile.ts
 *   PROFILE_GRAPH=/tmp/national tsx test/bench/http-profile.ts
 *   PROFILE_HTTP=1 node --cpu-prof --import tsx test/bench/http-profile.ts
 *
 * Each line gives requests per second, latency and CPU time per request (the
 * figure other processes on a shared machine disturb least) beside bare yoga's.
 * PROFILE_HTTP=1 serves the real server (createHttpServer) from this process
 * and drives it over HTTP with autocannon from a child process, so that a
 * profile of this process is the server's alone. PROFILE_HEAP=1 with it
 * samples every allocation the server makes while it is driven (V8's
 * sampling heap profiler, collected objects included) and prints the bytes
 * allocated per request and the functions that allocate most: the figure
 * that matters on a large heap, where every scavenge costs more.
 * PROFILE_BARE=1 with them serves the bare yoga instead (the ceiling's
 * `{ hello }`), for what yoga's own pipeline allocates per request. Run with NODE_ENV=production,
 * as the benchmark runs the server (graphql-js checks more outside it).
 */
import { execFile } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { createServer as createNodeServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadDatasetOrThrow } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { createSchema, createYoga } from 'graphql-yoga';
import { createHttpServer, createServer, PLUGIN_NAMES, type PluginName } from '@styrgraf/server';
import { drawHttpInputs } from './http-inputs.ts';
import { drive as driveHttp, ENTITY_QUERY, NEIGHBOURHOOD_QUERY, SEARCH_QUERY, type HttpFigures } from './http.ts';
import { summarise } from './stats.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const graphDir = process.env.PROFILE_GRAPH ?? join(root, 'graph');
const seconds = Number(process.env.PROFILE_SECONDS ?? 2);
const only = process.env.PROFILE_ONLY?.split(',');
const onlyCases = process.env.PROFILE_CASES?.split(',');

type Fetch = (request: Request) => Promise<Response> | Response;
interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>[];
}

// The bench's own inputs (http-inputs.ts, seed 7), unless PROFILE_ACTORS names the actors to ask about.
const dataset = await loadDatasetOrThrow(graphDir);
const drawn = drawHttpInputs(dataset, 7);
const actors = process.env.PROFILE_ACTORS?.split(',') ?? drawn.actors;
const cases: Case[] = [
  { name: 'entity with relations', query: ENTITY_QUERY, variables: actors.map((id) => ({ id })) },
  { name: 'search', query: SEARCH_QUERY, variables: drawn.texts.map((text) => ({ text })) },
  { name: 'neighbourhood depth 2', query: NEIGHBOURHOOD_QUERY, variables: actors.map((id) => ({ id })) },
];
const bareCase: Case = { name: 'bare yoga { hello }', query: '{ hello }', variables: [{}] };
if (process.env.PROFILE_BARE) cases.splice(0, cases.length, bareCase);

if (process.argv[2] === 'drive') {
  // The child: drives one query at the given server and prints its figures.
  const [url, name] = process.argv.slice(3) as [string, string];
  const c = cases.find((x) => x.name === name)!;
  console.log(JSON.stringify(await driveHttp(url, { name: c.name, query: c.query, variables: c.variables })));
  process.exit(0);
}

/** A POST as an HTTP client sends it, with its Content-Length. */
function request(query: string, variables: Record<string, unknown>): Request {
  const body = JSON.stringify({ query, variables });
  return new Request('http://styrgraf.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
}

/** Requests per second and per-request latency over `seconds`, with up to 10 in flight as autocannon keeps them. */
async function drive(fetch: Fetch, c: Case): Promise<{ rps: number; p50: number; p95: number; cpuUs: number }> {
  for (const v of c.variables) {
    const body = (await (await fetch(request(c.query, v))).json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${c.name}: ${JSON.stringify(body.errors).slice(0, 300)}`);
  }
  // Warm up (the JIT, the caches) for a second, so that the first variant measured is not the only cold one.
  for (let i = 0, until = performance.now() + 1000; performance.now() < until; i++)
    await (await fetch(request(c.query, c.variables[i % c.variables.length]!))).text();
  const times: number[] = [];
  let done = 0;
  const end = performance.now() + seconds * 1000;
  // CPU time per request is what other processes on a shared machine disturb least.
  const cpu = process.cpuUsage();
  const worker = async (w: number) => {
    for (let i = w; performance.now() < end; i++) {
      const t = performance.now();
      await (await fetch(request(c.query, c.variables[i % c.variables.length]!))).text();
      times.push(performance.now() - t);
      done++;
    }
  };
  await Promise.all(Array.from({ length: 10 }, (_, w) => worker(w)));
  const used = process.cpuUsage(cpu);
  const s = summarise(times);
  return { rps: done / seconds, p50: s.median, p95: s.p95, cpuUs: (used.user + used.system) / done };
}

const bare = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Query {
        hello: String!
      }
    `,
    resolvers: { Query: { hello: () => 'hej' } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
});

const store: Store = createMemoryStore(dataset);
const full = createServer({ store });

/** The real server with some of its plugins left out: to see what each one costs. */
function variant(without: readonly PluginName[]): Fetch {
  const yoga = createServer({ store, graphiql: false, without });
  return (r) => yoga.fetch(r);
}
/** The hardening plugins measured one by one. */
const hardening: PluginName[] = [
  'bodyLimit',
  'health',
  'queryLimits',
  'argumentCaps',
  'queryTimeout',
  'costLimit',
  'admission',
  'recordBudget',
  'cooperative',
  'budgetErrors',
];

const variants: [string, () => Fetch][] = [['full', () => (r) => full.fetch(r)]];
for (const name of hardening) variants.push([`without ${name}`, () => variant([name])]);
variants.push(['no plugins', () => variant(PLUGIN_NAMES)]);

if (process.env.PROFILE_HTTP) {
  const server = process.env.PROFILE_BARE
    ? createNodeServer((request, response) => void bare(request, response))
    : createHttpServer(store, { webDir: join(root, 'no-web-app') }).server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  let served = 0;
  server.on('request', () => served++);
  for (const c of cases) {
    if (onlyCases && !onlyCases.some((name) => c.name.startsWith(name))) continue;
    const heap = process.env.PROFILE_HEAP ? await startHeapSampling() : null;
    const servedBefore = served;
    const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [fileURLToPath(import.meta.url), 'drive', url, c.name], {
      env: { ...process.env, BENCH_HTTP_SECONDS: String(seconds) },
    });
    const f = JSON.parse(stdout.trim().split('\n').at(-1)!) as HttpFigures;
    console.log(`${c.name.padEnd(22)} over HTTP  ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${f.latency.median} ms  p95 ${f.latency.p95} ms`);
    if (heap) printAllocations(await heap(), served - servedBefore);
  }
  server.close();
  server.closeAllConnections();
  process.exit(0);
}

const ceiling = await drive((r) => bare.fetch(r), { name: 'hello', query: '{ hello }', variables: [{}] });
console.log(`bare yoga { hello }: ${ceiling.rps.toFixed(0)} req/s, p50 ${ceiling.p50.toFixed(3)} ms, ${ceiling.cpuUs.toFixed(0)} µs CPU per request`);
for (const c of cases) {
  if (onlyCases && !onlyCases.some((name) => c.name.startsWith(name))) continue;
  for (const [name, make] of variants) {
    if (only && !only.includes(name)) continue;
    const f = await drive(make(), c);
    console.log(
      `${c.name.padEnd(22)} ${name.padEnd(22)} ${f.rps.toFixed(0).padStart(6)} req/s  ${((100 * f.rps) / ceiling.rps).toFixed(0).padStart(3)}%  p50 ${f.p50.toFixed(3)} ms  p95 ${f.p95.toFixed(3)} ms  ${f.cpuUs.toFixed(0).padStart(5)} µs CPU/request (${(f.cpuUs / ceiling.cpuUs).toFixed(1)}× bare)`,
    );
  }
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Starts V8's sampling heap profiler on this process; the function returned stops it and gives the profile's root. */
async function startHeapSampling(): Promise<() => Promise<SamplingNode>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
    session.disconnect();
    return profile.head;
  };
}

/** Bytes allocated per request, and the functions (with their file) that allocated most of them. */
function printAllocations(head: SamplingNode, requests: number): void {
  const bySite = new Map<string, number>();
  let total = 0;
  // PROFILE_HEAP_CALLERS=n names each site with its n nearest callers: to see whose promise or closure it is.
  const callers = Number(process.env.PROFILE_HEAP_CALLERS ?? 0);
  const walk = (node: SamplingNode, stack: string[]) => {
    total += node.selfSize;
    const { functionName, url, lineNumber } = node.callFrame;
    const frame = `${functionName.slice(0, 60) || '(anonymous)'} ${url.replace(/^.*node_modules\/(\.pnpm\/)?/, '').replace(root, '')}:${lineNumber + 1}`;
    const site = [frame, ...(callers > 0 ? stack.slice(-callers).reverse() : [])].join(' ← ');
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, [...stack, frame]);
  };
  walk(head, []);
  console.log(`  ${(total / requests / 1024).toFixed(1)} kB allocated per request over ${requests} requests (the driving child's warm-up included)`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_HEAP_TOP ?? 25)))
    console.log(`  ${(bytes / requests / 1024).toFixed(2).padStart(7)} kB  ${((100 * bytes) / total).toFixed(1).padStart(4)}%  ${site}`);
}
