import { describe, expect, it } from 'vitest';
import { LARGE_VIEW_ELEMENTS, planLayout } from './layouts.ts';

/** Norrköping's default view, and the national set's companies and organisations with their ownership (290 municipalities, seed 7). */
const NORRKOPING = { nodes: 80, edges: 193 };
const NATIONAL_OWNERSHIP = { nodes: 2_742, edges: 2_097 };

describe('the layout chosen for a view by its size', () => {
  it('draws a municipality as an org chart (the deterministic org layout), animated after the first draw; the network by fcose at proof quality', () => {
    expect(planLayout('hierarchy', NORRKOPING, true, true)).toEqual({
      name: 'hierarchy',
      large: false,
      engine: 'org',
      quality: null,
      constraints: false,
      animate: true,
      incremental: false,
      pack: false,
    });
    expect(planLayout('force', NORRKOPING, false, false)).toMatchObject({ engine: 'fcose', quality: 'proof', constraints: false });
    expect(planLayout('tree', NORRKOPING, true, false)).toMatchObject({ engine: 'dagre', large: false, pack: false, animate: true });
  });

  it('lays a national view out for speed: no constraints, no animation, the forest ranked by dagre and packed in rows', () => {
    expect(planLayout('hierarchy', NATIONAL_OWNERSHIP, true, true)).toEqual({
      name: 'hierarchy',
      large: true,
      engine: 'dagre',
      quality: null,
      constraints: false,
      animate: false,
      incremental: false,
      pack: true,
    });
    expect(planLayout('tree', NATIONAL_OWNERSHIP, true, false)).toMatchObject({ engine: 'dagre', pack: true, animate: false });
    expect(planLayout('force', NATIONAL_OWNERSHIP, true, true)).toMatchObject({ engine: 'fcose', quality: 'default', constraints: false, animate: false, incremental: false });
  });

  it('switches at the threshold, counting nodes and edges together', () => {
    expect(planLayout('hierarchy', { nodes: LARGE_VIEW_ELEMENTS - 400, edges: 400 }, false, false).large).toBe(false);
    expect(planLayout('hierarchy', { nodes: LARGE_VIEW_ELEMENTS - 400, edges: 401 }, false, false).large).toBe(true);
    // Norrköping's whole graph, every family and kind, stays well inside the detailed layout.
    expect(LARGE_VIEW_ELEMENTS).toBeGreaterThan(3 * (NORRKOPING.nodes + NORRKOPING.edges));
  });
});
