import type { DatasetMeta } from '../types.ts';
import { generateMunicipality, type SyntheticPart } from './municipality.ts';
import { generateNational } from './national.ts';
import { Random } from './random.ts';

export interface SyntheticOptions {
  municipalities: number;
  seed: number;
  /** Called after each municipality, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

export interface SyntheticDataset {
  meta: DatasetMeta;
  /** The shared national part first, then one part per municipality. */
  parts: SyntheticPart[];
}

/** Codes are three digits up to 999 and four beyond: 1,160 municipalities is the bench's 4× national set. */
export const MAX_MUNICIPALITIES = 9_999;

/**
 * A synthetic national data set in the shape of graph/: deterministic for a
 * seed (the same seed and count give byte-identical files), every entity
 * marked `synthetic: true`, and valid by the same rules as the real data.
 */
export function generateSynthetic({ municipalities, seed, onProgress }: SyntheticOptions): SyntheticDataset {
  if (!Number.isInteger(municipalities) || municipalities < 1 || municipalities > MAX_MUNICIPALITIES) {
    throw new RangeError(`municipalities must be a whole number from 1 to ${MAX_MUNICIPALITIES}; got ${municipalities}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number; got ${seed}`);
  const [nationalStream, ...streams] = Random.seeded(seed).streams(municipalities + 1);
  const national = generateNational(municipalities, nationalStream!);
  const parts: SyntheticPart[] = [national.part];
  streams.forEach((rng, i) => {
    parts.push(generateMunicipality(i + 1, rng, national.memberships.get(i + 1) ?? []));
    onProgress?.(i + 1, municipalities);
  });
  const meta: DatasetMeta = {
    id: 'syntetiska-sverige',
    name: {
      sv: `Syntetiska Sverige: ${municipalities} kommuner (syntetiska data)`,
      en: `Synthetic Sweden: ${municipalities} municipalities (synthetic data)`,
    },
    version: `synthetic-${seed}`,
    description: {
      sv: `Syntetiska data för prestandatester, framtagna med frö ${seed}. Kommunerna är formade som svenska kommuner men är påhittade: inga namn, personer eller beslut är verkliga.`,
      en: `Synthetic data for performance tests, generated with seed ${seed}. The municipalities are shaped like Swedish ones but invented: no name, person or decision is real.`,
    },
    synthetic: true,
    gaps: [{ sv: 'Allt i denna datamängd är syntetiskt.', en: 'Everything in this data set is synthetic.' }],
  };
  return { meta, parts };
}
