import { packBoxes } from './pack.ts';
import { addTo } from '../../lib/group.ts';

/**
 * The overview's layout: an organisation chart of the whole graph, computed
 * by this pure function from the graph alone, so that the same data gives the
 * same picture on every load and every machine (no random start, no physics).
 *
 * It reads as Swedish municipal charts do: what elects, appoints, heads and
 * owns sits above what it elects, appoints, heads and owns. A body's parts
 * (a board's utskott and presidium, a company group's subsidiaries, the
 * offices of the administration) sit inside it, packed in a grid. Members of
 * a level that have nothing below them (the nämnder under the council) are
 * packed in a grid under their parent rather than in one long row, which is
 * what keeps a municipality's chart about as wide as a screen. Entities that
 * hang on no line of the hierarchy are put beside the one they are most
 * closely related to (a decision area under the body that decides it, a
 * chair beside the body chaired); the rest, and the separate trees, are
 * packed in rows of about the canvas's proportions.
 *
 * Layered algorithms (dagre, ELK's layered) were tried first: they put every
 * member of a level in one row, and Norrköping's graph came out 4,400 px wide
 * for 900 high, unreadable when fitted to a laptop screen.
 */
export interface OrgBox {
  id: string;
  /** The box the entity needs with its label, and where its centre sits in that box. */
  w: number;
  h: number;
  cx: number;
  cy: number;
  /** The compound it is drawn inside, if any. */
  parent: string | null;
  /** For a compound: the width of its name over the box, which the box is made at least as wide as, so that names over boxes side by side never run into each other. */
  labelW?: number;
  /** Sort key: smaller first (left, top). */
  rank: number;
  name: string;
}

export interface OrgLink {
  source: string;
  target: string;
  /** A line of the hierarchy: the source is placed above the target. */
  tree: boolean;
  /** How strongly the two belong together when one is placed beside the other (higher wins). */
  weight: number;
}

export interface OrgLayoutOptions {
  /** Width / height the whole should approach (the canvas's). */
  aspect: number;
  gapX?: number;
  gapY?: number;
  /** Room inside a compound's border, and above it for its label. */
  padding?: number;
  header?: number;
  /** Wider than this, a parent's branches are placed under its members instead of beside them. */
  maxRowWidth?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

interface Placed {
  w: number;
  h: number;
  /** Node centres relative to the top-left corner. */
  at: Positions;
  /** Where the block's own anchor (its node, or its compound box's top centre) is, for lines and centring. */
  anchorX: number;
}

const byRank = (boxes: ReadonlyMap<string, OrgBox>) => (a: string, b: string) => {
  const x = boxes.get(a)!;
  const y = boxes.get(b)!;
  return x.rank - y.rank || x.name.localeCompare(y.name, 'sv') || (a < b ? -1 : a > b ? 1 : 0);
};

export function orgLayout(boxes: readonly OrgBox[], links: readonly OrgLink[], options: OrgLayoutOptions): Positions {
  const gapX = options.gapX ?? 18;
  const gapY = options.gapY ?? 34;
  const pad = options.padding ?? 12;
  const header = options.header ?? 22;
  const maxRow = options.maxRowWidth ?? 1300;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const order = byRank(byId);
  const children = new Map<string | null, string[]>();
  for (const b of boxes) {
    const parent = b.parent && byId.has(b.parent) ? b.parent : null;
    addTo(children, parent, b.id);
  }
  for (const list of children.values()) list.sort(order);

  /** The chain of compounds an entity is inside, innermost first. */
  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    let at = byId.get(id)?.parent ?? null;
    while (at && byId.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = byId.get(at)!.parent;
    }
    return chain;
  };
  const chains = new Map(boxes.map((b) => [b.id, [b.id, ...ancestors(b.id)]]));
  /** The member of `level` (a set of siblings) that holds `id`, if any. */
  const liftTo = (id: string, level: ReadonlySet<string>) => chains.get(id)?.find((a) => level.has(a)) ?? null;

