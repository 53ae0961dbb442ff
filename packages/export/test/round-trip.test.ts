import { loadDatasetOrThrow, type Dataset } from '@styrgraf/model';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import N3 from 'n3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSet } from '../../../test/synthetic-set.ts';
import { exportFormat, selectFromDataset, type ExportSelection } from '../src/index.ts';

/**
 * Every export read back by a library that reads its format, on Norrköping
 * and on a synthetic municipality: what went out must come back, node for
 * node and relation for relation.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const popoloSchema = JSON.parse(readFileSync(new URL('./popolo-schema/popolo.schema.json', import.meta.url), 'utf8')) as object;
const ORG = 'http://www.w3.org/ns/org#';
const SG = 'urn:styrgraf:ns:';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

async function render(id: string, selection: ExportSelection): Promise<string> {
  const format = exportFormat(id);
  if (!format) throw new Error(`no format ${id}`);
  return format.render(selection);
}

const sets: { name: string; dataset: () => Dataset }[] = [];
let norrkoping: Dataset;
let synthetic: Dataset;
let removeSynthetic: (() => Promise<void>) | undefined;
beforeAll(async () => {
  norrkoping = await loadDatasetOrThrow(`${root}graph`);
  const set = await generateSet(1, 7);
  removeSynthetic = set.remove;
  synthetic = await loadDatasetOrThrow(set.dir);
});
afterAll(async () => removeSynthetic?.());
sets.push({ name: 'Norrköping', dataset: () => norrkoping }, { name: 'a synthetic municipality', dataset: () => synthetic });

describe.each(sets)('exports of $name', ({ dataset }) => {
  const selection = () => selectFromDataset(dataset());

  it('holds actors, decision areas and governance relations, and something of each', () => {
    const s = selection();
    expect(s.entities.length).toBeGreaterThan(10);
    expect(s.relations.length).toBeGreaterThan(10);
    expect(new Set(s.entities.map((e) => e.kind))).toContain('DECISION_AREA');
    expect(s.relations.some((r) => r.family === 'REFERENCE')).toBe(false);
  });

  it('GraphML reads back into graphology with the same nodes, edges and attributes', async () => {
    const s = selection();
    const graph = parseGraphml(Graph, await render('graphml', s), { addMissingNodes: false });
    expect(graph.order).toBe(s.entities.length);
    expect(graph.size).toBe(s.relations.length);
    expect(graph.nodes().sort()).toEqual(s.entities.map((e) => e.id).sort());
    for (const r of s.relations) {
      expect(graph.hasEdge(r.id)).toBe(true);
      expect(graph.source(r.id)).toBe(r.from);
      expect(graph.target(r.id)).toBe(r.to);
      expect(graph.getEdgeAttribute(r.id, 'evidence_status')).toBe(r.evidence.status);
      if (r.evidence.quote) expect(graph.getEdgeAttribute(r.id, 'quote')).toBe(r.evidence.quote);
    }
    const first = s.entities[0]!;
    expect(graph.getNodeAttribute(first.id, 'name_sv')).toBe(first.name.sv);
  });

  it('Cytoscape JSON loads into Cytoscape.js, and from it into graphology, unchanged', async () => {
    const s = selection();
    const cyjs = JSON.parse(await render('cytoscape', s)) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: cyjs.elements });
    const graph = new Graph({ multi: true });
    cy.nodes().forEach((n) => void graph.addNode(n.id(), n.data() as Record<string, unknown>));
    cy.edges().forEach((e) => void graph.addEdgeWithKey(e.id(), e.source().id(), e.target().id(), e.data() as Record<string, unknown>));
    expect(graph.order).toBe(s.entities.length);
    expect(graph.size).toBe(s.relations.length);
    for (const r of s.relations) expect([graph.source(r.id), graph.target(r.id), graph.getEdgeAttribute(r.id, 'kind')]).toEqual([r.from, r.to, r.kind]);
    cy.destroy();
  });

  it('CSV files start with a BOM and re-import to the same counts, ids and å/ä/ö', async () => {
    const s = selection();
    const nodesText = await render('csv-nodes', s);
    const edgesText = await render('csv-edges', s);
    expect(nodesText.charCodeAt(0)).toBe(0xfeff);
    expect(edgesText.charCodeAt(0)).toBe(0xfeff);
    const nodes = parseCsv<Record<string, string>>(nodesText, { bom: true, columns: true });
    const edges = parseCsv<Record<string, string>>(edgesText, { bom: true, columns: true });
    expect(nodes.length).toBe(s.entities.length);
    expect(edges.length).toBe(s.relations.length);
    expect(nodes.map((n) => n.id)).toEqual(s.entities.map((e) => e.id));
    expect(nodes.map((n) => n.name_sv)).toEqual(s.entities.map((e) => e.name.sv));
    expect(edges.map((e) => [e.source, e.target, e.kind])).toEqual(s.relations.map((r) => [r.from, r.to, r.kind]));
  });

  it('JSON-LD expands with jsonld: every organisation is an org:Organization and every relation a statement', async () => {
    const s = selection();
    const doc = JSON.parse(await render('jsonld', s)) as object;
    const expanded = (await jsonld.expand(doc)) as { '@id': string; '@type'?: string[]; [key: string]: unknown }[];
    const organisations = new Set(expanded.filter((n) => n['@type']?.includes(`${ORG}Organization`)).map((n) => n['@id']));
    const expected = s.entities.filter((e) => ['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION'].includes(e.kind));
    expect(organisations.size).toBe(expected.length);
    for (const e of expected) expect(organisations).toContain(`urn:styrgraf:${s.dataset.id}:${encodeURIComponent(e.id)}`);
    const statements = expanded.filter((n) => n['@type']?.includes(`${SG}Relation`));
    expect(statements.length).toBe(s.relations.length);
    const posts = expanded.filter((n) => n['@type']?.includes(`${ORG}Post`));
    expect(posts.length).toBe(s.entities.filter((e) => e.kind === 'ROLE' && !('generic' in e && e.generic)).length);
  });

  it('Turtle parses with n3 to exactly the triples the JSON-LD holds', async () => {
    const s = selection();
    const quads = new N3.Parser().parse(await render('turtle', s));
    const fromLd = new N3.Parser({ format: 'N-Quads' }).parse(
      (await jsonld.toRDF(JSON.parse(await render('jsonld', s)) as object, { format: 'application/n-quads' })) as unknown as string,
    );
    const key = (q: N3.Quad) =>
      `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${q.object.termType === 'Literal' ? q.object.language || q.object.datatype.value : ''}`;
    const turtleSet = new Set(quads.map(key));
    expect(turtleSet.size).toBeGreaterThan(s.relations.length * 5);
    expect(turtleSet).toEqual(new Set(fromLd.map(key)));
    const typed = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SG}Relation`);
    expect(typed.length).toBe(s.relations.length);
  });

  it('Popolo validates against the spec structure, and every parent_id and organization_id is an organisation exported', async () => {
    const s = selection();
    const popolo = JSON.parse(await render('popolo', s)) as {
      organizations: { id: string; parent_id?: string; sources: { url: string }[] }[];
      posts: { organization_id?: string }[];
    };
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const valid = ajv.validate(popoloSchema, popolo);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const ids = new Set(popolo.organizations.map((o) => o.id));
    for (const o of popolo.organizations) {
      if (o.parent_id) expect(ids).toContain(o.parent_id);
      for (const source of o.sources) expect(() => new URL(source.url)).not.toThrow();
    }
    for (const p of popolo.posts) if (p.organization_id) expect(ids).toContain(p.organization_id);
  });

  it('OParl-style JSON names one body holding every organisation, and each consultation an organisation of it', async () => {
    const s = selection();
    const oparl = JSON.parse(await render('oparl', s)) as {
      body: { organization: string[] };
      organization: { id: string; type: string }[];
      consultation: { organization: string[]; type: string }[];
    };
    expect(oparl.body.organization).toEqual(oparl.organization.map((o) => o.id));
    const ids = new Set(oparl.organization.map((o) => o.id));
    expect(oparl.consultation.length).toBeGreaterThan(0);
    for (const c of oparl.consultation) {
      expect(c.type).toBe('https://schema.oparl.org/1.1/Consultation');
      for (const o of c.organization) expect(ids).toContain(o);
    }
  });
});
