import { aboutQuery } from '../api/about.ts';
import { createQueryClient } from '../api/query-client.ts';
import { vocabularyQuery } from '../api/vocabulary.ts';
import { graphBase, wholeGraphQuery } from '../features/graph-canvas/use-graph-data.ts';
import type { ViewState } from '../state/view-state.ts';

/** The app's one query cache: the first questions below are asked into it before React mounts. */
export const queryClient = createQueryClient();

/**
 * The data set's number of municipalities as the server wrote it into the
 * page (apps/server/src/http/app-page.ts), or null where no server did (the
 * Vite dev server serves the page as it is).
 */
export function municipalitiesInPage(): number | null {
  const content = document.querySelector<HTMLMetaElement>('meta[name="styrgraf-municipalities"]')?.content;
  const count = content ? Number(content) : Number.NaN;
  return Number.isInteger(count) ? count : null;
}

/**
 * Asks the first screen's questions at once, while the rest of the bundle is
 * still being evaluated and React has not mounted: the data set (how many
 * municipalities), the vocabulary the canvas is styled from, and, on the
 * graph with no municipality or focus in the link, the country's overview.
 * Without this the overview waited for the answer about the data set, asked
 * only once React had rendered (about 0.3-0.6 s after the bundle arrived, on
 * a loaded two-core machine). The page says how many municipalities there
 * are, so a data set of one (Norrköping) is not asked for an overview it
 * would not use; where the page does not say, the overview is asked anyway.
 */
export function askFirstQuestions(state: ViewState): void {
  const lang = state.lang === 'en' ? 'EN' : 'SV';
  void queryClient.prefetchQuery(aboutQuery(lang));
  if (state.view !== 'graph') return;
  void queryClient.prefetchQuery(vocabularyQuery(lang));
  if (!state.kommun && !state.focus && (municipalitiesInPage() ?? 2) > 1) {
    const base = graphBase({ asOf: state.date, families: state.families, kinds: state.kinds, lang });
    void queryClient.prefetchQuery(wholeGraphQuery(base, { overview: true }));
  }
}
