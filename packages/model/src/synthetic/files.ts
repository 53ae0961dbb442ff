import type { SourceFile } from '../load.ts';
import { serializeDataset } from '../serialize.ts';
import type { DatasetMeta } from '../types.ts';
import type { SyntheticDataset } from './generate.ts';
import type { SyntheticPart } from './municipality.ts';

const HEADER = 'Synthetic data (pnpm graph:generate): invented, not a real municipality.';

/**
 * The synthetic data set as files in graph/'s format, written by the same
 * serializer as `graph:export`: meta.yaml at the root and each part (the
 * national one, then one per municipality) in a directory of its own, laid
 * out inside as graph/ is.
 */
export function syntheticFiles(dataset: SyntheticDataset): SourceFile[] {
  return [metaFile(dataset.meta), ...dataset.parts.flatMap((part) => partFiles(part, dataset.meta))];
}

export function metaFile(meta: DatasetMeta): SourceFile {
  return serializeDataset({ meta, digest: '', entities: [], relations: [], tours: [] }, { header: HEADER }).find((f) => f.path === 'meta.yaml')!;
}

export function partFiles(part: SyntheticPart, meta: DatasetMeta): SourceFile[] {
  return serializeDataset({ meta, digest: '', entities: part.entities, relations: part.relations, tours: [] }, { header: HEADER })
    .filter((f) => f.path !== 'meta.yaml')
    .map((f) => ({ path: `${part.dir}/${f.path}`, content: f.content }));
}
