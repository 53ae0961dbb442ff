// All entities of the kinds in force, and the in-force relations of the
// families between them. One row more than the cap tells the caller it was hit.
CALL () {
  MATCH (n:Entity)
  WHERE ($kinds IS NULL OR n.kind IN $kinds)
    AND coalesce(n.validFrom <= $asOf, true) AND coalesce($asOf <= n.validTo, true)
  WITH n
  LIMIT $maxNodes
  RETURN collect(n.json) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE ($families IS NULL OR r.family IN $families)
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
    AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
    AND coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
    AND coalesce(b.validFrom <= $asOf, true) AND coalesce($asOf <= b.validTo, true)
  WITH r
  LIMIT $maxEdges
  RETURN collect(r.json) AS edges
}
RETURN nodes, edges
