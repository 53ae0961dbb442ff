import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFileName, exportFormat, parseExportFilter, selectFromDataset, type ExportSelection } from '../src/index.ts';

/** What each format says about facts of Norrköping that the sources settle: the facts must arrive, with their evidence. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDatasetOrThrow(`${root}graph`);
});

const render = (id: string, selection: ExportSelection) => exportFormat(id)!.render(selection);
const APPOINTS_DIRECTOR = 'kommunstyrelsen.appoints.kommundirektor';

describe('the selection', () => {
  it('shows the organisation as of a date: arbetsmarknads- och vuxenutbildningsnämnden until 2022, kompetensförsörjningsnämnden after', () => {
    const before = selectFromDataset(dataset, { asOf: '2022-06-01' }).entities.map((e) => e.id);
    const after = selectFromDataset(dataset, { asOf: '2025-06-01' }).entities.map((e) => e.id);
    expect(before).toContain('arbetsmarknads-och-vuxenutbildningsnamnden');
    expect(before).not.toContain('kompetensforsorjningsnamnden');
    expect(after).not.toContain('arbetsmarknads-och-vuxenutbildningsnamnden');
    expect(after).toContain('kompetensforsorjningsnamnden');
  });

  it('keeps only the families and kinds asked', () => {
    const s = selectFromDataset(dataset, { asOf: '2025-06-01', families: ['OWNERSHIP'], kinds: ['COMPANY'] });
    expect(new Set(s.entities.map((e) => e.kind))).toEqual(new Set(['COMPANY']));
    expect(new Set(s.relations.map((r) => r.family))).toEqual(new Set(['OWNERSHIP']));
    expect(s.relations.map((r) => r.id)).toContain('norrkoping-radhus-ab.owns.nodra-ab');
  });

  it('reads a filter from a URL or a command line, and names the field of a bad one', () => {
    expect(parseExportFilter({ asOf: '2025-06-01', families: 'ownership, reporting', kinds: 'company' })).toEqual({
      asOf: '2025-06-01',
      families: ['OWNERSHIP', 'REPORTING'],
      kinds: ['COMPANY'],
    });
    expect(() => parseExportFilter({ asOf: '2025-02-30' })).toThrow('asOf must be a real date written YYYY-MM-DD, not "2025-02-30"');
    expect(() => parseExportFilter({ families: 'OWNERSHIP,owning' })).toThrow('families: unknown "OWNING"; use REPORTING, DECISION');
  });

  it('names the file after the data set and the date', () => {
    const s = selectFromDataset(dataset, { asOf: '2025-06-01' });
    expect(exportFileName(s, exportFormat('graphml')!)).toBe('norrkoping-2025-06-01.graphml');
    expect(exportFileName(selectFromDataset(dataset), exportFormat('csv-edges')!)).toBe('norrkoping-alla-datum.edges.csv');
  });
});

describe('what each format carries', () => {
  it('CSV: the board appoints the director, stated, with the quote and the provisions it cites', async () => {
    const edges = parseCsv<Record<string, string>>(await render('csv-edges', selectFromDataset(dataset, { asOf: '2025-06-01' })), { bom: true, columns: true });
    const row = edges.find((e) => e.id === APPOINTS_DIRECTOR)!;
    expect(row).toMatchObject({
      source: 'kommunstyrelsen',
      target: 'kommundirektor',
      family: 'REPORTING',
      evidence_status: 'STATED',
      quote: 'ska kommunstyrelsen utse en direktör',
      cites: 'kl-7-1 | kdi-inledning',
    });
    expect(row.sentence_sv).toMatch(/^Kommunstyrelsen anställer kommundirektören/);
    expect(row.citations).toContain('7 kap. 1 §');
  });

  it('Popolo: Nodra AB has Norrköping Rådhus AB as parent, by ownership, with its weak evidence kept', async () => {
    const popolo = JSON.parse(await render('popolo', selectFromDataset(dataset, { asOf: '2025-06-01' }))) as {
      organizations: {
        id: string;
        parent_id?: string;
        classification: string;
        other_names: { name: string; note: string }[];
        styrgraf: { parent_relation: string };
      }[];
      styrgraf: { relations: { id: string; evidence: { status: string; confidence?: string } }[] };
    };
    const nodra = popolo.organizations.find((o) => o.id === 'nodra-ab')!;
    expect(nodra).toMatchObject({
      parent_id: 'norrkoping-radhus-ab',
      classification: 'dotterbolag',
      styrgraf: { parent_relation: 'norrkoping-radhus-ab.owns.nodra-ab' },
    });
    expect(popolo.organizations.find((o) => o.id === 'kommunstyrelsen')).toMatchObject({ parent_id: 'kommunfullmaktige', classification: 'styrelse' });
    expect(popolo.organizations.find((o) => o.id === 'kommunstyrelsen')!.other_names).toContainEqual({ name: 'KS', note: 'förkortning' });
    expect(popolo.styrgraf.relations.find((r) => r.id === 'norrkoping-radhus-ab.owns.nodra-ab')!.evidence).toMatchObject({
      status: 'SOURCED',
      confidence: 'MEDIUM',
    });
  });

  it('JSON-LD: Rådhus AB is a sub-organisation of the municipality, and the appointment statement carries its quote and citation text', async () => {
    const doc = JSON.parse(await render('jsonld', selectFromDataset(dataset, { asOf: '2025-06-01' }))) as object;
    const flat = (await jsonld.flatten(doc)) as unknown as Record<string, unknown>[];
    const byId = new Map(flat.map((n) => [n['@id'] as string, n]));
    const radhus = byId.get('urn:styrgraf:norrkoping:norrkoping-radhus-ab')!;
    expect(radhus['http://www.w3.org/ns/org#subOrganizationOf']).toEqual([{ '@id': 'urn:styrgraf:norrkoping:norrkopings-kommun' }]);
    const statement = byId.get(`urn:styrgraf:norrkoping:relation:${APPOINTS_DIRECTOR}`)!;
    expect(statement['urn:styrgraf:ns:quote']).toEqual([{ '@value': 'ska kommunstyrelsen utse en direktör', '@language': 'sv' }]);
    expect(statement['urn:styrgraf:ns:cites']).toEqual([{ '@id': 'urn:styrgraf:norrkoping:kl-7-1' }, { '@id': 'urn:styrgraf:norrkoping:kdi-inledning' }]);
    const provision = byId.get('urn:styrgraf:norrkoping:kdi-inledning')!;
    expect((provision['urn:styrgraf:ns:text'] as { '@value': string }[])[0]!['@value']).toMatch(/^Enligt kommunallagen ska kommunstyrelsen utse en direktör/);
  });

  it('Turtle: the renaming of a nämnd as an org:ChangeEvent, from the old name to the new', async () => {
    const turtle = await render('turtle', selectFromDataset(dataset));
    expect(turtle).toContain('org:ChangeEvent');
    expect(turtle).toMatch(
      /org:originalOrganization <urn:styrgraf:norrkoping:arbetsmarknads-och-vuxenutbildningsnamnden>;\s+org:resultingOrganization <urn:styrgraf:norrkoping:kompetensforsorjningsnamnden>/,
    );
  });

  it('GraphML: declares each attribute once with <key>, and escapes what XML must', async () => {
    const graphml = await render('graphml', selectFromDataset(dataset, { asOf: '2025-06-01' }));
    expect(graphml.match(/<key id="e_quote" for="edge" attr.name="quote" attr.type="string"\/>/g)).toHaveLength(1);
    expect(graphml).toContain('<data key="e_quote">ska kommunstyrelsen utse en direktör</data>');
    expect(graphml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
