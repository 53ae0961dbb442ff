import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './view-state.ts';

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

  it('expanded neighbours only count inside a focus', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, expanded: ['kommunstyrelsen'] })).toBe('');
  });
});