  /** Blocks left to right in rows no wider than about `aspect` times their height allows (a shelf, in the order given). */
  const flow = (parts: readonly Placed[], aspect: number): Placed => {
    const area = parts.reduce((sum, p) => sum + (p.w + gapX) * (p.h + gapY / 2), 0);
    const widest = Math.max(...parts.map((p) => p.w));
    const maxWidth = Math.max(widest, Math.sqrt(area * aspect));
    const at: Positions = new Map();
    let x = 0;
    let y = 0;
    let rowH = 0;
    let w = 0;
    for (const part of parts) {
      if (x > 0 && x + part.w > maxWidth) {
        y += rowH + gapY / 2;
        x = 0;
        rowH = 0;
      }
      for (const [k, p] of part.at) at.set(k, { x: p.x + x, y: p.y + y });
      x += part.w + gapX;
      w = Math.max(w, x - gapX);
      rowH = Math.max(rowH, part.h);
    }
    return { w, h: y + rowH, at, anchorX: w / 2 };
  };

  /** Blocks one under the other, centred. */
  const column = (parts: readonly Placed[]): Placed => {
    const w = Math.max(...parts.map((p) => p.w));
    const at: Positions = new Map();
    let y = 0;
    for (const part of parts) {
      const x = (w - part.w) / 2;
      for (const [k, p] of part.at) at.set(k, { x: p.x + x, y: p.y + y });
      y += part.h + gapY;
    }
    return { w, h: y - gapY, at, anchorX: w / 2 };
  };

  /** Blocks side by side, top-aligned; the anchor is the first block's. */
  const row = (parts: readonly Placed[]): Placed => {
    const at: Positions = new Map();
    let x = 0;
    for (const part of parts) {
      for (const [k, p] of part.at) at.set(k, { x: p.x + x, y: p.y });
      x += part.w + gapX;
    }
    return { w: Math.max(0, x - gapX), h: Math.max(0, ...parts.map((p) => p.h)), at, anchorX: parts[0]?.anchorX ?? 0 };
  };

