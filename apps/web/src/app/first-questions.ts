import { aboutQuery } from '../api/about.ts';
import { createQueryClient } from '../api/query-client.ts';
import { vocabularyQuery } from '../api/vocabulary.ts';
import { graphBase, wholeGraphQuery } from '../features/graph-canvas/use-graph-data.ts';
import type { ViewState } from '../state/view-state.ts';

/** The app's one query cache: the first questions below are asked into it before React mounts. */
export const queryClient = createQueryClient();

/**
 * Asks the first screen's questions at once, while the rest of the bundle is
 * still being evaluated and React has not mounted: the data set (how many
 * municipalities), the vocabulary the canvas is styled from, and, on the
 * graph with no municipality or focus in the link, the country's overview.
 * Without this the overview waited for the answer about the data set, asked
 * only once React had rendered (about 0.3-0.6 s after the bundle arrived, on
 * a loaded two-core machine). On a data set of one municipality the overview
 * asked here goes unused: one small answer (its kommun and what it shares).
 */
export function askFirstQuestions(state: ViewState): void {
  const lang = state.lang === 'en' ? 'EN' : 'SV';
  void queryClient.prefetchQuery(aboutQuery(lang));
  if (state.view !== 'graph') return;
  void queryClient.prefetchQuery(vocabularyQuery(lang));
  if (!state.kommun && !state.focus) {
    const base = graphBase({ asOf: state.date, families: state.families, kinds: state.kinds, lang });
    void queryClient.prefetchQuery(wholeGraphQuery(base, { overview: true }));
  }
}
