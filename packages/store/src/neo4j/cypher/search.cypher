// Search candidates: word prefixes and typos ($names, folded words), Swedish
// inflections ($stems, stemmed by the index's analyzer) and parts of compounds
// ($infix, a substring of a folded name). Ranking is done by the caller.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $names) YIELD node, score
  RETURN node, score
  LIMIT $candidates
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_sv', $stems) YIELD node, score
  RETURN node, score
  LIMIT $candidates
  UNION ALL
  MATCH (node:Entity)
  WHERE $infix IS NOT NULL AND node.infixText CONTAINS $infix
  RETURN node, 0.0 AS score
  LIMIT $candidates
}
WITH node, max(score) AS score
WHERE ($kinds IS NULL OR node.kind IN $kinds)
  AND coalesce(node.validFrom <= $asOf, true) AND coalesce($asOf <= node.validTo, true)
RETURN node.json AS json, score
ORDER BY score DESC, node.id
LIMIT $candidates
