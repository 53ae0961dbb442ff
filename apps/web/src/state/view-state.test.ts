import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, linkProblems, parseViewState, serializeViewState, type ViewState } from './view-state.ts';

describe('view state in the URL', () => {
  it('writes nothing for the default view, so the plain address is the default', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every field a user can change', () => {
    const state: ViewState = {
      ...DEFAULT_VIEW,
      view: 'graph',
      lang: 'en',
      date: '2023-06-01',
      families: ['REPORTING', 'OWNERSHIP'],
      kinds: ['POLITICAL_BODY', 'COMPANY'],
      layout: 'force',
      selected: { type: 'relation', id: 'kommunstyrelsen.oversees.nodra-ab', from: 'kommunstyrelsen' },
      focus: 'kommundirektor',
      depth: 3,
      expanded: ['kommunstyrelsen', 'norrkoping-radhus-ab'],
      pathFrom: 'kommunstyrelsen',
      pathTo: 'nodra-ab',
      pathIndex: 2,
      pathAll: true,
      paths: true,
      orgRoot: 'kommunstyrelsen',
      collapsed: ['kommundirektor'],
      cell: { area: 'da-anstallning-kontorschef', actor: 'kommundirektor' },
      matrixText: 'anställning',
    };
    const search = serializeViewState(state);
    expect(parseViewState(search)).toEqual(state);
    expect(search).toContain('families=reporting,ownership');
    expect(search).toContain('sel=r:kommunstyrelsen:kommunstyrelsen.oversees.nodra-ab');
    expect(search).toContain('cell=da-anstallning-kontorschef~kommundirektor');
  });

  it('an empty family list is kept (nothing shown), not mistaken for the default', () => {
    const state = { ...DEFAULT_VIEW, families: [] };
    expect(parseViewState(serializeViewState(state)).families).toEqual([]);
  });

  it('ignores what a hand-edited or hostile link puts in, rather than sending it to the API', () => {
    const state = parseViewState('?view=admin&lang=de&date=2024-13&depth=9&families=reporting,bogus&sel=<script>&focus=KS%20x&path=-1&layout=spiral');
    expect(state.view).toBe('graph');
    expect(state.lang).toBe('sv');
    expect(state.date).toBeNull();
    expect(state.depth).toBe(1);
    expect(state.families).toEqual(['REPORTING']);
    expect(state.selected).toBeNull();
    expect(state.focus).toBeNull();
    expect(state.pathIndex).toBe(0);
    expect(state.layout).toBe('hierarchy');
  });

  it('keeps expansions, also through one family and outside a focus, and hidden and pinned entities', () => {
    const state = {
      ...DEFAULT_VIEW,
      expanded: ['kommunstyrelsen', 'norrkoping-radhus-ab~ownership'],
      hidden: ['valnamnden'],
      pinned: ['kommunrevisionen'],
      lonely: true,
    };
    const search = serializeViewState(state);
    expect(search).toBe('?expand=kommunstyrelsen,norrkoping-radhus-ab~ownership&hide=valnamnden&pin=kommunrevisionen&lonely=1');
    expect(parseViewState(search)).toEqual(state);
    expect(parseViewState('?expand=ks~bogus,x~decision~y').expanded).toEqual([]);
  });

  it('drops a date that has the right shape but is not in the calendar, and says so', () => {
    expect(parseViewState('?date=2026-13-45').date).toBeNull();
    expect(parseViewState('?date=2024-02-30').date).toBeNull();
    expect(parseViewState('?date=2024-02-29').date).toBe('2024-02-29');
    expect(linkProblems('?date=2026-13-45&view=graph')).toEqual([{ param: 'date', value: '2026-13-45', reason: 'badDate' }]);
    expect(linkProblems('?view=admin&families=reporting,bogus&sel=<x>&depth=7').map((p) => p.param)).toEqual(['view', 'families', 'sel', 'depth']);
    expect(linkProblems('?view=table&date=2024-01-01&families=ownership&sel=kommunstyrelsen')).toEqual([]);
  });

  it('leaves the org chart root to the data unless the link names one', () => {
    expect(parseViewState('?view=org').orgRoot).toBeNull();
    expect(parseViewState('?view=org&root=socialnamnden').orgRoot).toBe('socialnamnden');
  });
});

