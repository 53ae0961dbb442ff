// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyTermTabStops } from './tab-stops.ts';

describe('one tab stop per glossary term', () => {
  it('leaves the first mark of each term in the tab order and takes its repeats out', () => {
    document.body.innerHTML = `
      <p><button class="term" data-term-id="term-namnd">nämnd</button> och <button class="term" data-term-id="term-uppsikt">uppsikt</button></p>
      <p><button class="term" data-term-id="term-namnd">nämnden</button></p>
      <p><button class="term" data-term-id="term-namnd">nämnder</button> <button class="term" data-term-id="term-uppsikt">uppsikten</button></p>`;
    applyTermTabStops(document);
    const stops = [...document.querySelectorAll<HTMLElement>('button.term')].map((b) => b.tabIndex);
    expect(stops).toEqual([0, 0, -1, -1, -1]);
  });
});
