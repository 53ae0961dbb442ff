/**
 * `pnpm bench`'s HTTP section for one data set: inputs drawn from the data
 * (http-inputs.ts), each typical query measured between windows of the
 * bare-yoga ceiling (http.ts), printed as rows and held to issue 15's
 * targets: an entity query at least 70 % of the ceiling, a search at least 40 %.
 */
import { loadDatasetOrThrow } from '@styrgraf/model';
import { benchInterleaved, cpuShare, typicalQueries, type InterleavedFigures } from './http.ts';
import { drawHttpInputs } from './http-inputs.ts';
import type { Row, Target } from './stats.ts';

/** Share of the interleaved ceiling each query must reach (issue 15). */
export const HTTP_SHARE_TARGETS: Record<string, number> = { 'entity with relations': 70, search: 40 };

/** CPU per request beside the ceiling's: the share least disturbed by the other processes of a shared machine. */
const cpu = (f: InterleavedFigures) => {
  const share = cpuShare(f);
  return share === null ? '' : `; CPU ${f.cpuPerRequest!.toFixed(0)} µs/request, ceiling ${f.ceilingCpuPerRequest!.toFixed(0)}: ${share.toFixed(0)}% by CPU`;
};

export async function benchHttpSection(
  set: { key: string; dir: string },
  seed: number,
  log: (message: string) => void,
): Promise<{ rows: Row[]; targets: Target[] }> {
  const inputs = drawHttpInputs(await loadDatasetOrThrow(set.dir), seed);
  log(
    `${set.key}: HTTP inputs drawn (seed ${seed}): ${inputs.actors.length} actors from ${inputs.hubs} hubs and ${inputs.leaves} leaves, ${inputs.texts.length} texts`,
  );
  const figures = await benchInterleaved(set.dir, typicalQueries(inputs.actors, inputs.texts));
  const rows: Row[] = [];
  const targets: Target[] = [];
  for (const f of figures) {
    const [low, high] = f.roundShares;
    const [slowest, fastest] = f.ceilingRange;
    log(`${set.key}: ${f.query.name}: ${f.share.toFixed(0)}% of the ceiling (${f.ceiling.requestsPerSecond.toFixed(0)} req/s)`);
    rows.push(
      {
        section: `http ${set.key}`,
        what: f.query.name,
        unit: 'ms',
        summary: f.query.latency,
        note: `${f.query.requestsPerSecond.toFixed(0)} req/s, ${f.share.toFixed(0)}% of the ceiling around it (rounds ${low.toFixed(0)}–${high.toFixed(0)}%)${cpu(f)}${f.query.errors ? `, ${f.query.errors} errors` : ''}`,
      },
      {
        section: `http ${set.key}`,
        what: `  ceiling: ${f.ceiling.name}`,
        unit: 'ms',
        summary: f.ceiling.latency,
        note: `${f.ceiling.requestsPerSecond.toFixed(0)} req/s (windows ${slowest.toFixed(0)}–${fastest.toFixed(0)})${f.ceiling.errors ? `, ${f.ceiling.errors} errors` : ''}`,
      },
    );
    const limit = HTTP_SHARE_TARGETS[f.query.name];
    if (limit !== undefined)
      targets.push({ what: `${set.key}: HTTP ${f.query.name}, share of the interleaved ceiling (issue 15)`, actual: f.share, limit, unit: '%', kind: 'min' });
  }
  return { rows, targets };
}
