import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../state/view-state.ts';
import { orgLayout, type OrgBox, type OrgLink } from './org-layout.ts';
import { overviewLayout } from './overview-layout.ts';
import { connectedParts, packBoxes } from './pack.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Layouts are strategies: a name, the extension it needs (registered once,
 * loaded only when first used) and its options. Each has a detailed form for
 * views the size of one municipality and a fast form for large ones.
 */
interface LayoutStrategy {
  load(): Promise<void>;
  options(cy: Core, plan: LayoutPlan): LayoutOptions;
}

/**
 * Above this many elements (nodes and edges) a view is laid out for speed.
 * Norrköping's whole graph is a few hundred, where force-directed placement
 * with a constraint per line of the hierarchy takes well under a second; it
 * grows much faster than the graph does (2,742 companies and organisations of
 * 290 municipalities with their 2,097 ownership lines took 30 to 50 s).
 */
export const LARGE_VIEW_ELEMENTS = 1_000;

/**
 * What the canvas is asked to arrange: a layout the user chose, or the
 * country's overview, whose rings (overview-layout.ts) stand in for the
 * hierarchy there: the overview has no hierarchy, only who belongs to what.
 */
export type Arrangement = LayoutName | 'overview';

/** What a layout run will do, decided from the view's size alone (so it can be tested without a canvas). */
export interface LayoutPlan {
  name: Arrangement;
  large: boolean;
  engine: 'org' | 'fcose' | 'dagre' | 'rings';
  /** fcose's quality: 'proof' cools slowly for the best picture, 'default' quickly. */
  quality: 'proof' | 'default' | null;
  /** The hierarchy's lines as fcose relative-placement constraints (upper end above lower end). */
  constraints: boolean;
  /** Move the nodes smoothly to their new places (never for large views: thousands of tweened nodes cost more than they show). */
  animate: boolean;
  /** Start from the current positions (a filter or date change). */
  incremental: boolean;
  /** Lay the disconnected parts out side by side in rows, near the canvas's proportions. */
  pack: boolean;
}

