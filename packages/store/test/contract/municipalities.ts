import { GOVERNANCE_FAMILIES, generateSynthetic, parseDataset, syntheticFiles, type Dataset, type EntityKind } from '@styrgraf/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, Subgraph } from '../../src/port.ts';

/**
 * The municipality contract: one suite, every adapter, on a synthetic
 * country of four municipalities (seed 7) where the generator's own layout
 * is the oracle: it wrote sNNN-… for municipality NNN and se-… for what the
 * country shares, and the stores never read ids. Municipalities 1–3 share
 * Syntetiska räddningstjänstförbundet 01; all four are members of
 * Syntetiska kommunförbundet; municipality 2 replaced Gatu- och parknämnden
 * with Tekniska nämnden at the start of 2023.
 */
export function syntheticCountry(): Dataset {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities: 4, seed: 7 })));
  if (!result.ok) throw new Error(`the synthetic country is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.dataset;
}

const ORGANISATIONAL: EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];
const ids = (items: { id: string }[]) => items.map((i) => i.id);

export function describeMunicipalityContract(name: string, open: () => Promise<Store>, options: { skip?: string | null } = {}): void {
  describe.skipIf(!!options.skip)(`municipality contract: ${name}${options.skip ? ` — SKIPPED: ${options.skip}` : ''}`, () => {
    let store: Store;
    let dataset: Dataset;
    beforeAll(async () => {
      dataset = syntheticCountry();
      store = await open();
    }, 300_000);
    afterAll(async () => {
      await store?.close();
    });

    /** The whole graph with the given filter, cut to what the generator wrote for one municipality: the oracle of its scoped view. */
    const generatedFor = (whole: Subgraph, prefix: string) => ({
      nodes: ids(whole.nodes).filter((id) => id.startsWith(`${prefix}-`)),
      edges: ids(whole.edges).filter((id) => id.startsWith(`${prefix}-`) && !id.includes('.member_of.se-')),
    });

    it('lists the four municipalities in Swedish order, each with what its scope holds', async () => {
      const { municipalities, overview } = await store.municipalities();
      expect(municipalities.map((m) => [m.entity.id, m.entity.name.sv])).toEqual([
        ['s001-kommunen', 'Syntetiska kommun 001'],
        ['s002-kommunen', 'Syntetiska kommun 002'],
        ['s003-kommunen', 'Syntetiska kommun 003'],
        ['s004-kommunen', 'Syntetiska kommun 004'],
      ]);
      const third = municipalities[2]!;
      // Its own 72 entities, and the association and the rescue federation it joins.
      expect(third.entityCount).toBe(dataset.entities.filter((e) => e.id.startsWith('s003-')).length + 2);
      expect(third.entitiesByKind.ORGANISATION).toBe(3);
      expect(third.entitiesByKind.DECISION_AREA).toBe(10);
      expect(third.relationCount).toBe(dataset.relations.filter((r) => r.from.startsWith('s003-') || r.to.startsWith('s003-')).length);
      expect(municipalities[3]!.entitiesByKind.ORGANISATION).toBe(2);
      // The overview: four municipalities, two shared organisations, the law, its sections and the glossary; seven memberships and the sections' place in the law.
      expect(overview.entitiesByKind.ORGANISATION).toBe(6);
      expect(overview.relationsByFamily.STRUCTURE).toBe(7);
      expect(overview.entityCount).toBe(4 + dataset.entities.filter((e) => e.id.startsWith('se-')).length);
    });

    it('says which municipality each entity belongs to, a kommun its own, nothing for what the country shares or no one has', async () => {
      await expect(
        store.municipalityOf(['s002-kommunstyrelsen', 'se-kommunforbundet', 's002-kommunen', 'se-kl-6-1', 'finns-inte', 's004-ks-arbetsutskott']),
      ).resolves.toEqual(['s002-kommunen', null, 's002-kommunen', null, null, 's004-kommunen']);
    });

    it('scopes the graph to one municipality: its own bodies, and the shared organisations it joins', async () => {
      const filter = { kinds: ORGANISATIONAL, families: GOVERNANCE_FAMILIES, asOf: '2024-06-01' };
      const [scoped, whole] = await Promise.all([store.graph({ ...filter, municipality: 's003-kommunen' }), store.graph(filter)]);
      const expected = generatedFor(whole, 's003');
      expect(ids(scoped.nodes)).toEqual([...expected.nodes, 'se-kommunforbundet', 'se-raddningstjanstforbund-01'].sort());
      expect(ids(scoped.edges)).toEqual(
        [...expected.edges, 's003-kommunen.member_of.se-kommunforbundet', 's003-kommunen.member_of.se-raddningstjanstforbund-01'].sort(),
      );
      expect(scoped.nodes.length).toBeGreaterThan(50);
      // Only the federations this municipality joins: municipality 4 is in the association alone.
      const fourth = await store.graph({ ...filter, municipality: 's004-kommunen' });
      expect(ids(fourth.nodes).filter((id) => !id.startsWith('s004-'))).toEqual(['se-kommunforbundet']);
    });

    it('scopes by date, kind and family as the whole graph does', async () => {
      const before = await store.graph({ kinds: ['POLITICAL_BODY'], families: ['REPORTING'], asOf: '2022-06-01', municipality: 's002-kommunen' });
      const after = await store.graph({ kinds: ['POLITICAL_BODY'], families: ['REPORTING'], asOf: '2024-06-01', municipality: 's002-kommunen' });
      expect(ids(before.nodes)).toContain('s002-gatu-och-parknamnden');
      expect(ids(before.nodes)).not.toContain('s002-tekniska-namnden');
      expect(ids(after.nodes)).toContain('s002-tekniska-namnden');
      expect(ids(after.nodes)).not.toContain('s002-gatu-och-parknamnden');
      expect(after.nodes.every((n) => n.kind === 'POLITICAL_BODY')).toBe(true);
      expect(after.edges.every((e) => e.family === 'REPORTING')).toBe(true);
      // A shared organisation is in the view only through a relation the view shows.
      const memberships = await store.graph({ kinds: ['ORGANISATION'], families: ['STRUCTURE'], municipality: 's001-kommunen' });
      expect(ids(memberships.nodes)).toEqual(['s001-kommunen', 'se-kommunforbundet', 'se-raddningstjanstforbund-01']);
      const noStructure = await store.graph({ kinds: ['ORGANISATION'], families: ['REPORTING'], municipality: 's001-kommunen' });
      expect(ids(noStructure.nodes)).toEqual(['s001-kommunen']);
      await expect(store.graph({ municipality: 'finns-inte' })).resolves.toEqual({ nodes: [], edges: [] });
    });

    it('draws the country as its municipalities and how they join what they share', async () => {
      const overview = await store.overview({ kinds: ORGANISATIONAL, families: GOVERNANCE_FAMILIES, asOf: '2024-06-01' });
      expect(ids(overview.nodes)).toEqual([
        's001-kommunen',
        's002-kommunen',
        's003-kommunen',
        's004-kommunen',
        'se-kommunforbundet',
        'se-raddningstjanstforbund-01',
      ]);
      expect(ids(overview.edges)).toEqual([
        's001-kommunen.member_of.se-kommunforbundet',
        's001-kommunen.member_of.se-raddningstjanstforbund-01',
        's002-kommunen.member_of.se-kommunforbundet',
        's002-kommunen.member_of.se-raddningstjanstforbund-01',
        's003-kommunen.member_of.se-kommunforbundet',
        's003-kommunen.member_of.se-raddningstjanstforbund-01',
        's004-kommunen.member_of.se-kommunforbundet',
      ]);
      // The municipalities stay whatever the kinds; the shared entities follow them.
      const companies = await store.overview({ kinds: ['COMPANY'], families: GOVERNANCE_FAMILIES });
      expect(ids(companies.nodes)).toEqual(['s001-kommunen', 's002-kommunen', 's003-kommunen', 's004-kommunen']);
      expect(companies.edges).toEqual([]);
      const law = await store.overview({ kinds: ['SOURCE_DOCUMENT', 'PROVISION'], families: ['REFERENCE'] });
      expect(ids(law.nodes)).toContain('se-kommunallagen');
      expect(law.edges.every((e) => e.kind === 'IN_DOCUMENT' && e.to === 'se-kommunallagen')).toBe(true);
    });

    it('hangs each municipality’s Stadshus AB under its council, of every date', async () => {
      // The generator has every council exercise the ownership of its parent company (EXERCISES_OWNERSHIP, KL 10:3).
      for (const prefix of ['s001', 's004']) {
        const chart = await store.orgChart({ rootId: `${prefix}-kommunfullmaktige`, asOf: null });
        const owned = chart!.children.filter((c) => c.entity.kind === 'COMPANY').map((c) => `${c.via!.kind} ${c.entity.id}`);
        expect(owned, prefix).toEqual([`EXERCISES_OWNERSHIP ${prefix}-stadshus`]);
      }
    });

    it('gives one municipality’s decision areas, each the same as in the whole list', async () => {
      const [scoped, all] = await Promise.all([
        store.decisionAreas({ municipality: 's003-kommunen', asOf: '2024-06-01' }),
        store.decisionAreas({ asOf: '2024-06-01' }),
      ]);
      expect(scoped).toHaveLength(10);
      expect(ids(scoped)).toEqual(ids(all).filter((id) => id.startsWith('s003-')));
      expect(ids(await store.decisionAreas({ municipality: 's003-kommunen', actorId: 's001-kommunstyrelsen' }))).toEqual([]);
    });

    it('searches within a municipality: its own and the shared, never another’s', async () => {
      const board = await store.search({ text: 'Kommunstyrelsen', first: 5, municipality: 's003-kommunen' });
      expect(board[0]?.entity.id).toBe('s003-kommunstyrelsen');
      expect(board.every((h) => h.entity.id.startsWith('s003-') || h.entity.id.startsWith('se-'))).toBe(true);
      const everywhere = await store.search({ text: 'Kommunstyrelsen', first: 5 });
      expect(new Set(everywhere.map((h) => h.entity.id.slice(0, 4))).size).toBeGreaterThan(1);
      const shared = await store.search({ text: 'kommunförbundet', first: 3, municipality: 's003-kommunen' });
      expect(shared[0]?.entity.id).toBe('se-kommunforbundet');
    });

    // Every municipality has a Kommunstyrelsen: the ties of a search are the same name many times over,
    // which the shared order settles by id, and a short page is the head of a longer one.
    it('settles a name every municipality has by id, and a short page is the head of a long one', async () => {
      const two = await store.search({ text: 'Kommunstyrelsen', first: 2 });
      expect(ids(two.map((h) => h.entity))).toEqual(['s001-kommunstyrelsen', 's002-kommunstyrelsen']);
      expect(two[1]).toMatchObject({ match: two[0]!.match, field: 'name' });
      for (const [text, first] of [
        ['kommun', 3],
        ['nämnd', 5],
        ['Syntetiska', 4],
      ] as const) {
        const long = await store.search({ text, first: 40 });
        expect(long.length, text).toBeGreaterThan(first);
        const short = await store.search({ text, first });
        expect(ids(short.map((h) => h.entity)), text).toEqual(ids(long.slice(0, first).map((h) => h.entity)));
      }
      const scoped = await store.search({ text: 'nämnd', first: 3, municipality: 's002-kommunen' });
      const scopedLong = await store.search({ text: 'nämnd', first: 40, municipality: 's002-kommunen' });
      expect(scopedLong.length).toBeGreaterThan(3);
      expect(ids(scoped.map((h) => h.entity))).toEqual(ids(scopedLong.slice(0, 3).map((h) => h.entity)));
      expect(scopedLong.every((h) => h.entity.id.startsWith('s002-') || h.entity.id.startsWith('se-'))).toBe(true);
    });
  });
}
