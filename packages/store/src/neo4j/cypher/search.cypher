// Search: every candidate, ranked by the shared rules (shared/search.ts) as far
// as Cypher can, so that only the first $first (and any tied with the last of
// them) travel back for the caller to finish the order (Swedish collation).
// Candidates: word prefixes and typos ($names, folded words), Swedish
// inflections ($stems, stemmed by the index's analyzer) and parts of compounds
// ($infix, a substring of a folded name), each pass keeping only entities of
// the kinds in force (and, for one municipality, only its own and shared
// ones). No pass is cut short: a common word matches thousands of
// names, and which of them come first is the ranking's to say, not Lucene's.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $names) YIELD node, score
  WHERE node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
    AND ($municipality IS NULL OR node.municipality IS NULL OR node.municipality = $municipality)
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_sv', $stems) YIELD node, score
  WHERE node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
    AND ($municipality IS NULL OR node.municipality IS NULL OR node.municipality = $municipality)
  RETURN node, score
  UNION ALL
  MATCH (node:Entity)
  WHERE node.infixText CONTAINS $infix
    AND node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
    AND ($municipality IS NULL OR node.municipality IS NULL OR node.municipality = $municipality)
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
// The ranking's first key: the best tier any name reaches (exact, prefix, word,
// part) times ten plus the field that reaches it (each rankName starts with
// its field's digit); 41 for a typo match.
WITH node, score, reduce(best = 41, entry IN node.rankNames |
  CASE
    WHEN substring(entry, 1) = $query AND toInteger(left(entry, 1)) < best THEN toInteger(left(entry, 1))
    WHEN substring(entry, 1) STARTS WITH $query AND 10 + toInteger(left(entry, 1)) < best THEN 10 + toInteger(left(entry, 1))
    WHEN substring(entry, 1) CONTAINS (' ' + $query) AND 20 + toInteger(left(entry, 1)) < best THEN 20 + toInteger(left(entry, 1))
    WHEN size($query) >= 3 AND substring(entry, 1) CONTAINS $query AND 30 + toInteger(left(entry, 1)) < best THEN 30 + toInteger(left(entry, 1))
    ELSE best
  END) AS rank
WITH node, score, rank, CASE WHEN rank = 41 THEN -score ELSE 0.0 END AS typo, size(node.name) AS length
ORDER BY rank, typo, length
WITH collect({json: node.json, score: score, rank: rank, typo: typo, length: length}) AS ranked
WITH ranked, ranked[$first - 1] AS last
UNWIND ranked AS hit
WITH hit, last
WHERE last IS NULL
  OR hit.rank < last.rank
  OR (hit.rank = last.rank AND (hit.typo < last.typo OR (hit.typo = last.typo AND hit.length <= last.length)))
RETURN hit.json AS json, hit.score AS score