export function planLayout(name: Arrangement, size: { nodes: number; edges: number }, animate: boolean, incremental: boolean): LayoutPlan {
  const large = size.nodes + size.edges > LARGE_VIEW_ELEMENTS;
  if (name === 'overview')
    return { name, large, engine: 'rings', quality: null, constraints: false, animate: animate && !large, incremental: false, pack: false };
  if (!large) {
    if (name === 'hierarchy') return { name, large, engine: 'org', quality: null, constraints: false, animate, incremental: false, pack: false };
    const engine = name === 'tree' ? 'dagre' : 'fcose';
    return {
      name,
      large,
      engine,
      quality: engine === 'fcose' ? 'proof' : null,
      constraints: false,
      animate,
      incremental: incremental && engine === 'fcose',
      pack: false,
    };
  }
  // A large hierarchy is a forest of trees (a national ownership view: a few hundred small groups): ranked top-down by dagre in one pass, each tree kept whole, the trees packed in rows.
  if (name === 'hierarchy' || name === 'tree')
    return { name, large, engine: 'dagre', quality: null, constraints: false, animate: false, incremental: false, pack: true };
  return { name, large, engine: 'fcose', quality: 'default', constraints: false, animate: false, incremental: false, pack: false };
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

async function loadDagre() {
  const { default: dagre } = await import('cytoscape-dagre');
  register('dagre', dagre);
}

const FORCE = {
  name: 'fcose',
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

function forceOptions(cy: Core, plan: LayoutPlan): LayoutOptions {
  return {
    ...FORCE,
    quality: plan.quality,
    // A change (a date, a filter) starts from the picture the user already has, so what stays put stays put.
    randomize: !plan.incremental,
    // Measuring every label is worth it only where the labels can be read at the fitted zoom.
    nodeDimensionsIncludeLabels: !plan.large,
    relativePlacementConstraint: plan.constraints
      ? cy
          .edges()
          .filter((e) => !!e.data('rank') && e.source().id() !== e.target().id() && !e.source().isParent() && !e.target().isParent())
          .map((e) =>
            e.data('rank') === 'down'
              ? { top: e.data('source') as string, bottom: e.data('target') as string, gap: 55 }
              : { top: e.data('target') as string, bottom: e.data('source') as string, gap: 55 },
          )
      : undefined,
    animate: plan.animate ? 'end' : false,
    ...ANIMATION,
  } as LayoutOptions;
}

const strategies: Record<LayoutName, LayoutStrategy> = {
  // Force-directed, but every downward line of the hierarchy (elects, appoints, heads, owns, decides …) keeps its upper end above its lower end: a hierarchy that stays compact on a laptop screen.
  hierarchy: { load: loadFcose, options: forceOptions },
  force: { load: loadFcose, options: forceOptions },
  // A strict tree, ranked by the hierarchy's lines only: left to right; a large view's forest top-down, so that its packed rows read like the hierarchy.
  tree: {
    load: loadDagre,
    options: (_cy, plan) =>
      ({
        name: 'dagre',
        rankDir: plan.large ? 'TB' : 'LR',
        ranker: plan.large ? 'longest-path' : 'network-simplex',
        // A large forest's labels sit under their nodes, wider than the nodes: room for them between siblings.
        nodeSep: plan.large ? 80 : 6,
        rankSep: plan.large ? 60 : 200,
        edgeSep: 6,
        fit: !plan.pack,
        padding: 24,
        animate: plan.animate,
        ...ANIMATION,
      }) as LayoutOptions,
  },
};

/** How strongly an entity off the hierarchy belongs beside the one it relates to (the org layout's satellites). */
const KIND_WEIGHT: Record<string, number> = { CHAIRS: 6, PART_OF: 6, MEMBER_OF: 5, DECIDES: 5, IS_A: 4, SERVES: 4, PREPARES: 3, PROPOSES: 3, DELEGATES_TO: 3 };
const FAMILY_WEIGHT: Record<string, number> = { REPORTING: 3, DECISION: 2, OWNERSHIP: 2, STRUCTURE: 2, CONSULTATION: 1, OVERSIGHT: 1, RIGHTS: 1 };
const KIND_RANK: Record<string, number> = { POLITICAL_BODY: 0, ROLE: 1, UNIT: 2, COMPANY: 3, ORGANISATION: 4, DECISION_AREA: 5 };

/** The org layout's input, read from the canvas: each entity's box as Cytoscape measures it with its label. */
export function orgInput(cy: Core): { boxes: OrgBox[]; links: OrgLink[] } {
  const boxes: OrgBox[] = cy.nodes().map((n) => {
    const parent = n.parent().nonempty() ? n.parent().first().id() : null;
    const base = { id: n.id(), parent, rank: KIND_RANK[n.data('kind') as string] ?? 9, name: String(n.data('label') ?? '') };
    // A box's own size comes from what is inside it; its name, drawn over it, sets how narrow it may be.
    if (n.isParent())
      return {
        ...base,
        w: 0,
        h: 0,
        cx: 0,
        cy: 0,
        labelW: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }).w + 8,
      };
    const box = n.boundingBox({ includeLabels: true, includeOverlays: false, includeUnderlays: false });
    const p = n.position();
    const margin = 6;
    return { ...base, w: box.w + 2 * margin, h: box.h + 2 * margin, cx: p.x - box.x1 + margin, cy: p.y - box.y1 + margin };
  });
  const links: OrgLink[] = cy.edges().map((e) => {
    const line = e.data('line') as 'down' | 'up' | null;
    const [source, target] = line === 'up' ? [e.target().id(), e.source().id()] : [e.source().id(), e.target().id()];
    return { source, target, tree: !!line, weight: KIND_WEIGHT[e.data('kind') as string] ?? FAMILY_WEIGHT[e.data('family') as string] ?? 1 };
  });
  return { boxes, links };
}

function orgPositions(cy: Core) {
  const { boxes, links } = orgInput(cy);
  return orgLayout(boxes, links, { aspect: cy.width() / Math.max(cy.height(), 1) });
}

/** The overview's input, read from the canvas: the kommun entities, the rest, and the lines between them. */
function overviewInput(cy: Core) {
  const nodes = cy
    .nodes()
    .toArray()
    .filter((n) => !n.isParent());
  const isMunicipality = (n: NodeSingular) => n.data('subtype') === 'kommun';
  return {
    municipalities: nodes.filter(isMunicipality).map((n) => n.id()),
    shared: nodes.filter((n) => !isMunicipality(n)).map((n) => n.id()),
    links: cy.edges().map((e) => [e.data('source') as string, e.data('target') as string] as const),
  };
}