  const level = (ids: readonly string[], aspect: number): Placed => {
    const members = new Set(ids);
    // Each member's own size: a plain entity, or a compound with its members laid out inside.
    const sizes = new Map<string, Placed>();
    for (const id of ids) {
      const box = byId.get(id)!;
      const inner = children.get(id);
      if (inner && inner.length > 0) {
        const laid = level(inner, 1.6);
        const w = Math.max(laid.w + 2 * pad, box.labelW ?? 0);
        const left = (w - laid.w) / 2;
        const at: Positions = new Map();
        for (const [k, p] of laid.at) at.set(k, { x: p.x + left, y: p.y + header + pad });
        sizes.set(id, { w, h: laid.h + 2 * pad + header, at, anchorX: w / 2 });
      } else {
        sizes.set(id, { w: box.w, h: box.h, at: new Map([[id, { x: box.cx, y: box.cy }]]), anchorX: box.cx });
      }
    }

    // The links between members of this level, each end lifted to the member that holds it.
    const down = new Map<string, string[]>();
    const hasParent = new Set<string>();
    const near = new Map<string, { other: string; weight: number }[]>();
    for (const link of links) {
      const s = liftTo(link.source, members);
      const t = liftTo(link.target, members);
      if (!s || !t || s === t) continue;
      if (link.tree) {
        addTo(down, s, t);
        hasParent.add(t);
      }
      addTo(near, s, { other: t, weight: link.weight });
      addTo(near, t, { other: s, weight: link.weight });
    }

    // The hierarchy as a forest: breadth first from the tops, so each member hangs under the parent nearest a top.
    const treeParent = new Map<string, string>();
    const reached = new Set<string>();
    const tops: string[] = [];
    const walk = (top: string) => {
      tops.push(top);
      reached.add(top);
      const queue = [top];
      while (queue.length > 0) {
        const at = queue.shift()!;
        for (const next of [...new Set(down.get(at) ?? [])].sort(order)) {
          if (reached.has(next)) continue;
          reached.add(next);
          treeParent.set(next, at);
          queue.push(next);
        }
      }
    };
    const sorted = [...ids].sort(order);
    // Tops with the most below them first, so the main tree is walked (and claims its members) before a lesser one.
    const reach = (top: string) => {
      const seen = new Set([top]);
      const queue = [top];
      while (queue.length > 0) {
        for (const next of down.get(queue.shift()!) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen.size;
    };
    const rootsFirst = sorted.filter((id) => !hasParent.has(id) && down.has(id)).sort((a, b) => reach(b) - reach(a) || order(a, b));
    for (const top of rootsFirst) if (!reached.has(top)) walk(top);
    // A cycle with no top of its own: start it at its first member.
    for (const id of sorted) if (!reached.has(id) && down.has(id) && hasParent.has(id)) walk(id);

    const treeKids = new Map<string, string[]>();
    for (const [child, parent] of treeParent) addTo(treeKids, parent, child);
    for (const list of treeKids.values()) list.sort(order);
    // A top whose lines all lead to members placed already (a role heading companies inside a group) is placed beside them instead.
    for (const top of [...tops]) {
      if (treeKids.has(top)) continue;
      tops.splice(tops.indexOf(top), 1);
      reached.delete(top);
    }

    // What hangs on no line of the hierarchy goes beside its closest relation that does (or that has been placed so).
    const satellites = new Map<string, string[]>();
    const placed = new Set<string>([...reached]);
    let loose = sorted.filter((id) => !placed.has(id));
    for (let changed = true; changed && loose.length > 0;) {
      changed = false;
      for (const id of loose) {
        const host = (near.get(id) ?? []).filter((n) => placed.has(n.other)).sort((a, b) => b.weight - a.weight || order(a.other, b.other))[0];
        if (!host) continue;
        addTo(satellites, host.other, id);
        placed.add(id);
        changed = true;
      }
      loose = loose.filter((id) => !placed.has(id));
    }
    for (const list of satellites.values()) list.sort(order);

    /** An entity with what stands beside it (to its right) and, below, what it elects, appoints, heads or owns. */
    const subtree = (id: string): Placed => {
      const own = sizes.get(id)!;
      const beside = satellites.get(id) ?? [];
      const head = beside.length > 0 ? row([own, flow(beside.map(subtree), 1.2)]) : own;
      const kids = treeKids.get(id) ?? [];
      if (kids.length === 0) return head;
      const leaves = kids.filter((k) => !treeKids.get(k)?.length);
      const branches = kids.filter((k) => !leaves.includes(k));
      const leafBlock = leaves.length > 0 ? flow(leaves.map(subtree), 2.4) : null;
      const branchRow = branches.length > 0 ? row(branches.map(subtree)) : null;
      const side = row([leafBlock, branchRow].filter((p): p is Placed => !!p));
      // Where members and branches side by side would be much wider than a screen, the branches go under the members: the chart grows down, not off the side.
      const below = leafBlock && branchRow && side.w > maxRow ? column([leafBlock, branchRow]) : side;
      const w = Math.max(head.w, below.w);
      // The parent stands over the middle of what is below it, as far as its own row allows.
      const headX = Math.min(Math.max(0, below.w / 2 - head.anchorX), w - head.w);
      const at: Positions = new Map();
      for (const [k, p] of head.at) at.set(k, { x: p.x + headX, y: p.y });
      const belowX = below.w < w ? (w - below.w) / 2 : 0;
      for (const [k, p] of below.at) at.set(k, { x: p.x + belowX, y: p.y + head.h + gapY });
      return { w, h: head.h + gapY + below.h, at, anchorX: headX + head.anchorX };
    };

    const blocks = [...tops.map(subtree), ...(loose.length > 0 ? [flow(loose.map(subtree), aspect)] : [])];
    if (blocks.length === 1) return blocks[0]!;
    // Separate trees and what is left are packed in rows of about the canvas's proportions, the first (largest) tree first.
    const places = packBoxes(
      blocks.map((b) => ({ w: b.w + gapX, h: b.h + gapY })),
      aspect,
    );
    const at: Positions = new Map();
    blocks.forEach((b, i) => {
      for (const [k, p] of b.at) at.set(k, { x: p.x + places[i]!.x, y: p.y + places[i]!.y });
    });
    const w = Math.max(...blocks.map((b, i) => places[i]!.x + b.w));
    const h = Math.max(...blocks.map((b, i) => places[i]!.y + b.h));
    return { w, h, at, anchorX: w / 2 };
  };

  const top = children.get(null) ?? [];
  return top.length === 0 ? new Map<string, { x: number; y: number }>() : level(top, options.aspect).at;
}
