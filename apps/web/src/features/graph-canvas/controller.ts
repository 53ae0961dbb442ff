import cytoscape, {
  type Core,
  type ElementDefinition,
  type EventObject,
  type EventObjectEdge,
  type EventObjectNode,
  type NodeCollection,
  type StylesheetJson,
} from 'cytoscape';
import { placeNewcomers, type Point } from './grow.ts';
import { LARGE_VIEW_ELEMENTS, LAYOUT_SEED, runLayout, type Arrangement } from './layouts.ts';
import { seededFloats } from './seeded-random.ts';
import { MIN_LABEL_PX, LABEL_SIZES } from './stylesheet.ts';

/**
 * The first picture is never zoomed out so far that the bodies' and
 * branches' labels (importance 2) fall below the smallest drawn size: where
 * the whole does not fit at that zoom (a phone), it opens on the top of the
 * organisation, and "Visa allt" shows the rest.
 */
export const READABLE_ZOOM = MIN_LABEL_PX / LABEL_SIZES[2];

const MIN_ZOOM = 0.15;
const MIN_ZOOM_LARGE = 0.02;

/**
 * The extent of a view seen whole, from the nodes' positions and sizes with
 * room for a label beside and below each: Cytoscape's own bounding box
 * measures every label and every line's curve first, which on the country's
 * overview (858 elements) took most of a second before anything was drawn.
 */
function roughBox(cy: Core): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const { x, y } = n.position();
    const half = (Number(n.data('size')) || 30) / 2;
    box.x1 = Math.min(box.x1, x - Math.max(half, LABEL_ROOM.halfWidth));
    box.x2 = Math.max(box.x2, x + Math.max(half, LABEL_ROOM.halfWidth));
    box.y1 = Math.min(box.y1, y - half);
    box.y2 = Math.max(box.y2, y + half + LABEL_ROOM.below);
  });
  return { ...box, w: box.x2 - box.x1, h: box.y2 - box.y1 };
}

/** Room a node's label takes beside and below it: the stylesheet's text-max-width, and two lines. */
const LABEL_ROOM = { halfWidth: 60, below: 34 };

/** At most this many of a selected entity's lines carry their words. */
const LABELLED_EDGES = 14;

export interface CanvasHandlers {
  onSelectNode(id: string): void;
  onSelectEdge(id: string, source: string): void;
  onClear(): void;
  onHover(target: { id: string; x: number; y: number } | null): void;
  /** A right click or long press on an entity: its menu, at the given point of the canvas. */
  onContextMenu?(target: { id: string; x: number; y: number }): void;
}

export interface Highlight {
  selectedNode: string | null;
  selectedEdge: string | null;
  path: { nodes: string[]; edges: string[] } | null;
  /** Entities that began on the date shown: marked so a change stands out. */
  fresh: string[];
  /** What a tour step is about: lit, with everything else dimmed. */
  spotlight?: { nodes: string[]; edges: string[] } | null;
}

/**
 * The one Cytoscape instance behind the canvas. React tells it what to show;
 * it diffs the elements, lays them out and reports taps back. It knows
 * nothing about queries or the URL.
 */
export class CanvasController {
  readonly cy: Core;
  private layoutName: Arrangement = 'hierarchy';
  private layoutRun = 0;
  /** Counts calls of show(): a call that waits gives way to a later one. */
  private showCall = 0;
  /** The last layout run that finished: while it is not the last one started, a layout is running. */
  private settledRun = 0;
  /** Whether the picture drawn was laid out as a large view. */
  private laidOutLarge = false;
  /** Whether the picture drawn holds all its view asked for, not only the parts answered so far. */
  private pictureComplete = false;
  private drawnOnce = false;
  private readonly resizeObserver: ResizeObserver;
  onLayoutDone: ((info: { nodes: number; edges: number; first: boolean }) => void) | null = null;
  /** Called before a layout starts; a large one waits for the next frame, so that what this shows ("Ordnar 2 742 aktörer …") is painted before the main thread is busy. */
  onLayoutStart: ((info: { nodes: number; edges: number; large: boolean }) => void) | null = null;

