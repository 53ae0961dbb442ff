import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow, parseDataset } from './load.ts';
import { serializeDataset } from './serialize.ts';
import type { Dataset } from './types.ts';

const graphDir = fileURLToPath(new URL('../../../graph', import.meta.url));

const reparse = (files: ReturnType<typeof serializeDataset>): Dataset => {
  const result = parseDataset(files);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line} ${i.field}: ${i.message}`).join('\n'));
  return result.dataset;
};
const withoutOrigin = (items: object[]) =>
  items.map((item) => JSON.parse(JSON.stringify(item, (k, v: unknown) => (k === 'origin' ? undefined : v))) as unknown);

describe('serializeDataset', () => {
  it('writes graph/ back to files that load to the same digest', async () => {
    const dataset = await loadDatasetOrThrow(graphDir);
    const again = reparse(serializeDataset(dataset));
    expect(again.digest).toBe(dataset.digest);
    expect(withoutOrigin(again.entities)).toEqual(withoutOrigin(dataset.entities));
    expect(withoutOrigin(again.relations)).toEqual(withoutOrigin(dataset.relations));
    expect(again.meta).toEqual(dataset.meta);
  });

  it('splits the files by concern as graph/ does, and is stable', async () => {
    const dataset = await loadDatasetOrThrow(graphDir);
    const files = serializeDataset(dataset, { header: 'Written by graph:export.' });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'meta.yaml',
        'documents.yaml',
        'provisions/ks-2021-0005.yaml',
        'provisions/kl-2017-725.yaml',
        'entities/roles.yaml',
        'entities/companies.yaml',
        'relations/reporting.yaml',
        'relations/ownership.yaml',
        'decision-areas/decision-areas.yaml',
        'workshop/questions.yaml',
        'glossary/terms.yaml',
      ]),
    );
    expect(files.every((f) => f.content.startsWith('# Written by graph:export.'))).toBe(true);
    expect(serializeDataset(reparse(files), { header: 'Written by graph:export.' })).toEqual(files);
  });

  it('leaves derived relations to the records they come from', async () => {
    const dataset = await loadDatasetOrThrow(graphDir);
    const files = serializeDataset(dataset);
    const relationText = files
      .filter((f) => f.path.startsWith('relations/'))
      .map((f) => f.content)
      .join('\n');
    expect(dataset.relations.some((r) => r.derivedFrom === 'PARTICIPATION')).toBe(true);
    expect(relationText).not.toMatch(/kind: (DECIDES|PROPOSES|IN_DOCUMENT|ANSWERS)\b/);
    const areas = files.find((f) => f.path === 'decision-areas/decision-areas.yaml')!.content;
    expect(areas).toMatch(/role: DECIDES/);
    expect(areas).not.toMatch(/origin:/);
  });

  it('writes ids only where they differ from the ones the loader gives, and keeps short names on one line', async () => {
    const dataset = reparse([
      { path: 'meta.yaml', content: 'meta: { id: t, name: { sv: T, en: T }, version: "1.0" }\n' },
      {
        path: 'entities.yaml',
        content: [
          'entities:',
          '  - { id: ks, kind: POLITICAL_BODY, name: { sv: Kommunstyrelsen, en: Executive Board }, confidence: HIGH, sources: ["https://example.org/"] }',
          '  - { id: kd, kind: ROLE, name: { sv: Kommundirektör, en: Director }, confidence: HIGH, sources: ["https://example.org/"], validFrom: 2024-01-01 }',
          'relations:',
          '  - { kind: APPOINTS, from: ks, to: kd, sources: ["https://example.org/"], evidence: { status: SOURCED, confidence: HIGH } }',
          '  - { id: ks-kd-2, kind: ASSIGNS, from: ks, to: kd, sources: ["https://example.org/"], evidence: { status: SOURCED, confidence: HIGH } }',
        ].join('\n'),
      },
    ]);
    const files = serializeDataset(dataset);
    const text = files.map((f) => f.content).join('\n');
    expect(text).toContain('name: { sv: Kommunstyrelsen, en: Executive Board }');
    expect(text).toContain('id: ks-kd-2');
    expect(text).not.toContain('id: ks.appoints.kd');
    expect(text).toContain('version: "1.0"');
    expect(text).toContain('validFrom: 2024-01-01');
    expect(reparse(files).digest).toBe(dataset.digest);
  });
});
