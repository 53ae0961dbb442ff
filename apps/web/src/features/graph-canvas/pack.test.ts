import { describe, expect, it } from 'vitest';
import { connectedParts, packBoxes } from './pack.ts';

describe('packing boxes in rows', () => {
  it('puts the tallest first and starts a new row when the next box would pass the row width', () => {
    // Four 10×10 boxes and one 10×20 in a square: rows of about √600 ≈ 24.5 wide, so two to a row.
    const places = packBoxes(
      [
        { w: 10, h: 10 },
        { w: 10, h: 20 },
        { w: 10, h: 10 },
        { w: 10, h: 10 },
        { w: 10, h: 10 },
      ],
      1,
    );
    expect(places).toEqual([
      { x: 10, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 20 },
      { x: 10, y: 20 },
      { x: 0, y: 30 },
    ]);
  });

  it('never overlaps two boxes and keeps the whole near the asked proportions', () => {
    const boxes = Array.from({ length: 300 }, (_, i) => ({ w: 40 + ((i * 37) % 160), h: 30 + ((i * 53) % 90) }));
    const places = packBoxes(boxes, 16 / 9);
    const rects = boxes.map((b, i) => ({ x1: places[i]!.x, y1: places[i]!.y, x2: places[i]!.x + b.w, y2: places[i]!.y + b.h }));
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const [a, b] = [rects[i]!, rects[j]!];
        expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1, `${i} and ${j} overlap`).toBe(true);
      }
    const width = Math.max(...rects.map((r) => r.x2));
    const height = Math.max(...rects.map((r) => r.y2));
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(3);
  });

  it('gives a box wider than the ideal row a row of its own', () => {
    expect(
      packBoxes(
        [
          { w: 1000, h: 10 },
          { w: 10, h: 5 },
        ],
        1,
      ),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
    ]);
  });
});

describe('connected parts', () => {
  it('groups the nodes joined by links, and leaves a node without links alone', () => {
    const parts = connectedParts(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b'],
        ['c', 'b'],
        ['d', 'd'],
        ['x', 'e'],
      ],
    );
    expect(parts.map((p) => p.sort())).toEqual([[0, 1, 2], [3], [4]]);
  });
});
