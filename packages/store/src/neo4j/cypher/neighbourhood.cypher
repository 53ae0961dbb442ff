// Everything within the hop bound of the root (the caller picks the variant whose
// bound is the asked depth), walking in-force relations of the families in
// either direction through entities of the kinds (and the root's own kind);
// then every such relation among the entities reached.
MATCH (root:Entity {id: $id})
WHERE coalesce(root.validFrom <= $asOf, true) AND coalesce($asOf <= root.validTo, true)
WITH root, CASE WHEN $kinds IS NULL THEN NULL ELSE $kinds + root.kind END AS kinds
OPTIONAL MATCH ANY SHORTEST (root)
  ((x)-[r]-(y)
    WHERE ($families IS NULL OR r.family IN $families)
      AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
      AND coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)
      AND (kinds IS NULL OR y.kind IN kinds)
  ){1,8}
  (reached)
WITH root, collect(DISTINCT reached) AS found
WITH [root] + [n IN found WHERE n <> root] AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r]->(b)
  WHERE size(members) <= $maxNodes
    AND b IN members
    AND ($families IS NULL OR r.family IN $families)
    AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  RETURN collect(r.json) AS edges
}
RETURN size(members) AS nodeCount, [n IN members | n.json][..$maxNodes] AS nodes, edges
