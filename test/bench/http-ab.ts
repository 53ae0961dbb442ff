/**
 * Two builds of the server measured in one run against the same interleaved
 * ceiling (http.ts): the way to show what a change to the server did, when
 * the machine is shared and two separate runs cannot be compared. Not part of
 * `pnpm bench`; build the "before" into a directory of its own first:
 *
 *   git stash && node apps/server/scripts/build-if-stale.mjs --force && cp -r apps/server/dist apps/server/.ab-before && git stash pop
 *   node apps/server/scripts/build-if-stale.mjs --force
 *   NODE_ENV=production tsx test/bench/http-ab.ts <graph dir> apps/server/.ab-before/main.js [apps/server/dist/main.js]
 *
 * Both start with the V8 settings of apps/server/scripts/node-flags.mjs,
 * unless AB_BEFORE_FLAGS gives the "before" others (AB_BEFORE_FLAGS= for
 * none: to measure a change to those settings, or a build from before them).
 */
import { loadDatasetOrThrow } from '@styrgraf/model';
import { SERVER_MAIN } from '../helpers/server.ts';
import { benchInterleavedBuilds, cpuShare, typicalQueries } from './http.ts';
import { drawHttpInputs } from './http-inputs.ts';

const [graphDir, before, after = SERVER_MAIN] = process.argv.slice(2);
if (!graphDir || !before) throw new Error('usage: tsx test/bench/http-ab.ts <graph dir> <before main.js> [after main.js]');
const inputs = drawHttpInputs(await loadDatasetOrThrow(graphDir), 7);
const only = process.env.AB_QUERIES?.split(',');
const queries = typicalQueries(inputs.actors, inputs.texts).filter((q) => !only || only.some((name) => q.name.startsWith(name)));
const beforeFlags = process.env.AB_BEFORE_FLAGS?.split(' ').filter(Boolean);
const figures = await benchInterleavedBuilds(graphDir, queries, [{ script: before, nodeFlags: beforeFlags }, after]);
for (const [b, a] of figures) {
  const line = (label: string, f: typeof b) =>
    `  ${label.padEnd(7)} ${f!.query.requestsPerSecond.toFixed(0).padStart(5)} req/s  ${f!.share.toFixed(0).padStart(3)}% of the ceiling (rounds ${f!.roundShares[0].toFixed(0)}–${f!.roundShares[1].toFixed(0)}%)  p50 ${f!.query.latency.median.toFixed(2)} ms  p95 ${f!.query.latency.p95.toFixed(1)} ms  (n ${f!.query.latency.n})  CPU ${f!.cpuPerRequest?.toFixed(0) ?? '?'} µs/request against the ceiling's ${f!.ceilingCpuPerRequest?.toFixed(0) ?? '?'}: ${cpuShare(f!)?.toFixed(0) ?? '?'}%`;
  console.log(
    `${b!.query.name}: ceiling ${b!.ceiling.requestsPerSecond.toFixed(0)} req/s around before, ${a!.ceiling.requestsPerSecond.toFixed(0)} around after`,
  );
  console.log(line('before', b));
  console.log(line('after', a));
  console.log(
    `  after/before: ${(a!.query.requestsPerSecond / b!.query.requestsPerSecond).toFixed(2)}× the requests, ${a!.cpuPerRequest && b!.cpuPerRequest ? (a!.cpuPerRequest / b!.cpuPerRequest).toFixed(2) : '?'}× the CPU per request`,
  );
}
