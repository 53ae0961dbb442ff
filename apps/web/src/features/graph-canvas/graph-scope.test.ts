import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState } from '../../state/view-state.ts';
import { graphScopeOf } from './graph-scope.ts';

describe('the graph the view asks for, as the graph view and the table ask it', () => {
  it('carries the date, families, kinds, focus, depth and expanded entities of the link', () => {
    const state = parseViewState('?date=2023-06-01&families=REPORTING&focus=kommundirektor&depth=2&expand=kommunstyrelsen');
    expect(graphScopeOf(state, { ready: true, national: false, municipality: null }, 'EN')).toEqual({
      asOf: '2023-06-01',
      families: ['REPORTING'],
      kinds: DEFAULT_VIEW.kinds,
      lang: 'EN',
      focus: 'kommundirektor',
      depth: 2,
      expanded: ['kommunstyrelsen'],
      municipality: null,
      overview: false,
      ready: true,
    });
  });

  it('asks for the overview on a data set of many municipalities with none chosen, and for the chosen one otherwise', () => {
    expect(graphScopeOf(DEFAULT_VIEW, { ready: true, national: true, municipality: null }, 'SV').overview).toBe(true);
    const scoped = graphScopeOf(DEFAULT_VIEW, { ready: true, national: true, municipality: 's003-kommunen' }, 'SV');
    expect(scoped).toMatchObject({ municipality: 's003-kommunen', overview: false });
    // Narrowed kinds keep the country on its overview (narrowed to those kinds) until a municipality is chosen.
    expect(graphScopeOf({ ...DEFAULT_VIEW, kinds: ['COMPANY'] }, { ready: true, national: true, municipality: null }, 'SV')).toMatchObject({
      overview: true,
      kinds: ['COMPANY'],
    });
  });
});
