import { describe, expect, it } from 'vitest';
import { LARGE_VIEW_ELEMENTS, planLayout } from './layouts.ts';

/** Norrköping's default view, and the national set's companies and organisations with their ownership (290 municipalities, seed 7). */
const NORRKOPING = { nodes: 80, edges: 193 };
const NATIONAL_OWNERSHIP = { nodes: 2_742, edges: 2_097 };
/** The national set's overview: 290 municipalities, 65 federations and associations, 503 memberships. */
const NATIONAL_OVERVIEW = { nodes: 355, edges: 503 };

const NAMES = ['hierarchy', 'tree', 'force'] as const;
const FLAGS = [true, false] as const;
/** Every layout, with every combination of the caller's wishes (animate, incremental). */
const everyCall = (size: { nodes: number; edges: number }) =>
  NAMES.flatMap((name) =>
    FLAGS.flatMap((animate) => FLAGS.map((incremental) => ({ name, animate, incremental, plan: planLayout(name, size, animate, incremental) }))),
  );

/**
 * The rules a plan keeps, checked over every call rather than by repeating
 * the plan's literals: a test that restated the object the function returns
 * would pass whatever the function said.
 */
describe('the layout chosen for a view by its size', () => {
  it('keeps the layout the user chose on a municipality: the org chart for the hierarchy, dagre for the tree, fcose at its best for the network', () => {
    for (const { name, animate, incremental, plan } of everyCall(NORRKOPING)) {
      const what = `${name} animate=${animate} incremental=${incremental}`;
      expect(plan.name, what).toBe(name);
      expect(plan.large, what).toBe(false);
      expect(plan.engine, what).toBe({ hierarchy: 'org', tree: 'dagre', force: 'fcose' }[name]);
      // Only fcose has a quality, and on a small view it takes the slow, best one.
      expect(plan.quality, what).toBe(plan.engine === 'fcose' ? 'proof' : null);
      // The caller's animation is honoured; only fcose can start from where the nodes are.
      expect(plan.animate, what).toBe(animate);
      expect(plan.incremental, what).toBe(incremental && plan.engine === 'fcose');
      expect(plan.pack, what).toBe(false);
    }
  });

  it('lays a national view out for speed whatever is asked: no animation, no incremental start; hierarchies ranked by dagre and packed, the network by fcose at default quality', () => {
    for (const { name, animate, incremental, plan } of everyCall(NATIONAL_OWNERSHIP)) {
      const what = `${name} animate=${animate} incremental=${incremental}`;
      expect(plan.name, what).toBe(name);
      expect(plan.large, what).toBe(true);
      expect(plan.animate, what).toBe(false);
      expect(plan.incremental, what).toBe(false);
      expect(plan.constraints, what).toBe(false);
      const tree = name !== 'force';
      expect([plan.engine, plan.pack, plan.quality], what).toEqual(tree ? ['dagre', true, null] : ['fcose', false, 'default']);
    }
  });

  it('places the country overview in rings on any size, never with the org chart’s measuring or a force simulation, animated only where the caller asks on a small one', () => {
    for (const size of [NATIONAL_OVERVIEW, NATIONAL_OWNERSHIP])
      for (const animate of FLAGS)
        for (const incremental of FLAGS) {
          const plan = planLayout('overview', size, animate, incremental);
          expect([plan.engine, plan.quality, plan.incremental, plan.pack], `${size.nodes} ${animate} ${incremental}`).toEqual(['rings', null, false, false]);
          expect(plan.animate).toBe(animate && !plan.large);
        }
  });

  it('switches at the threshold, counting nodes and edges together', () => {
    expect(planLayout('hierarchy', { nodes: LARGE_VIEW_ELEMENTS - 400, edges: 400 }, false, false).large).toBe(false);
    expect(planLayout('hierarchy', { nodes: LARGE_VIEW_ELEMENTS - 400, edges: 401 }, false, false).large).toBe(true);
    expect(planLayout('hierarchy', { nodes: LARGE_VIEW_ELEMENTS - 399, edges: 400 }, false, false).large).toBe(true);
    // Norrköping's whole graph, every family and kind, stays well inside the detailed layout.
    expect(LARGE_VIEW_ELEMENTS).toBeGreaterThan(3 * (NORRKOPING.nodes + NORRKOPING.edges));
  });
});
