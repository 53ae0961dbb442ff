import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../state/view-state.ts';

/**
 * Layouts are strategies: a name, the extension it needs (registered once,
 * loaded only when first used) and its options.
 */
interface LayoutStrategy {
  load(): Promise<void>;
  options(cy: Core, animate: boolean, incremental: boolean): LayoutOptions;
}

let registered = new Set<string>();

function register(name: string, extension: cytoscape.Ext) {
  if (registered.has(name)) return;
  cytoscape.use(extension);
  registered = new Set([...registered, name]);
}

const ANIMATION = { animationDuration: 350, animationEasing: 'ease-in-out-cubic' as const };

// The default layout ships with the app; the tree's dagre is fetched when first chosen.
async function loadFcose() {
  register('fcose', fcose);
}

const FORCE = {
  name: 'fcose',
  quality: 'proof',
  randomize: true,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: () => 7000,
  // The lines of the hierarchy pull hard and short; the rest (oversight of every nämnd, rights, structure) only gently, so they do not knot everything around KS.
  idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('rank') ? 70 : 150),
  edgeElasticity: (edge: cytoscape.EdgeSingular) => (edge.data('rank') ? 0.45 : 0.04),
  nodeSeparation: 70,
  packComponents: true,
  tile: true,
  fit: true,
  padding: 24,
};

const strategies: Record<LayoutName, LayoutStrategy> = {
  // Force-directed, but every downward line of the hierarchy (elects, appoints, heads, owns, decides …) keeps its upper end above its lower end: a hierarchy that stays compact on a laptop screen.
  hierarchy: {
    load: loadFcose,
    options: (cy, animate, incremental) =>
      ({
        ...FORCE,
        // A change (a date, a filter) starts from the picture the user already has, so what stays put stays put.
        randomize: !incremental,
        relativePlacementConstraint: cy
          .edges()
          .filter((e) => !!e.data('rank') && e.source().id() !== e.target().id())
          .map((e) => (e.data('rank') === 'down' ? { top: e.data('source'), bottom: e.data('target'), gap: 55 } : { top: e.data('target'), bottom: e.data('source'), gap: 55 })),
        animate: animate ? 'end' : false,
        ...ANIMATION,
      }) as LayoutOptions,
  },
  force: {
    load: loadFcose,
    options: (_cy, animate, incremental) => ({ ...FORCE, randomize: !incremental, animate: animate ? 'end' : false, ...ANIMATION }) as LayoutOptions,
  },
  // A strict tree, left to right, ranked by the hierarchy's lines only.
  tree: {
    load: async () => {
      const { default: dagre } = await import('cytoscape-dagre');
      register('dagre', dagre);
    },
    options: (_cy, animate) =>
      ({ name: 'dagre', rankDir: 'LR', ranker: 'network-simplex', nodeSep: 6, rankSep: 200, edgeSep: 6, fit: true, padding: 24, animate, ...ANIMATION }) as LayoutOptions,
  },
};

/** Runs a layout on the whole canvas; resolves when it has stopped. */
export async function runLayout(cy: Core, name: LayoutName, animate: boolean, incremental = false): Promise<void> {
  const strategy = strategies[name];
  await strategy.load();
  if (cy.destroyed() || cy.nodes().length === 0) return;
  const options = strategy.options(cy, animate, incremental);
  // Dagre ranks by the edges it is given, in their direction: hand it the downward lines, and the upward ones (reports to, part of) turned round for the time of the layout.
  const helpers =
    name === 'tree'
      ? cy.add(
          cy
            .edges()
            .filter((e) => e.data('rank') === 'up')
            .map((e) => ({ group: 'edges' as const, data: { id: `layout-helper:${e.id()}`, source: e.data('target'), target: e.data('source') }, classes: 'layout-helper' })),
        )
      : cy.collection();
  const eles = name === 'tree' ? cy.nodes().union(cy.edges().filter((e) => e.data('rank') === 'down')).union(helpers) : cy.elements();
  const layout = eles.layout(options);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await stopped;
  helpers.remove();
  // Dagre fits only what it laid out; the whole canvas is what the user should see.
  if (!cy.destroyed()) cy.fit(undefined, 24);
}
