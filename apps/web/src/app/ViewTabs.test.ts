import { describe, expect, it } from 'vitest';
import { tabsThatFit } from './ViewTabs.tsx';

/** The eight tabs' widths at tablet width (Graf … Utskrift), the "Mer ▾" button, and the strip's padding. */
const TABS = [46, 167, 110, 108, 46, 78, 71, 68];
const MORE = { width: 58, chevron: 16 };
const PADDING = 6;
const ALL = TABS.reduce((a, b) => a + b, 0) + 2 * 7 + PADDING;

describe('how many view tabs fit', () => {
  it('shows every tab when they all fit, without a "Mer" button', () => {
    expect(tabsThatFit(TABS, MORE, 0, ALL, PADDING)).toBe(8);
  });

  it('leaves room for "Mer" when they do not', () => {
    // Graf … Guidade turer (431 + 6 gaps + padding) and Mer.
    expect(tabsThatFit(TABS, MORE, 0, 431 + 6 + 6 + 2 + 58, PADDING)).toBe(4);
    // One pixel short of all eight: Utskrift (68) goes, and Mer (58) takes less room than it.
    expect(tabsThatFit(TABS, MORE, 0, ALL - 1, PADDING)).toBe(7);
  });

  it('reserves the width of the current view’s name when "Mer" will show it', () => {
    const room = 431 + 6 + 6 + 2 + 58;
    // Utskrift (68 + chevron) is wider than "Mer": one tab fewer fits.
    expect(tabsThatFit(TABS, MORE, 7, room, PADDING)).toBe(3);
  });

  it('always keeps the first tab in sight', () => {
    expect(tabsThatFit(TABS, MORE, 0, 10, PADDING)).toBe(1);
  });
});
