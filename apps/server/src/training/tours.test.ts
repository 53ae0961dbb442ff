import { loadDatasetOrThrow, todayInSweden, type Dataset, type Tour } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { highlightOf, routeFamilies, routeOf, stepViews } from './tours.ts';

/**
 * The tours shipped in graph/tours, checked against the store the server
 * uses: every entity and provision a step names exists, every route has a
 * path on the step's date, and the steps stay short enough to read aloud.
 */
let dataset: Dataset;
let store: Store;
let tours: Tour[];
const today = todayInSweden();

beforeAll(async () => {
  dataset = await loadDatasetOrThrow(`${repoRoot}graph`);
  store = createMemoryStore(dataset);
  tours = await store.tours();
});

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ"“”])/u).filter((s) => s.trim().length > 0);

describe('the shipped tours', () => {
  it('include the four the training course is built on, in order', () => {
    expect(tours.map((t) => t.title.sv)).toEqual(
      expect.arrayContaining(['Från fullmäktige till kontoren', 'Vem bestämmer om kontorscheferna?', 'Kommunens bolag', 'Vad säger instruktionen inte?']),
    );
    expect(tours.map((t) => t.order)).toEqual([...tours.map((t) => t.order)].sort((a, b) => a - b));
    expect(new Set(tours.map((t) => t.order)).size).toBe(tours.length);
  });

  it('name only entities that exist, and cite only provisions', async () => {
    for (const tour of tours) {
      for (const [i, step] of tour.steps.entries()) {
        const where = `${tour.id} step ${i + 1}`;
        const ids = [...step.focus, ...(step.path ? [step.path.from, ...(step.path.via ?? []), step.path.to] : [])];
        const found = await store.getEntities(ids);
        expect(
          ids.filter((_, j) => found[j] === null),
          where,
        ).toEqual([]);
        const cited = await store.getEntities(step.cites);
        expect(
          cited.map((p) => p?.kind),
          where,
        ).toEqual(step.cites.map(() => 'PROVISION'));
        expect(step.cites.length + step.sources.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('have a path in the graph for every leg of every route, on the step’s date', async () => {
    let routes = 0;
    for (const tour of tours) {
      for (const view of stepViews(tour, today)) {
        if (!view.step.path) continue;
        routes++;
        const path = await routeOf(store, view);
        const where = `${tour.id} step ${view.number}`;
        expect(path, where).not.toBeNull();
        const stops = [view.step.path.from, ...(view.step.path.via ?? []), view.step.path.to];
        // The route passes its waypoints in order, and walks only the families it names.
        expect(
          stops.map((id) => path!.nodes.indexOf(id)),
          where,
        ).toEqual([...stops.map((id) => path!.nodes.indexOf(id))].sort((a, b) => a - b));
        expect(
          path!.steps.every((s) => routeFamilies(view.step).includes(s.relation.family)),
          where,
        ).toBe(true);
      }
    }
    expect(routes).toBeGreaterThanOrEqual(10);
  });

  it('draw the chain from the council to an office through the board, the director and the head of office', async () => {
    const tour = tours.find((t) => t.id === 'fran-fullmaktige-till-kontoren')!;
    const last = stepViews(tour, today).at(-1)!;
    const path = await routeOf(store, last);
    expect(path!.nodes).toEqual(['kommunfullmaktige', 'kommunstyrelsen', 'kommundirektor', 'utbildningsdirektor', 'utbildningskontoret']);
    expect(path!.steps.map((s) => s.relation.kind)).toEqual(['ELECTS', 'APPOINTS', 'MANAGES', 'HEADS']);
  });

  it('show the 2024 reorganisation on its dates: the old office before, the new one after', async () => {
    const tour = tours.find((t) => t.id === 'fran-fullmaktige-till-kontoren')!;
    const views = stepViews(tour, today).filter((v) => v.step.asOf);
    expect(views.map((v) => v.asOf)).toEqual(['2023-12-31', '2024-01-01']);
    const [before, after] = await Promise.all(
      views.map(async (v) =>
        highlightOf(
          store,
          v,
          (await store.getEntities(v.step.focus)).filter((e) => e !== null),
        ),
      ),
    );
    expect(before!.edges.map((r) => r.id)).toContain('kultur-och-fritidskontoret.serves.kultur-och-fritidsnamnden');
    expect(after!.edges.map((r) => r.id)).toEqual(
      expect.arrayContaining(['tillvaxt-och-utvecklingskontoret.serves.kultur-och-fritidsnamnden', 'da-organisation-i-kontor.decides.kommunstyrelsen']),
    );
  });

  it('highlight the participants a step asks for, and only those', async () => {
    const tour = tours.find((t) => t.id === 'vem-bestammer-om-kontorscheferna')!;
    const heard = stepViews(tour, today).find((v) => v.step.roles?.join() === 'HEARD')!;
    const focus = (await store.getEntities(heard.step.focus)).filter((e) => e !== null);
    const lit = await highlightOf(store, heard, focus);
    expect(lit.edges.filter((r) => r.derivedFrom === 'PARTICIPATION').map((r) => r.id)).toEqual([
      'da-anstallning-kontorschef.heard.berorda-namnders-presidier',
    ]);
  });

  it('keep every step short: one to four sentences in each language', () => {
    for (const tour of tours) {
      for (const [i, step] of tour.steps.entries()) {
        for (const lang of ['sv', 'en'] as const) {
          const count = sentences(step.text[lang]).length;
          expect(count, `${tour.id} step ${i + 1} (${lang}): ${step.text[lang]}`).toBeGreaterThanOrEqual(1);
          expect(count, `${tour.id} step ${i + 1} (${lang}): ${step.text[lang]}`).toBeLessThanOrEqual(4);
        }
      }
    }
  });
});
