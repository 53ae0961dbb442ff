import { describe, expect, it } from 'vitest';
import { neighbourInDirection } from './keyboard-nav.ts';

/** Kommunstyrelsen with kommunfullmäktige above, the kommundirektör below and a nämnd to the right. */
const ks = { x: 0, y: 0 };
const around = [
  { id: 'kommunfullmaktige', at: { x: 20, y: -120 } },
  { id: 'kommundirektor', at: { x: -10, y: 150 } },
  { id: 'socialnamnden', at: { x: 200, y: 30 } },
  { id: 'valnamnden', at: { x: 400, y: -40 } },
];

describe('walking the canvas with the arrow keys', () => {
  it('goes to the neighbour lying in the arrow’s direction', () => {
    expect(neighbourInDirection(ks, around, 'ArrowUp')).toBe('kommunfullmaktige');
    expect(neighbourInDirection(ks, around, 'ArrowDown')).toBe('kommundirektor');
    expect(neighbourInDirection(ks, around, 'ArrowRight')).toBe('socialnamnden');
  });

  it('goes nowhere where no relation leads', () => {
    expect(neighbourInDirection(ks, around, 'ArrowLeft')).toBeNull();
    expect(neighbourInDirection(ks, [], 'ArrowUp')).toBeNull();
  });
});
