import { useEffect } from 'react';

/**
 * One tab stop per glossary term in what is on screen: the first mark of a
 * term is reached with Tab, its repeats only by pointer, hover or tap (they
 * explain the same word). Täckning had 102 glossary tab stops among 136; a
 * keyboard user now passes each word once. Marks are found in document
 * order, so the stop is where the word is first read.
 */
export function applyTermTabStops(root: ParentNode): void {
  const seen = new Set<string>();
  for (const mark of root.querySelectorAll<HTMLElement>('button.term[data-term-id]')) {
    const term = mark.dataset.termId!;
    if (seen.has(term)) {
      if (mark.tabIndex !== -1) mark.tabIndex = -1;
    } else {
      seen.add(term);
      if (mark.tabIndex !== 0) mark.tabIndex = 0;
    }
  }
}

/** Keeps applyTermTabStops true as views and panels change. */
export function useTermTabStops(): void {
  useEffect(() => {
    let frame = 0;
    const apply = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => applyTermTabStops(document));
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
}
