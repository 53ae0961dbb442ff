export interface BoxSize {
  w: number;
  h: number;
}

/**
 * Places boxes in rows, tallest first, each row filled up to a width that
 * makes the whole about `aspect` (width / height) wide: a shelf packing, in
 * linear time after the sort. Returns each box's top-left corner, in the
 * order given. (cytoscape-layout-utilities packs more tightly, but brings
 * @turf/turf with it; rows are what a forest of small trees needs.)
 */
export function packBoxes(boxes: readonly BoxSize[], aspect: number): { x: number; y: number }[] {
  const area = boxes.reduce((sum, b) => sum + b.w * b.h, 0);
  const widest = boxes.reduce((max, b) => Math.max(max, b.w), 0);
  const rowWidth = Math.max(widest, Math.sqrt(area * (aspect > 0 ? aspect : 1)));
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[b]!.h - boxes[a]!.h || boxes[b]!.w - boxes[a]!.w);
  const places = new Array<{ x: number; y: number }>(boxes.length);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const i of order) {
    const box = boxes[i]!;
    if (x > 0 && x + box.w > rowWidth) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    places[i] = { x, y };
    x += box.w;
    rowHeight = Math.max(rowHeight, box.h);
  }
  return places;
}

/**
 * The connected parts of a graph given as node ids and links between them,
 * each a list of indexes into `ids` (union–find: linear where Cytoscape's
 * `components()` walks collections and takes a good part of a second on a
 * few thousand nodes).
 */
export function connectedParts(ids: readonly string[], links: readonly (readonly [string, string])[]): number[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b] of links) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) parent[root(i)] = root(j);
  }
  const parts = new Map<number, number[]>();
  ids.forEach((_, i) => {
    const r = root(i);
    const part = parts.get(r);
    if (part) part.push(i);
    else parts.set(r, [i]);
  });
  return [...parts.values()];
}