  constructor(container: HTMLElement, style: StylesheetJson, handlers: CanvasHandlers) {
    this.cy = cytoscape({
      container,
      style,
      minZoom: MIN_ZOOM,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: false,
      textureOnViewport: false,
      pixelRatio: 'auto',
    });
    const cy = this.cy;
    // Cytoscape types every event's target as any; a handler bound to the 'node' or 'edge' selector gets that element.
    cy.on('tap', 'node', (e: EventObjectNode) => handlers.onSelectNode(e.target.id()));
    cy.on('tap', 'edge', (e: EventObjectEdge) => handlers.onSelectEdge(e.target.id(), e.target.source().id()));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) handlers.onClear();
    });
    cy.on('mouseover', 'node', (e: EventObjectNode) => {
      e.target.addClass('hover');
      const p = e.target.renderedPosition();
      handlers.onHover({ id: e.target.id(), x: p.x, y: p.y + e.target.renderedOuterHeight() / 2 });
    });
    cy.on('mouseout', 'node', (e: EventObjectNode) => {
      e.target.removeClass('hover');
      handlers.onHover(null);
    });
    cy.on('mouseover', 'edge', (e: EventObjectEdge) => e.target.addClass('hover'));
    cy.on('mouseout', 'edge', (e: EventObjectEdge) => e.target.removeClass('hover'));
    cy.on('viewport', () => handlers.onHover(null));
    // A right click, or a long press on a touch screen, opens the entity's menu.
    cy.on('cxttap taphold', 'node', (e: EventObjectNode) => {
      const p = e.target.renderedPosition();
      handlers.onContextMenu?.({ id: e.target.id(), x: p.x, y: p.y });
    });
    // Panels opening and closing change the canvas's size without a window resize; Cytoscape must be told.
    this.resizeObserver = new ResizeObserver(() => cy.resize());
    this.resizeObserver.observe(container);
  }

  setStyle(style: StylesheetJson): void {
    this.cy.style(style);
  }

  /**
   * Adds, removes and updates elements; lays out again only when the set
   * changed (or the layout did). `complete` says whether the elements are all
   * the view asked for, or only the parts answered so far. Resolves true once
   * this picture is laid out (or needed no layout), false where a later call
   * took over before then.
   */
  async show(elements: ElementDefinition[], layout: Arrangement, complete = true): Promise<boolean> {
    const cy = this.cy;
    const call = ++this.showCall;
    const wanted = new Map(elements.map((e) => [e.data.id!, e]));
    // Only a call that must wait awaits: otherwise the elements change at once, before the highlight set in the same render.
    const settled = this.leavingMoving(wanted) ? await this.settleLeaving(wanted, call) : 'now';
    if (settled === 'overtaken') return false;
    const layoutChanged = layout !== this.layoutName;
    let changed = layoutChanged || !this.drawnOnce;
    const large = elements.length > LARGE_VIEW_ELEMENTS;
    /**
     * A large picture already laid out keeps its places when entities only
     * come (an expansion: placed beside what they relate to) or only go (an
     * expansion undone): laying out thousands again takes seconds and moves
     * everything the user has found. "Ordna om" lays it all out on request.
     * A picture drawn while parts of it were still on their way (a link with
     * many expansions) is laid out whole as the rest arrives.
     */
    const mayKeep = this.drawnOnce && this.laidOutLarge && this.pictureComplete && large && !layoutChanged && this.settledRun === this.layoutRun;
    let removed = false;
    let added = false;
    let moved = false;
    // One batch: Cytoscape works out the styles of what was added and of the classes set here once, at its end.
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (!wanted.has(ele.id())) {
          ele.remove();
          changed = true;
          removed = true;
        }
      });
      const adding: ElementDefinition[] = [];
      for (const [id, def] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.empty()) {
          adding.push(def);
          continue;
        }
        // Setting data restyles the element (at the batch's end): only where it changed, not every element of a large view on every change.
        if (!sameData(existing.data() as Record<string, unknown>, def.data)) existing.data(def.data);
        existing.toggleClass('pinned', (typeof def.classes === 'string' ? def.classes : '').split(' ').includes('pinned'));
        // A part whose whole came or went (a filter took the part-of away) moves in or out of its box.
        const parent = (def.data.parent as string | null | undefined) ?? undefined;
        if (existing.isNode() && (existing.parent().first()?.id() ?? undefined) !== parent && (!parent || wanted.has(parent))) {
          existing.move({ parent: parent ?? null });
          changed = true;
          moved = true;
        }
      }
      if (adding.length > 0) {
        changed = true;
        added = true;
        const fresh = cy.add(adding);
        if (mayKeep && !removed && !moved) placeBesideNeighbours(cy, fresh.nodes());
        // New nodes start beside their neighbours already drawn, so the animated layout grows out of the picture rather than flying in from one point. A first or a large layout starts afresh anyway.
        else if (this.drawnOnce && !large) {
          const isFresh = new Set(fresh.nodes().map((n) => n.id()));
          const extent = cy.extent();
          const random = seededFloats(LAYOUT_SEED);
          fresh.nodes().forEach((n) => {
            const placed = n
              .neighborhood()
              .nodes()
              .filter((m) => !isFresh.has(m.id()));
            const box = placed.boundingBox({});
            const at = placed.nonempty()
              ? { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }
              : { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
            n.position({ x: at.x + (random() - 0.5) * 40, y: at.y + (random() - 0.5) * 40 });
          });
        }
      }
      // The country's overview is seen whole and far out, as a large view is: drawn as cheaply.
      this.suitSize(large || layout === 'overview');
      // A large view's tree runs top-down (see layouts.ts): its labels stay under the nodes.
      cy.nodes().toggleClass('label-right', layout === 'tree' && !large);
    });
    this.layoutName = layout;
    // The highlight was set while this call waited, on the elements then drawn: set it again on these.
    if (settled === 'waited' && this.lastHighlight) this.highlight(this.lastHighlight);
    // The same elements, now all arrived, are a picture seen whole; a change records whether its picture is.
    this.pictureComplete = changed ? complete : this.pictureComplete || complete;
    if (!changed) return true;
    if (mayKeep && !moved && !(removed && added)) {
      this.onLayoutDone?.({ nodes: cy.nodes().length, edges: cy.edges().length, first: false });
      return true;
    }
    const run = ++this.layoutRun;
    await this.announceLayout(large);
    if (run !== this.layoutRun || cy.destroyed()) return false;
    await runLayout(cy, layout, this.drawnOnce, this.drawnOnce && !layoutChanged);
    if (run !== this.layoutRun || cy.destroyed()) return false;
    // The country's rings are seen whole first, as a large view is.
    this.frame(large || layout === 'overview');
    const first = !this.drawnOnce;
    this.drawnOnce = true;
    this.settledRun = run;
    this.laidOutLarge = large;
    this.onLayoutDone?.({ nodes: cy.nodes().length, edges: cy.edges().length, first });
    return true;
  }

  /**
   * Cytoscape keeps the elements being animated in a pool keyed by id, and
   * lets one go only on the frame after its animations end. An element
   * removed mid-animation (by a layout, or a hover's transition) holds its id
   * there; one added under the same id meanwhile is never put in the pool, so
   * its animations never run and the layout waiting for them never stops: the
   * canvas stayed busy for good. So what is to leave and still moves first
   * jumps to the end of its animations (a layout waiting for them then ends
   * too), and leaves once Cytoscape has let it go. Says whether the call
   * may go on at once, went on after waiting, or was overtaken by a later one.
   */
  private async settleLeaving(wanted: ReadonlyMap<string, unknown>, call: number): Promise<'now' | 'waited' | 'overtaken'> {
    const cy = this.cy;
    for (let waited = false; ; waited = true) {
      const moving = this.leavingMoving(wanted);
      if (!moving) return waited ? 'waited' : 'now';
      moving.stop(true, true);
      await nextPaint();
      if (call !== this.showCall || cy.destroyed()) return 'overtaken';
    }
  }

  /** The elements not wanted any more that are still being animated, or null where there are none. */
  private leavingMoving(wanted: ReadonlyMap<string, unknown>): cytoscape.CollectionReturnValue | null {
    const moving = this.cy.elements().filter((e) => !wanted.has(e.id()) && e.animated());
    return moving.nonempty() ? moving : null;
  }

  async relayout(): Promise<void> {
    const run = ++this.layoutRun;
    await this.announceLayout(this.cy.elements().length > LARGE_VIEW_ELEMENTS);
    if (run !== this.layoutRun || this.cy.destroyed()) return;
    await runLayout(this.cy, this.layoutName, true, false);
    if (run !== this.layoutRun || this.cy.destroyed()) return;
    const large = this.cy.elements().length > LARGE_VIEW_ELEMENTS;
    this.frame(large || this.layoutName === 'overview');
    this.settledRun = run;
    this.laidOutLarge = large;
    this.onLayoutDone?.({ nodes: this.cy.nodes().length, edges: this.cy.edges().length, first: false });
  }

  /**
   * Large views trade detail for speed while the user moves around: edges are
   * left out while panning or zooming by hand, and labels too small to read
   * are not drawn (the `crowded` class in the stylesheet), and the whole may
   * be zoomed out further than a municipality needs, to be seen at once.
   */
  private suitSize(large: boolean): void {
    const cy = this.cy;
    cy.elements().toggleClass('crowded', large);
    cy.minZoom(large ? MIN_ZOOM_LARGE : MIN_ZOOM);
    // Cytoscape reads these renderer options on every frame but takes them only at creation; a view's size changes afterwards.
    const renderer = (cy as unknown as { renderer?: () => { hideEdgesOnViewport?: boolean } | undefined }).renderer?.();
    if (renderer) renderer.hideEdgesOnViewport = large;
  }

  private async announceLayout(large: boolean): Promise<void> {
    this.onLayoutStart?.({ nodes: this.cy.nodes().length, edges: this.cy.edges().length, large });
    if (large) await nextPaint();
  }

  /** The last highlight asked for, set again where elements arrive after it. */
  private lastHighlight: Highlight | null = null;

  highlight(h: Highlight): void {
    this.lastHighlight = h;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('dim neighbour on-path selected is-new show-label spotlight');
      cy.elements().unselect();
      for (const id of h.fresh) cy.getElementById(id).addClass('is-new');
      if (h.spotlight) {
        const lit = cy.collection();
        for (const id of [...h.spotlight.nodes, ...h.spotlight.edges]) lit.merge(cy.getElementById(id));
        cy.elements().not(lit).addClass('dim');
        lit.addClass('spotlight');
      }
      if (h.path) {
        const onPath = cy.collection();
        for (const id of [...h.path.nodes, ...h.path.edges]) onPath.merge(cy.getElementById(id));
        if (onPath.nonempty()) {
          cy.elements().not(onPath).addClass('dim');
          onPath.addClass('on-path');
        }
      }
      if (h.selectedNode) {
        const node = cy.getElementById(h.selectedNode);
        if (node.nonempty()) {
          node.addClass('selected');
          if (!h.path) {
            const hood = node.closedNeighborhood();
            cy.elements().not(hood).addClass('dim');
            hood.addClass('neighbour');
            // The words on the lines help while they are few; on a hub they would bury the picture.
            if (hood.edges().length <= LABELLED_EDGES) hood.edges().addClass('show-label');
          }
        }
      }
      if (h.selectedEdge) {
        const edge = cy.getElementById(h.selectedEdge);
        if (edge.nonempty()) {
          edge.addClass('selected');
          if (!h.path) {
            const ends = edge.union(edge.connectedNodes());
            cy.elements().not(ends).addClass('dim');
            ends.addClass('neighbour');
          }
        }
      }
    });
  }

  /** Pixels on the canvas's left covered by a card (the first screen's offer): the first picture is framed beside it. */
  coveredLeft = 0;

  /** The entity the keyboard is on (outlined), or null. */
  activeId: string | null = null;

  /** Puts the keyboard on an entity: outlined, and brought into view if it is not. */
  activate(id: string | null): void {
    const cy = this.cy;
    cy.nodes('.kbd-active').removeClass('kbd-active');
    this.activeId = id && cy.getElementById(id).nonempty() ? id : null;
    if (!this.activeId) return;
    const node = cy.getElementById(this.activeId);
    node.addClass('kbd-active');
    const p = node.renderedPosition();
    const margin = 60;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
      cy.stop();
      cy.animate({ center: { eles: node } }, { duration: 200 });
    }
  }

  /** The entities joined to `id` by a relation on the canvas, where they are, and by what (the relation in words, from its source). */
  neighbours(id: string): { id: string; at: { x: number; y: number }; relation: { label: string; source: string; target: string } }[] {
    const node = this.cy.getElementById(id);
    if (node.empty()) return [];
    return node
      .connectedEdges()
      .toArray()
      .filter((e) => e.source().id() !== e.target().id())
      .map((e) => {
        const other = e.source().id() === id ? e.target() : e.source();
        const at = other.isParent() ? { x: (other.boundingBox({}).x1 + other.boundingBox({}).x2) / 2, y: other.boundingBox({}).y1 } : other.position();
        return { id: other.id(), at, relation: { label: String(e.data('label')), source: e.source().id(), target: e.target().id() } };
      });
  }

  /** Where the keyboard starts: the selection, else the topmost of the most important entities. */
  startingPoint(selected: string | null): string | null {
    const cy = this.cy;
    if (selected && cy.getElementById(selected).nonempty()) return selected;
    const nodes = cy.nodes().toArray();
    if (nodes.length === 0) return null;
    const weight = (n: (typeof nodes)[number]) => Number(n.data('importance') ?? 3);
    return nodes.sort((a, b) => weight(a) - weight(b) || a.boundingBox({}).y1 - b.boundingBox({}).y1 || a.position('x') - b.position('x'))[0]!.id();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Brings an element into the middle of the view at a readable zoom. */
  centre(id: string): void {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    // The detail panel may have opened in this same render: measure before centring.
    this.cy.resize();
    this.cy.stop();
    this.cy.animate({ center: { eles: ele }, zoom: Math.max(this.cy.zoom(), 1.1) }, { duration: 350, easing: 'ease-in-out-cubic' });
  }

  /** Fits a set of elements (a path) into the part of the canvas not covered on the left, at a zoom that stays readable. */
  fitTo(ids: string[], coveredLeft = 0): void {
    const cy = this.cy;
    const eles = cy.collection();
    for (const id of ids) eles.merge(cy.getElementById(id));
    if (eles.empty()) return;
    cy.resize();
    cy.stop();
    const box = eles.boundingBox({});
    const padding = 70;
    const width = Math.max(cy.width() - coveredLeft, 200);
    const zoom = Math.min(1.5, (width - 2 * padding) / Math.max(box.w, 1), (cy.height() - 2 * padding) / Math.max(box.h, 1));
    const pan = { x: coveredLeft + width / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
    cy.animate({ zoom, pan }, { duration: 350, easing: 'ease-in-out-cubic' });
  }

  fit(): void {
    this.cy.stop();
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 24 } }, { duration: 250 });
  }

  /**
   * The view after a layout: the whole picture where it can be seen at a
   * readable zoom; otherwise the readable zoom, opened on the top of the
   * picture (where the organisation starts), centred on its most important
   * entity up there. A large view is always seen whole first.
   */
  frame(large = false): void {
    const cy = this.cy;
    cy.resize();
    if (cy.nodes().empty()) return;
    const box = large
      ? roughBox(cy)
      : cy
          .elements()
          .filter((e) => e.isNode() || e.style('display') !== 'none')
          .boundingBox({});
    const padding = 24;
    // What a card covers on the left is left out of the frame only where enough canvas remains beside it.
    const left = cy.width() - this.coveredLeft > 500 ? this.coveredLeft : 0;
    const width = cy.width() - left;
    const fitZoom = Math.min((width - 2 * padding) / Math.max(box.w, 1), (cy.height() - 2 * padding) / Math.max(box.h, 1));
    if (large || fitZoom >= READABLE_ZOOM) {
      const zoom = Math.min(fitZoom, cy.maxZoom());
      cy.viewport({ zoom, pan: { x: left + width / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) } });
      return;
    }
    const zoom = Math.min(READABLE_ZOOM, cy.maxZoom());
    const tops = cy.nodes('[importance = 1]').filter((n) => !n.isParent() || n.children().nonempty());
    const anchor = (tops.nonempty() ? tops : cy.nodes())
      .toArray()
      .sort((a, b) => a.boundingBox({}).y1 - b.boundingBox({}).y1 || a.position('x') - b.position('x'))[0]!;
    const anchorX = anchor.isParent() ? (anchor.boundingBox({}).x1 + anchor.boundingBox({}).x2) / 2 : anchor.position('x');
    const half = width / zoom / 2;
    const x = Math.min(Math.max(anchorX, box.x1 + half - padding / zoom), box.x2 - half + padding / zoom);
    cy.viewport({ zoom, pan: { x: left + width / 2 - zoom * x, y: padding - zoom * box.y1 } });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  panBy(x: number, y: number): void {
    this.cy.panBy({ x, y });
  }

  destroy(): void {
    this.onLayoutStart = null;
    this.layoutRun++;
    this.showCall++;
    this.resizeObserver.disconnect();
    this.cy.destroy();
  }
}

