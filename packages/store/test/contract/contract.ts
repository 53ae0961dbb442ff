import { explainPath, type DecisionAreaEntity, type Entity, type ProvisionEntity } from '@styrgraf/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgChartNode, Store } from '../../src/port.ts';

/**
 * The store contract: one suite, every adapter. Each expectation is an answer
 * from the sources (the director's instruction KS 2021/0005 and the fact
 * sheet), so an adapter that answers differently from the embedded store fails
 * here. `open` gives a store loaded with the Norrköping data in graph/.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>, options: { skip?: string | null } = {}): void {
  // A store that cannot be had here skips each case on its own, so that the run counts them.
  describe.skipIf(!!options.skip)(`store contract: ${name}${options.skip ? ` — SKIPPED: ${options.skip}` : ''}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    const one = async (id: string): Promise<Entity> => {
      const [entity] = await store.getEntities([id]);
      if (!entity) throw new Error(`expected entity ${id}`);
      return entity;
    };
    const ids = (items: { id: string }[]) => items.map((i) => i.id);

    describe('info and lookup', () => {
      it('describes the loaded data set with counts by kind and family', async () => {
        const info = await store.info();
        expect(info.datasetId).toBe('norrkoping');
        expect(info.name.sv).toBe('Norrköpings kommun');
        expect(info.digest).toMatch(/^[0-9a-f]{16}$/);
        expect(info.entitiesByKind.PROVISION).toBeGreaterThanOrEqual(33);
        expect(info.entitiesByKind.DECISION_AREA).toBeGreaterThanOrEqual(16);
        const kinds = Object.values(info.entitiesByKind).reduce((a, b) => a + (b ?? 0), 0);
        expect(kinds).toBe(info.entityCount);
        const families = Object.values(info.relationsByFamily).reduce((a, b) => a + (b ?? 0), 0);
        expect(families).toBe(info.relationCount);
      });

      it('gets entities in the order asked, null for unknown ids', async () => {
        const [ks, missing, kd] = await store.getEntities(['kommunstyrelsen', 'finns-inte', 'kommundirektor']);
        expect(ks?.name.sv).toBe('Kommunstyrelsen');
        expect(ks?.abbreviations).toContain('KS');
        expect(missing).toBeNull();
        expect(kd?.kind).toBe('ROLE');
      });

      it('keeps the provision text verbatim from the instruction', async () => {
        const p = (await one('kdi-chef-kontorschefer')) as ProvisionEntity;
        expect(p.kind).toBe('PROVISION');
        expect(p.text).toBe('Kommundirektören är chef för kontorscheferna.');
        expect(p.document).toBe('ks-2021-0005');
        expect(p.section).toBe('Kommunens ledande tjänsteperson');
      });

      it('keeps source URLs and confidence on fact-sheet entities', async () => {
        const tuk = await one('tillvaxt-och-utvecklingskontoret');
        expect(tuk.sources.some((s) => s.startsWith('https://norrkoping.se/'))).toBe(true);
        expect(tuk.confidence).toBe('HIGH');
        expect(tuk.validFrom).toBe('2024-01-01');
      });
    });

    describe('municipalities', () => {
      it('knows Norrköpings kommun as the one municipality, with what its scope holds', async () => {
        const { municipalities, overview } = await store.municipalities();
        expect(municipalities.map((m) => [m.entity.id, m.entity.name.sv])).toEqual([['norrkopings-kommun', 'Norrköpings kommun']]);
        const [norrkoping] = municipalities;
        expect(norrkoping!.entitiesByKind.COMPANY).toBe((await store.info()).entitiesByKind.COMPANY);
        expect(norrkoping!.entitiesByKind.DECISION_AREA).toBeGreaterThanOrEqual(16);
        // Shared: kommunallagen's sections, the glossary and the checklist questions the instruction leaves open; no actor.
        expect(overview.entitiesByKind.GLOSSARY_TERM).toBeGreaterThan(40);
        expect(overview.entitiesByKind.ORGANISATION).toBe(1);
      });

      it('places the board, the companies and the management group in the kommun, and the law in none', async () => {
        await expect(
          store.municipalityOf(['kommunstyrelsen', 'nodra-ab', 'kommunledningsgruppen', 'kl-6-1', 'term-uppsiktsplikt', 'finns-inte']),
        ).resolves.toEqual(['norrkopings-kommun', 'norrkopings-kommun', 'norrkopings-kommun', null, null, null]);
      });

      it('scopes the organisation to the kommun as the whole graph shows it: every actor is the kommun’s', async () => {
        const filter = {
          kinds: ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'] as const,
          families: ['REPORTING', 'DECISION', 'OWNERSHIP', 'STRUCTURE'] as const,
          asOf: '2025-06-01',
        };
        const [scoped, whole] = await Promise.all([store.graph({ ...filter, municipality: 'norrkopings-kommun' }), store.graph(filter)]);
        expect(ids(scoped.nodes)).toEqual(ids(whole.nodes));
        expect(ids(scoped.edges)).toEqual(ids(whole.edges));
        expect(ids(scoped.nodes)).toContain('raddningstjansten-ostra-gotaland');
        expect(ids(await store.decisionAreas({ municipality: 'norrkopings-kommun' }))).toEqual(ids(await store.decisionAreas({})));
      });
    });

    describe('listing', () => {
      it('pages through companies by cursor without gaps or repeats', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        let total = -1;
        for (let guard = 0; guard < 20; guard++) {
          const page = await store.listEntities({ kinds: ['COMPANY'], first: 3, after });
          total = page.totalCount;
          seen.push(...ids(page.items));
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        expect(seen.length).toBe(total);
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual(seen);
        expect(seen).toContain('norrkoping-radhus-ab');
        expect(seen).toContain('nodra-ab');
      });

      it('filters listings by date', async () => {
        const before = await store.listEntities({ kinds: ['UNIT'], first: 500, asOf: '2023-06-01' });
        const after = await store.listEntities({ kinds: ['UNIT'], first: 500, asOf: '2024-06-01' });
        expect(ids(before.items)).toContain('kultur-och-fritidskontoret');
        expect(ids(before.items)).not.toContain('tillvaxt-och-utvecklingskontoret');
        expect(ids(after.items)).toContain('tillvaxt-och-utvecklingskontoret');
        expect(ids(after.items)).not.toContain('kultur-och-fritidskontoret');
      });

      it('rejects a cursor it did not give out', async () => {
        await expect(store.listEntities({ first: 2, after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      });
    });

    describe('search', () => {
      const top = async (text: string, first = 5) => ids((await store.search({ text, first })).map((h) => h.entity));

      it('finds abbreviations exactly first: KS, KF, TUK', async () => {
        const [ks] = await store.search({ text: 'KS', first: 5 });
        expect(ks?.entity.id).toBe('kommunstyrelsen');
        expect(ks?.match).toBe('EXACT');
        expect((await top('KF'))[0]).toBe('kommunfullmaktige');
        expect((await top('tuk'))[0]).toBe('tillvaxt-och-utvecklingskontoret');
      });

      it('folds case and å, ä, ö', async () => {
        expect((await top('vard- och omsorgsnamnden'))[0]).toBe('vard-och-omsorgsnamnden');
        expect((await top('KOMMUNDIREKTÖR'))[0]).toBe('kommundirektor');
        expect((await top('overformyndarnamnden'))[0]).toBe('overformyndarnamnden');
      });

      it('matches prefixes, parts of compounds and English names', async () => {
        expect(await top('personalutskott')).toContain('ks-personalutskott');
        expect(await top('utskott', 10)).toContain('ks-personalutskott');
        expect(await top('Municipal Director')).toContain('kommundirektor');
        expect(await top('kompetensf')).toContain('kompetensforsorjningsnamnden');
      });

      it('forgives a typo', async () => {
        expect(await top('kommundirekör')).toContain('kommundirektor');
        expect(await top('socialnämden')).toContain('socialnamnden');
      });

      // The engines differ in typos (the embedded index forgives a quarter of a word's letters, Lucene
      // at most two edits, and stems Swedish inflections) and score them their own way. What
      // holds on any engine: a name's common misspellings find it near the top, and every hit a
      // name matches exactly, by prefix, by word or as a part comes before any typo hit.
      it('finds a misspelt name near the top, whatever the engine', async () => {
        const misspelt: [string, string][] = [
          ['komunstyrelsen', 'kommunstyrelsen'],
          ['kommunstyrelesn', 'kommunstyrelsen'],
          ['utbildningsnämden', 'utbildningsnamnden'],
          ['överförmyndarnänden', 'overformyndarnamnden'],
          ['Hyresbostäder i Norrköpnig', 'hyresbostader'],
        ];
        for (const [text, id] of misspelt) {
          const hits = await store.search({ text, first: 5 });
          expect(ids(hits.map((h) => h.entity)), text).toContain(id);
          expect(hits.find((h) => h.entity.id === id)?.match, text).toBe('FUZZY');
        }
      });

      it('puts every name match before any typo match, in the shared order', async () => {
        const tiers = ['EXACT', 'PREFIX', 'WORD', 'SUBSTRING', 'FUZZY'];
        const hits = await store.search({ text: 'styrelse', first: 25 });
        const order = hits.map((h) => tiers.indexOf(h.match));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        // "styrelse" begins the names of the boards of the companies (PREFIX), is a word in none,
        // and is part of kommunstyrelsen and its committees (SUBSTRING).
        const named = hits.filter((h) => h.match !== 'FUZZY');
        expect(named.length).toBeGreaterThan(3);
        expect(named.find((h) => h.entity.id === 'kommunstyrelsen')).toMatchObject({ match: 'SUBSTRING', field: 'name' });
      });

      it('filters by kind and by date', async () => {
        const companies = await store.search({ text: 'Norrköping', kinds: ['COMPANY'], first: 20 });
        expect(companies.length).toBeGreaterThan(2);
        expect(companies.every((h) => h.entity.kind === 'COMPANY')).toBe(true);
        expect(ids((await store.search({ text: 'tillväxt', first: 10, asOf: '2023-06-01' })).map((h) => h.entity))).not.toContain(
          'tillvaxt-och-utvecklingskontoret',
        );
      });

      it('answers nothing for nothing', async () => {
        expect(await store.search({ text: '  ', first: 5 })).toEqual([]);
        expect(await store.search({ text: 'qzxqzxqzx', first: 5 })).toEqual([]);
      });
    });

    describe('relations', () => {
      it('shows what the director heads and who appoints the director', async () => {
        const [out] = await store.relationsOf(['kommundirektor'], { direction: 'OUT', families: ['REPORTING'] });
        const vd = out!.find((r) => r.kind === 'HEADS' && r.to === 'norrkoping-radhus-ab');
        expect(vd?.cites).toContain('kdi-vd-radhus');
        expect(out!.filter((r) => r.kind === 'MANAGES').map((r) => r.to)).toContain('utbildningsdirektor');
        const [incoming] = await store.relationsOf(['kommundirektor'], { direction: 'IN', families: ['REPORTING'] });
        const appoints = incoming!.find((r) => r.kind === 'APPOINTS');
        expect(appoints?.from).toBe('kommunstyrelsen');
        expect(appoints?.cites).toContain('kl-7-1');
      });

      it('batches several ids and keeps relations ordered by id', async () => {
        const [a, b] = await store.relationsOf(['norrkoping-radhus-ab', 'finns-inte'], { direction: 'OUT', families: ['OWNERSHIP'] });
        expect(a!.map((r) => r.to)).toEqual(expect.arrayContaining(['nodra-ab', 'hyresbostader', 'upplev-norrkoping-ab']));
        expect(a!.map((r) => r.id)).toEqual([...a!.map((r) => r.id)].sort());
        expect(b).toEqual([]);
      });

      it('gives both directions as the relations out and the relations in, each once, ordered by id', async () => {
        const of = async (direction: 'BOTH' | 'OUT' | 'IN') => (await store.relationsOf(['kommunstyrelsen'], { direction, asOf: '2025-06-01' }))[0]!;
        const [both, out, into] = [await of('BOTH'), await of('OUT'), await of('IN')];
        expect(out.length).toBeGreaterThan(5);
        expect(into.length).toBeGreaterThan(5);
        expect(both.map((r) => r.id)).toEqual([...out, ...into].map((r) => r.id).sort());
      });

      it('drops relations whose end is no longer in force', async () => {
        const [before] = await store.relationsOf(['kultur-och-fritidskontoret'], { direction: 'BOTH', asOf: '2023-06-01' });
        const [after] = await store.relationsOf(['kultur-och-fritidskontoret'], { direction: 'BOTH', asOf: '2024-06-01' });
        expect(before!.length).toBeGreaterThan(0);
        expect(after).toEqual([]);
      });
    });

    describe('neighbourhood and graph', () => {
      it('gives the neighbourhood of the director by family and depth', async () => {
        const one = await store.neighbourhood({ id: 'kommundirektor', depth: 1, families: ['REPORTING'], asOf: '2024-06-01' });
        expect(ids(one!.nodes)).toEqual(expect.arrayContaining(['kommunstyrelsen', 'norrkoping-radhus-ab', 'utbildningsdirektor']));
        expect(ids(one!.nodes)).not.toContain('nodra-ab');
        expect(one!.edges.every((e) => e.family === 'REPORTING')).toBe(true);
        const two = await store.neighbourhood({ id: 'kommundirektor', depth: 2, families: ['REPORTING', 'OWNERSHIP'], asOf: '2024-06-01' });
        expect(ids(two!.nodes)).toContain('nodra-ab');
        const nodeIds = new Set(ids(two!.nodes));
        expect(two!.edges.every((e) => nodeIds.has(e.from) && nodeIds.has(e.to))).toBe(true);
      });

      it('includes decision areas the director takes part in', async () => {
        const n = await store.neighbourhood({ id: 'kommundirektor', depth: 1, families: ['DECISION', 'CONSULTATION'] });
        expect(ids(n!.nodes)).toEqual(expect.arrayContaining(['da-anstallning-kontorschef', 'da-villkor-vd-dotterbolag']));
      });

      it('answers null for an unknown or closed entity', async () => {
        expect(await store.neighbourhood({ id: 'finns-inte', depth: 1 })).toBeNull();
        expect(await store.neighbourhood({ id: 'kultur-och-fritidskontoret', depth: 1, asOf: '2024-06-01' })).toBeNull();
      });

      it('shows the organisation as of a date: 2023 and 2024', async () => {
        const actors = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION'] as const;
        const y2022 = ids((await store.graph({ kinds: actors, asOf: '2022-06-01' })).nodes);
        const y2023 = ids((await store.graph({ kinds: actors, asOf: '2023-06-01' })).nodes);
        const y2024 = ids((await store.graph({ kinds: actors, asOf: '2024-06-01' })).nodes);
        expect(y2022).toContain('arbetsmarknads-och-vuxenutbildningsnamnden');
        expect(y2022).not.toContain('kompetensforsorjningsnamnden');
        expect(y2023).toContain('kompetensforsorjningsnamnden');
        expect(y2023).toContain('kultur-och-fritidskontoret');
        expect(y2023).not.toContain('tillvaxt-och-utvecklingskontoret');
        expect(y2024).toContain('tillvaxt-och-utvecklingskontoret');
        expect(y2024).not.toContain('kultur-och-fritidskontoret');
      });

      it('keeps graph edges inside its nodes and families', async () => {
        const g = await store.graph({ families: ['OWNERSHIP'], kinds: ['POLITICAL_BODY', 'COMPANY'] });
        const nodeIds = new Set(ids(g.nodes));
        expect(g.edges.length).toBeGreaterThan(5);
        expect(g.edges.every((e) => e.family === 'OWNERSHIP' && nodeIds.has(e.from) && nodeIds.has(e.to))).toBe(true);
        expect(g.nodes.every((n) => n.kind === 'POLITICAL_BODY' || n.kind === 'COMPANY')).toBe(true);
      });
    });

    describe('paths', () => {
      it('connects the board to a Rådhus AB subsidiary through the director', async () => {
        const paths = await store.paths({
          from: 'kommunstyrelsen',
          to: 'nodra-ab',
          maxLength: 4,
          families: ['REPORTING', 'OWNERSHIP'],
          mode: 'SHORTEST',
          limit: 10,
          asOf: '2024-06-01',
        });
        expect(paths.length).toBeGreaterThanOrEqual(1);
        expect(paths[0]!.nodes).toEqual(['kommunstyrelsen', 'kommundirektor', 'norrkoping-radhus-ab', 'nodra-ab']);
        expect(paths[0]!.steps.map((s) => s.relation.kind)).toEqual(['APPOINTS', 'HEADS', 'OWNS']);
        expect(paths[0]!.steps.every((s) => s.forward)).toBe(true);
        expect(new Set(paths.map((p) => p.nodes.length))).toEqual(new Set([4]));
        const lookup = new Map((await store.getEntities(paths[0]!.nodes)).map((e) => [e!.id, e!]));
        const sv = explainPath(paths[0]!, (id) => lookup.get(id), 'sv');
        expect(sv).toMatch(/^Kommunstyrelsen anställer kommundirektören, som .*Norrköping Rådhus AB, som äger Nodra AB\.$/);
      });

      it('lists every simple path up to a length, shortest first, then by the entities passed', async () => {
        const args = {
          from: 'kommunstyrelsen',
          to: 'nodra-ab',
          families: ['REPORTING', 'OWNERSHIP'] as const,
          mode: 'ALL' as const,
          limit: 50,
          asOf: '2024-06-01',
        };
        const four = await store.paths({ ...args, families: [...args.families], maxLength: 4 });
        const show = (p: (typeof four)[number]) => `${p.nodes.join(' > ')} | ${p.steps.map((s) => `${s.forward ? '' : '<'}${s.relation.kind}`).join(' ')}`;
        // KS appoints the director, who is VD of Rådhus AB (kdi-vd-radhus); KF exercises the kommun's ownership of Rådhus AB; the
        // director heads the administration and KS's own office, both serving KS.
        expect(four.map(show)).toEqual([
          'kommunstyrelsen > kommundirektor > norrkoping-radhus-ab > nodra-ab | APPOINTS HEADS OWNS',
          'kommunstyrelsen > kommunfullmaktige > norrkoping-radhus-ab > nodra-ab | <ELECTS EXERCISES_OWNERSHIP OWNS',
          'kommunstyrelsen > forvaltningen > kommundirektor > norrkoping-radhus-ab > nodra-ab | <SERVES <HEADS HEADS OWNS',
          'kommunstyrelsen > kommunstyrelsens-kontor > kommundirektor > norrkoping-radhus-ab > nodra-ab | <SERVES <HEADS HEADS OWNS',
        ]);
        const five = await store.paths({ ...args, families: [...args.families], maxLength: 5 });
        expect(five.slice(0, 4).map(show)).toEqual(four.map(show));
        // No longer past Rådhus AB through another subsidiary and the generic "dotterbolagets VD" (a bridge
        // that does not exist: each company has its own VD post); only three longer ways round remain.
        expect(five.slice(4).map(show)).toEqual([
          'kommunstyrelsen > kommunstyrelsens-kontor > valnamnden > kommunfullmaktige > norrkoping-radhus-ab > nodra-ab | <SERVES SERVES <ELECTS EXERCISES_OWNERSHIP OWNS',
          'kommunstyrelsen > tillvaxt-och-utvecklingskontoret > kultur-och-fritidsnamnden > kommunfullmaktige > norrkoping-radhus-ab > nodra-ab | <SERVES SERVES <ELECTS EXERCISES_OWNERSHIP OWNS',
          'kommunstyrelsen > tillvaxt-och-utvecklingskontoret > tillvaxt-och-utvecklingsdirektor > kommundirektor > norrkoping-radhus-ab > nodra-ab | <SERVES <HEADS <MANAGES HEADS OWNS',
        ]);
        expect(five.flatMap((p) => p.nodes)).not.toContain('vd-dotterbolag');
        for (const p of five) expect(new Set(p.nodes).size).toBe(p.nodes.length);
        expect(await store.paths({ ...args, families: [...args.families], maxLength: 5, limit: 3 })).toEqual(five.slice(0, 3));
      });

      it('walks relations backwards where it must and says so', async () => {
        const [path] = await store.paths({
          from: 'socialkontoret',
          to: 'kommundirektor',
          maxLength: 4,
          families: ['REPORTING'],
          mode: 'SHORTEST',
          limit: 1,
          asOf: '2024-06-01',
        });
        expect(path).toBeDefined();
        expect(path!.steps[0]!.forward).toBe(false);
        expect(path!.nodes.at(-1)).toBe('kommundirektor');
      });

      it('finds nothing beyond the length bound or between unconnected families', async () => {
        expect(
          await store.paths({ from: 'kommunstyrelsen', to: 'nodra-ab', maxLength: 2, families: ['REPORTING', 'OWNERSHIP'], mode: 'ALL', limit: 10 }),
        ).toEqual([]);
        expect(await store.paths({ from: 'kommunstyrelsen', to: 'nodra-ab', maxLength: 6, families: ['RIGHTS'], mode: 'SHORTEST', limit: 10 })).toEqual([]);
      });
    });

    describe('posts and generic roles', () => {
      /** The roles that stand for a post in every organisation of a kind ("dotterbolagets VD"): never a bridge between two of them. */
      const GENERIC = ['vd-dotterbolag', 'ordforande-dotterbolag', 'kontorschef', 'berorda-namnders-presidier', 'tjansteperson-kontor'];
      const ORGANISATIONS = new Set(['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION']);

      it('walks no path from the board to a subsidiary through a role that every subsidiary shares', async () => {
        const paths = await store.paths({ from: 'kommunstyrelsen', to: 'hyresbostader', maxLength: 4, mode: 'ALL', limit: 200, asOf: '2024-06-01' });
        expect(paths.length).toBeGreaterThan(0);
        const entities = new Map((await store.getEntities([...new Set(paths.flatMap((p) => p.nodes))])).map((e) => [e!.id, e!]));
        const generic = (id: string) => GENERIC.includes(id) || (entities.get(id) as { generic?: boolean } | undefined)?.generic === true;
        for (const path of paths) {
          path.nodes.slice(1, -1).forEach((id, i) => {
            const [before, after] = [entities.get(path.nodes[i]!)!, entities.get(path.nodes[i + 2]!)!];
            const bridge = generic(id) && ORGANISATIONS.has(before.kind) && ORGANISATIONS.has(after.kind);
            expect(bridge, `${path.nodes.join(' > ')} crosses from ${before.id} to ${after.id} through ${id}`).toBe(false);
          });
        }
      });

      it('gives every subsidiary a managing-director post and a board-chair post of its own', async () => {
        for (const company of ['hyresbostader', 'nodra-ab', 'norrkopings-hamn-ab', 'upplev-norrkoping-ab']) {
          const [incoming] = await store.relationsOf([company], { direction: 'IN', families: ['REPORTING', 'STRUCTURE'], asOf: '2024-06-01' });
          const head = incoming!.filter((r) => r.kind === 'HEADS').map((r) => r.from);
          const chair = incoming!.filter((r) => r.kind === 'CHAIRS').map((r) => r.from);
          expect(head, company).toHaveLength(1);
          expect(chair, company).toHaveLength(1);
          const [vd, ordforande] = await store.getEntities([head[0]!, chair[0]!]);
          expect(vd).toMatchObject({ kind: 'ROLE', postIn: company, role: 'vd-dotterbolag' });
          expect(ordforande).toMatchObject({ kind: 'ROLE', postIn: company, role: 'ordforande-dotterbolag' });
          expect(GENERIC).not.toContain(vd!.id);
        }
      });
    });

    describe('evidence', () => {
      it('gives the whole data set, every date, when the graph is asked for without filters (what the rule checks read)', async () => {
        const [info, all] = await Promise.all([store.info(), store.graph({ asOf: null })]);
        expect(all.nodes).toHaveLength(info.entityCount);
        expect(all.edges).toHaveLength(info.relationCount);
        expect(ids(all.nodes)).toEqual(expect.arrayContaining(['stadsbyggnadskontoret', 'tillvaxt-och-utvecklingskontoret', 'kdi-vd-radhus']));
      });

      it('keeps how each relation and participant is known, quote and readings included', async () => {
        const [out] = await store.relationsOf(['kommundirektor'], { direction: 'OUT', families: ['REPORTING'], asOf: '2024-06-01' });
        expect(out!.find((r) => r.id === 'kommundirektor.heads.norrkoping-radhus-ab')!.evidence).toEqual({
          status: 'STATED',
          quote: 'Kommundirektören är verkställande direktör för Norrköping Rådhus AB.',
          provision: 'kdi-vd-radhus',
        });
        const [area] = (await store.getEntities(['da-anstallning-vd-dotterbolag'])) as DecisionAreaEntity[];
        expect(area!.settled).toBe(false);
        const consulted = area!.participants.find((p) => p.role === 'CONSULTED')!;
        expect(consulted.evidence.status).toBe('CONTESTED');
        expect(consulted.evidence.readings).toHaveLength(2);
        const [into] = await store.relationsOf(['da-anstallning-vd-dotterbolag'], { direction: 'IN', families: ['CONSULTATION'] });
        expect(into!.map((r) => [r.id, r.evidence.status])).toEqual([['da-anstallning-vd-dotterbolag.consulted.ks-presidium', 'CONTESTED']]);
      });
    });

    describe('ownership', () => {
      it('runs from the municipality through Norrköping Rådhus AB to every subsidiary', async () => {
        for (const company of ['hyresbostader', 'nodra-ab', 'norrevo', 'norrevo-naringslivsfastigheter', 'upplev-norrkoping-ab']) {
          const [path] = await store.paths({
            from: 'norrkopings-kommun',
            to: company,
            maxLength: 4,
            families: ['OWNERSHIP'],
            mode: 'SHORTEST',
            limit: 1,
            asOf: '2024-06-01',
          });
          expect(path, company).toBeDefined();
          expect(path!.nodes.slice(0, 2), company).toEqual(['norrkopings-kommun', 'norrkoping-radhus-ab']);
          expect(
            path!.steps.every((s) => s.forward && s.relation.kind === 'OWNS'),
            company,
          ).toBe(true);
        }
      });
    });

    describe('org chart', () => {
      const find = (node: OrgChartNode, id: string): OrgChartNode | undefined =>
        node.entity.id === id ? node : node.children.map((c) => find(c, id)).find(Boolean);
      const all = (node: OrgChartNode): string[] => [node.entity.id, ...node.children.flatMap(all)];

      it('runs from the council through the board and the director to the kontor', async () => {
        const chart = await store.orgChart({ rootId: 'kommunfullmaktige', asOf: '2024-06-01' });
        expect(chart!.entity.id).toBe('kommunfullmaktige');
        const ks = find(chart!, 'kommunstyrelsen');
        expect(ks?.via?.kind).toBe('ELECTS');
        const kd = find(ks!, 'kommundirektor');
        expect(kd?.via?.kind).toBe('APPOINTS');
        const ud = find(kd!, 'utbildningsdirektor');
        expect(ud?.via?.kind).toBe('MANAGES');
        expect(ids(ud!.children.map((c) => c.entity))).toContain('utbildningskontoret');
        const everyone = all(chart!);
        expect(new Set(everyone).size).toBe(everyone.length);
        expect(everyone).toContain('tillvaxt-och-utvecklingskontoret');
        expect(everyone).not.toContain('kultur-och-fritidskontoret');
      });

      it('hangs the subsidiaries under Norrköping Rådhus AB', async () => {
        const chart = await store.orgChart({ rootId: 'kommunfullmaktige', asOf: '2024-06-01' });
        const radhus = find(chart!, 'norrkoping-radhus-ab');
        expect(ids(radhus!.children.map((c) => c.entity))).toEqual(expect.arrayContaining(['nodra-ab', 'hyresbostader', 'norrevo']));
        expect(radhus!.children.every((c) => c.via?.kind === 'OWNS' || c.via?.kind === 'HEADS')).toBe(true);
      });

      it('hangs Rådhus AB straight under the council, whose ownership of it the council exercises', async () => {
        // ownership.yaml: kommunfullmäktige EXERCISES_OWNERSHIP of Rådhus AB (KL 10:3), a line of the chart
        // (the vocabulary's hierarchy: down); the director's HEADS reaches it too, but two steps further down.
        const chart = await store.orgChart({ rootId: 'kommunfullmaktige', asOf: '2024-01-01' });
        const top = chart!.children.map((c) => `${c.via!.kind} ${c.entity.id}`);
        expect(top).toContain('EXERCISES_OWNERSHIP norrkoping-radhus-ab');
        expect(top.filter((t) => !t.startsWith('ELECTS '))).toEqual(['EXERCISES_OWNERSHIP norrkoping-radhus-ab']);
        expect(top).toHaveLength(15);
        const director = find(chart!, 'kommundirektor')!;
        expect(director.children.map((c) => c.entity.id)).not.toContain('norrkoping-radhus-ab');
        expect(all(chart!).filter((id) => id === 'norrkoping-radhus-ab')).toHaveLength(1);
      });

      it('shows the offices of 2020 and of 2018 with their heads', async () => {
        const in2020 = await store.orgChart({ rootId: 'kommunstyrelsen', asOf: '2020-06-01' });
        const office = find(in2020!, 'arbetsmarknads-och-vuxenutbildningskontoret');
        expect(office?.via?.kind).toBe('HEADS');
        const in2018 = await store.orgChart({ rootId: 'kommunstyrelsen', asOf: '2018-06-01' });
        for (const id of ['bygg-och-miljokontoret', 'stadsbyggnadskontoret', 'tekniska-kontoret']) expect(find(in2018!, id)?.via?.kind, id).toBe('HEADS');
        expect(all(in2018!)).not.toContain('samhallsbyggnadskontoret');
      });

      it('shows the office as it was in 2023', async () => {
        const chart = await store.orgChart({ rootId: 'kommunstyrelsen', asOf: '2023-06-01' });
        const everyone = all(chart!);
        expect(everyone).toContain('kultur-och-fritidskontoret');
        expect(everyone).not.toContain('tillvaxt-och-utvecklingskontoret');
        expect(await store.orgChart({ rootId: 'finns-inte' })).toBeNull();
      });
    });

    describe('decision areas', () => {
      const participants = (area: DecisionAreaEntity, role: string) => area.participants.filter((p) => p.role === role).map((p) => p.actor);

      it('answers who decides a kontorschef’s employment, who is heard and who is told', async () => {
        const [area] = (await store.getEntities(['da-anstallning-kontorschef'])) as DecisionAreaEntity[];
        expect(participants(area!, 'DECIDES')).toEqual(['kommundirektor']);
        expect(participants(area!, 'HEARD')).toEqual(['berorda-namnders-presidier']);
        expect(participants(area!, 'INFORMED')).toEqual(['kommunstyrelsen']);
        expect(area!.participants.every((p) => p.cites.includes('kdi-anstallning-kontorschef'))).toBe(true);
      });

      it('finds the decisions an actor takes part in', async () => {
        expect(ids(await store.decisionAreas({ actorId: 'personalutskottets-ordforande' }))).toEqual(['da-villkor-kontorschef']);
        const chairs = await store.decisionAreas({ actorId: 'ordforande-dotterbolag' });
        expect(ids(chairs)).toEqual(['da-villkor-vd-dotterbolag']);
        expect(participants(chairs[0]!, 'CONSULTED')).toEqual(['kommundirektor']);
        const ks = ids(await store.decisionAreas({ actorId: 'kommunstyrelsen' }));
        expect(ks).toEqual(expect.arrayContaining(['da-organisation-i-kontor', 'da-anstallning-kommundirektor']));
      });

      it('finds decisions by words, and by both together', async () => {
        const byText = ids(await store.decisionAreas({ text: 'anställningsvillkor' }));
        expect(byText).toEqual(expect.arrayContaining(['da-villkor-kontorschef', 'da-villkor-vd-dotterbolag']));
        const both = ids(await store.decisionAreas({ actorId: 'ks-presidium', text: 'verkställande direktör' }));
        expect(both).toEqual(['da-anstallning-vd-dotterbolag']);
      });

      it('exposes participations as relations into the area', async () => {
        const [incoming] = await store.relationsOf(['da-organisation-i-kontor'], { direction: 'IN' });
        const byKind = Object.fromEntries(incoming!.map((r) => [r.kind, r.from]));
        expect(byKind).toMatchObject({ DECIDES: 'kommunstyrelsen', PROPOSES: 'kommundirektor' });
        expect(incoming!.every((r) => r.cites.includes('kdi-organisation-kontor'))).toBe(true);
      });
    });

    describe('citations', () => {
      it('lists the relations that cite each provision, batched, by relation id', async () => {
        const [vd, appointment, none] = await store.citedBy(['kdi-vd-radhus', 'kl-7-1', 'finns-inte'], { asOf: '2024-06-01' });
        // The instruction makes the director VD of Rådhus AB; the Local Government Act, 7:1, has KS appoint the director.
        expect(vd!.map((r) => r.id)).toEqual(['kommundirektor.heads.norrkoping-radhus-ab']);
        expect(appointment!.map((r) => r.id)).toEqual(['da-anstallning-kommundirektor.decides.kommunstyrelsen', 'kommunstyrelsen.appoints.kommundirektor']);
        expect(none).toEqual([]);
      });

      it('leaves out citations by relations not in force that day', async () => {
        const cites = async (asOf: string) => (await store.citedBy(['kdi-en-forvaltning'], { asOf }))[0]!.map((r) => r.id);
        const before = await cites('2023-06-01');
        const after = await cites('2024-06-01');
        expect(before.some((id) => id.includes('kultur-och-fritidskontoret'))).toBe(true);
        expect(after.some((id) => id.includes('kultur-och-fritidskontoret'))).toBe(false);
        expect(after.some((id) => id.includes('tillvaxt-och-utvecklingskontoret'))).toBe(true);
      });
    });

    describe('tours', () => {
      it('gives the guided tours in their order, each step citing what it rests on', async () => {
        const tours = await store.tours();
        expect(tours.map((t) => [t.id, t.steps.length])).toEqual([
          ['fran-fullmaktige-till-kontoren', 11],
          ['vem-bestammer-om-kontorscheferna', 8],
          ['kommunens-bolag', 8],
          ['vad-sager-instruktionen-inte', 9],
          ['fran-arende-till-verkstallt-beslut', 7],
        ]);
        const [first] = tours[1]!.steps;
        expect(first).toMatchObject({
          title: { sv: 'Kontorscheferna och deras chef' },
          focus: ['kommundirektor', 'kontorschef'],
          path: { from: 'kommundirektor', to: 'kontorschef', families: ['REPORTING'] },
          cites: ['kdi-en-forvaltning', 'kdi-chef-kontorschefer'],
        });
        expect(tours.every((t) => t.steps.every((step) => step.cites.length + step.sources.length > 0))).toBe(true);
      });
    });

    describe('sources, workshop and glossary', () => {
      it('lists every provision of the instruction in order', async () => {
        const provisions = await store.provisions({ documentId: 'ks-2021-0005' });
        expect(provisions).toHaveLength(33);
        expect(provisions.map((p) => p.order)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
        expect(provisions[0]!.id).toBe('kdi-inledning');
        expect(provisions.at(-1)!.id).toBe('kdi-revidering');
      });

      it('grades the workshop questions against the instruction', async () => {
        const all = await store.workshopQuestions({});
        expect(all.map((q) => q.order)).toEqual([...all.map((q) => q.order)].sort((a, b) => a - b));
        const open = await store.workshopQuestions({ status: 'OPEN' });
        expect(open.map((q) => q.name.sv)).toContain('Hur är avgångsförmånerna reglerade?');
        const answered = await store.workshopQuestions({ status: 'ANSWERED' });
        const vd = answered.find((q) => q.name.sv === 'Ska kommundirektören vara VD i moderbolag?');
        expect(vd?.provisions).toContain('kdi-vd-radhus');
        expect(answered.every((q) => q.provisions.length > 0)).toBe(true);
        const partly = await store.workshopQuestions({ status: 'PARTLY' });
        expect(open.length + answered.length + partly.length).toBe(all.length);
      });

      it('explains the governance terms in Swedish order', async () => {
        const terms = await store.glossary();
        const names = terms.map((t) => t.name.sv);
        expect(names.map((n) => n.toLowerCase())).toEqual(expect.arrayContaining(['uppsiktsplikt', 'samråd', 'hörande', 'verkställighet']));
        const u = terms.find((t) => t.id === 'term-uppsiktsplikt');
        expect(u?.definition.sv.length).toBeGreaterThan(20);
        expect(u?.definition.en.length).toBeGreaterThan(20);
        // Swedish order puts ö-words last, unlike code-point order.
        const last = names.at(-1)!.toLowerCase();
        expect(['å', 'ä', 'ö'].includes(last[0]!)).toBe(true);
      });
    });

    describe('changes over time', () => {
      it('reports the 2024 reorganisation', async () => {
        const changes = await store.changes({ from: '2023-06-01', to: '2024-06-01' });
        const started = changes.filter((c) => c.type === 'STARTED' && c.entity).map((c) => c.entity!.id);
        const ended = changes.filter((c) => c.type === 'ENDED' && c.entity).map((c) => c.entity!.id);
        expect(started).toContain('tillvaxt-och-utvecklingskontoret');
        expect(ended).toContain('kultur-och-fritidskontoret');
        const tuk = changes.find((c) => c.entity?.id === 'tillvaxt-och-utvecklingskontoret');
        expect(tuk?.date).toBe('2024-01-01');
        expect(changes.find((c) => c.entity?.id === 'kultur-och-fritidskontoret')?.date).toBe('2024-01-01');
        expect(changes.map((c) => c.date)).toEqual([...changes.map((c) => c.date)].sort());
      });

      it('reports the 2023 renaming of the nämnd', async () => {
        const changes = await store.changes({ from: '2022-06-01', to: '2023-06-01' });
        expect(changes.some((c) => c.type === 'STARTED' && c.entity?.id === 'kompetensforsorjningsnamnden' && c.date === '2023-01-01')).toBe(true);
        expect(changes.some((c) => c.type === 'ENDED' && c.entity?.id === 'arbetsmarknads-och-vuxenutbildningsnamnden')).toBe(true);
        expect(changes.some((c) => c.entity?.id === 'tillvaxt-och-utvecklingskontoret')).toBe(false);
      });
    });
  });
}
