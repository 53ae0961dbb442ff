// All entities of the kinds in force, and the in-force relations of the
// families between them. Both start from the entities of the kinds (the kind
// index; the caller names every kind when none is asked for), so the work
// follows the view asked, not the size of the database. One row more than a
// cap tells the caller it was hit.
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds
    AND coalesce(n.validFrom <= $asOf, true) AND coalesce($asOf <= n.validTo, true)
  WITH n
  LIMIT $maxNodes
  RETURN collect(n.json) AS nodes
}
CALL () {
  MATCH (a:Entity)
  WHERE a.kind IN $kinds
    AND coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
  MATCH (a)-[r]->(b:Entity)
  WHERE a <> b
    AND r.family IN $families
    AND b.kind IN $kinds
    AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
    AND coalesce(b.validFrom <= $asOf, true) AND coalesce($asOf <= b.validTo, true)
  WITH r
  LIMIT $maxEdges
  RETURN collect(r.json) AS edges
}
RETURN nodes, edges
