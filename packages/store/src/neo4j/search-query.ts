/**
 * Lucene query strings for the two full-text indexes, built from a query that
 * `fold` has already reduced to lower-case letters, digits and single spaces.
 * They travel as parameter values, never as Cypher; Lucene's own syntax is
 * still escaped here, so that no character of a query can become an operator.
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Words of a folded query; at most 12, which no name needs and which keeps a query cheap. */
export function queryWords(folded: string): string[] {
  return folded.split(' ').filter(Boolean).slice(0, 12);
}

/**
 * Typo tolerance per word as the embedded store's MiniSearch has it (a quarter
 * of the word's length, from four letters), within Lucene's limit of two edits.
 */
export function editDistance(word: string): number {
  if (word.length < 4) return 0;
  return Math.min(2, Math.round(word.length * 0.25));
}

/**
 * For the `entity_search` index (no stemming): every word must match a word of
 * a name exactly, as a prefix, or within its edit distance.
 */
export function namesQuery(folded: string): string {
  return queryWords(folded)
    .map((word) => {
      const w = escapeLucene(word);
      const fuzzy = editDistance(word);
      return `+(${w} ${w}*${fuzzy > 0 ? ` ${w}~${fuzzy}` : ''})`;
    })
    .join(' ');
}

/**
 * For the `entity_search_sv` index (Swedish analyzer): plain words, which
 * Lucene stems and stop-word-filters as it did the names, all required.
 */
export function stemsQuery(folded: string): string {
  return queryWords(folded)
    .map((word) => `+${escapeLucene(word)}`)
    .join(' ');
}

/** The text parameters of search.cypher for a folded query: what each candidate pass looks for, and the query itself for the ranking. */
export function searchParams(folded: string): { names: string; stems: string; infix: string | null; query: string } {
  return {
    names: namesQuery(folded),
    stems: stemsQuery(folded),
    // Swedish compounds: "utskott" should find "personalutskott", which no word prefix does.
    infix: folded.length >= 3 ? folded : null,
    query: folded,
  };
}