describe('training views in the URL', () => {
  it('a tour step is a link: tour id and step number round-trip, step 1 is left out', () => {
    const state: ViewState = { ...DEFAULT_VIEW, view: 'tours', tour: 'vem-bestammer-om-kontorscheferna', step: 3 };
    const search = serializeViewState(state);
    expect(search).toBe('?view=tours&tour=vem-bestammer-om-kontorscheferna&step=3');
    expect(parseViewState(search)).toEqual(state);
    expect(serializeViewState({ ...state, step: 1 })).toBe('?view=tours&tour=vem-bestammer-om-kontorscheferna');
  });

  it('a step without a tour, or a step that is not a positive whole number, falls back to the first', () => {
    expect(parseViewState('?view=tours&step=4')).toMatchObject({ tour: null, step: 1 });
    for (const bad of ['0', '-2', '1.5', 'x', '100000']) expect(parseViewState(`?view=tours&tour=kommunens-bolag&step=${bad}`).step, bad).toBe(1);
    expect(parseViewState('?view=tours&tour=../etc').tour).toBeNull();
  });

  it('a quiz is its seed and topics, so a shared link draws the same questions', () => {
    const state: ViewState = { ...DEFAULT_VIEW, view: 'quiz', quizSeed: 0, quizTopics: ['HEARING', 'DECISION'] };
    const search = serializeViewState(state);
    expect(search).toBe('?view=quiz&seed=0&topics=hearing,decision');
    const back = parseViewState(search);
    expect(back.quizSeed).toBe(0);
    expect([...back.quizTopics].sort()).toEqual(['DECISION', 'HEARING']);
  });

  it('ignores seeds the API cannot take and topics it does not know', () => {
    for (const bad of ['-1', '2147483648', '1.5', 'abc', '']) expect(parseViewState(`?view=quiz&seed=${bad}`).quizSeed, bad).toBeNull();
    expect(parseViewState('?view=quiz&topics=hearing,bogus').quizTopics).toEqual(['HEARING']);
  });

  it('the handout, coverage, checks and glossary views are plain links', () => {
    for (const view of ['handout', 'coverage', 'checks', 'glossary'] as const) {
      const search = serializeViewState({ ...DEFAULT_VIEW, view, lang: 'en' });
      expect(search).toBe(`?view=${view}&lang=en`);
      expect(parseViewState(search)).toEqual({ ...DEFAULT_VIEW, view, lang: 'en' });
    }
  });

  it('the checks view keeps the date it checks', () => {
    const state: ViewState = { ...DEFAULT_VIEW, view: 'checks', date: '2020-06-01' };
    expect(serializeViewState(state)).toBe('?view=checks&date=2020-06-01');
    expect(parseViewState('?view=checks&date=2020-06-01')).toEqual(state);
  });
});

describe('the municipality in the URL', () => {
  it('keeps the chosen municipality in `kommun`, round trip, and leaves it out when none is chosen', () => {
    const state: ViewState = { ...DEFAULT_VIEW, view: 'matrix', kommun: 's004-kommunen' };
    expect(serializeViewState(state)).toBe('?view=matrix&kommun=s004-kommunen');
    expect(parseViewState('?view=matrix&kommun=s004-kommunen')).toEqual(state);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  it('ignores a kommun that is not an id, and says so', () => {
    expect(parseViewState('?kommun=%3Cscript%3E').kommun).toBeNull();
    expect(linkProblems('?kommun=%3Cscript%3E')).toEqual([{ param: 'kommun', value: '<script>', reason: 'badValue' }]);
  });
});
