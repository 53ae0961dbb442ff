// Search: every candidate, ranked by the shared rules (shared/search.ts) as far
// as Cypher can, so that only the first $first (and those the caller's
// Swedish collation may still put among them) travel back.
// Candidates: word prefixes and typos ($names, folded words), Swedish
// inflections ($stems, stemmed by the index's analyzer) and parts of compounds
// ($infix, a substring of a folded name, found through the TEXT index). No
// pass is cut short: a common word matches thousands of names, and which of
// them come first is the ranking's to say, not Lucene's. The passes return
// bare nodes; each distinct candidate is then filtered once (kinds in force,
// one municipality's own and shared ones) and ranked on small values — its
// rank names, score and name — and only the kept read their `json`: on the
// national set "kommun" has 5,500 candidates and keeps a few hundred at most.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $names) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_sv', $stems) YIELD node, score
  RETURN node, score
  UNION ALL
  MATCH (node:Entity)
  WHERE node.infixText CONTAINS $infix
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
WHERE node.kind IN $kinds
  AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
  AND ($municipality IS NULL OR node.municipality IS NULL OR node.municipality = $municipality)
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
WITH node, score, rank, CASE WHEN rank = 41 THEN -score ELSE 0.0 END AS typo, node.name AS name
ORDER BY rank, typo, size(name)
WITH collect({node: node, score: score, rank: rank, typo: typo, name: name}) AS ranked
WITH ranked, ranked[$first - 1] AS last
UNWIND ranked AS hit
WITH hit, last
WHERE last IS NULL
  OR hit.rank < last.rank
  OR (hit.rank = last.rank AND (hit.typo < last.typo OR (hit.typo = last.typo AND size(hit.name) <= size(last.name))))
// Past this, the order is the Swedish collation of the name, then the id. The
// same name is the same place in the collation, so of the entities sharing a
// name (each municipality's "Kommunstyrelsen") only the first $first by id
// can be among the first $first at all; the rest of the ties stay here.
WITH hit ORDER BY hit.node.id
WITH hit.rank AS rank, hit.typo AS typo, hit.name AS name, collect(hit)[..$first] AS sameName
UNWIND sameName AS kept
RETURN kept.node.json AS json, kept.score AS score
