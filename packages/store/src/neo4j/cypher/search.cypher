// Search candidates: word prefixes and typos ($names, folded words), Swedish
// inflections ($stems, stemmed by the index's analyzer) and parts of compounds
// ($infix, a substring of a folded name). Each pass keeps only entities of the
// kinds in force before it takes its share of candidates, so that a filter
// never empties a list another entity could have filled; an entity found by
// several passes comes once, with its best score. Ranking is done by the caller.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $names) YIELD node, score
  WHERE node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
  RETURN node, score
  LIMIT $candidates
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_sv', $stems) YIELD node, score
  WHERE node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
  RETURN node, score
  LIMIT $candidates
  UNION ALL
  MATCH (node:Entity)
  WHERE $infix IS NOT NULL AND node.infixText CONTAINS $infix
    AND node.kind IN $kinds
    AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
  RETURN node, 0.0 AS score
  LIMIT $candidates
}
WITH node, max(score) AS score
RETURN node.json AS json, score