/** Runs a layout on the whole canvas; resolves when it has stopped. */
export async function runLayout(cy: Core, name: Arrangement, animate: boolean, incremental = false): Promise<void> {
  const plan = planLayout(name, { nodes: cy.nodes().length, edges: cy.edges().length }, animate, incremental);
  if (cy.nodes().length === 0) return;
  if (plan.engine === 'org' || plan.engine === 'rings') {
    const positions = plan.engine === 'rings' ? overviewLayout(overviewInput(cy)) : orgPositions(cy);
    const layout = cy.layout({
      name: 'preset',
      positions: (n: NodeSingular) => positions.get(n.id()) ?? n.position(),
      fit: false,
      animate: plan.animate,
      ...ANIMATION,
    } as LayoutOptions);
    const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    await stopped;
    return;
  }
  const strategy = plan.engine === 'dagre' || name === 'overview' ? strategies.tree : strategies[name];
  await strategy.load();
  if (cy.destroyed() || cy.nodes().length === 0) return;
  const options = strategy.options(cy, plan);
  // Dagre ranks by the edges it is given, in their direction: hand it the downward lines, and the upward ones (reports to, part of) turned round for the time of the layout.
  const helpers =
    plan.engine === 'dagre'
      ? cy.add(
          cy
            .edges()
            .filter((e) => e.data('rank') === 'up')
            .map((e) => ({
              group: 'edges' as const,
              data: { id: `layout-helper:${e.id()}`, source: e.data('target') as string, target: e.data('source') as string },
              classes: 'layout-helper',
            })),
        )
      : cy.collection();
  const eles =
    plan.engine === 'dagre'
      ? cy
          .nodes()
          .union(cy.edges().filter((e) => e.data('rank') === 'down'))
          .union(helpers)
      : cy.elements();
  const layout = eles.layout({ ...options, fit: false } as LayoutOptions);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  // fcose starts from random positions: from the same seed each time, the same data gives the same picture.
  seededRandom(LAYOUT_SEED, () => layout.run());
  await stopped;
  helpers.remove();
  if (cy.destroyed()) return;
  if (plan.pack) packComponents(cy);
}

/** Any fixed number: what matters is that every load uses the same. */
export const LAYOUT_SEED = 20_240_101;

/** Room a node's label takes beside and below it (the stylesheet's text-max-width and two lines), without measuring thousands of labels. */
const LABEL = { halfWidth: 60, below: 34 };

/**
 * Moves each tree of the hierarchy (as laid out) so that the trees sit in
 * rows of about the canvas's proportions, largest first, instead of in one
 * long line as dagre leaves a forest.
 */
function packComponents(cy: Core) {
  const nodes = cy.nodes().toArray();
  const ranked = cy.edges().filter((e) => !!e.data('rank'));
  const parts = connectedParts(
    nodes.map((n) => n.id()),
    ranked.map((e) => [e.data('source') as string, e.data('target') as string] as const),
  );
  const boxes = parts.map((part) => boxOf(part.map((i) => nodes[i]!)));
  const gap = 36;
  const places = packBoxes(
    boxes.map((b) => ({ w: b.x2 - b.x1 + gap, h: b.y2 - b.y1 + gap })),
    cy.width() / Math.max(cy.height(), 1),
  );
  cy.batch(() => {
    parts.forEach((part, i) => {
      const dx = places[i]!.x - boxes[i]!.x1;
      const dy = places[i]!.y - boxes[i]!.y1;
      for (const index of part) {
        const n = nodes[index]!;
        const p = n.position();
        n.position({ x: p.x + dx, y: p.y + dy });
      }
    });
  });
}

function boxOf(nodes: NodeSingular[]) {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const n of nodes) {
    const { x, y } = n.position();
    const half = (Number(n.data('size')) || 30) / 2;
    box.x1 = Math.min(box.x1, x - Math.max(half, LABEL.halfWidth));
    box.x2 = Math.max(box.x2, x + Math.max(half, LABEL.halfWidth));
    box.y1 = Math.min(box.y1, y - half);
    box.y2 = Math.max(box.y2, y + half + LABEL.below);
  }
  return box;
}