/** Whether an element's data already holds every field given (all the canvas's data fields are plain values). */
function sameData(current: Record<string, unknown>, given: Record<string, unknown>): boolean {
  for (const key of Object.keys(given)) if (current[key] !== given[key]) return false;
  return true;
}

/** Places nodes added to a large picture beside the nodes already drawn that they relate to (grow.ts), leaving those where they are. */
function placeBesideNeighbours(cy: Core, fresh: NodeCollection): void {
  const isFresh = new Set(fresh.map((n) => n.id()));
  const placed = new Map<string, Point>();
  const newcomers = fresh.map((n) => {
    const neighbours = n.neighborhood().nodes();
    neighbours.forEach((m) => {
      if (!isFresh.has(m.id())) placed.set(m.id(), { ...m.position() });
    });
    return { id: n.id(), neighbours: neighbours.map((m) => m.id()) };
  });
  // What is drawn but unrelated to the newcomers is kept clear of too: every node's place.
  cy.nodes().forEach((m) => {
    if (!isFresh.has(m.id()) && !placed.has(m.id())) placed.set(m.id(), { ...m.position() });
  });
  const places = placeNewcomers(newcomers, placed);
  fresh.forEach((n) => {
    const p = places.get(n.id());
    if (p) n.position(p);
  });
}

/** Resolves after the browser has painted the current state (a frame, then a task after it), or after a moment where frames are not drawn (a hidden tab). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
