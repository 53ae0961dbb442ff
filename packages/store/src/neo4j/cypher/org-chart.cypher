// The reporting tree below the root: the fewest line-management steps to each
// entity (ELECTS, APPOINTS, HEADS, MANAGES and OWNS point down, REPORTS_TO up:
// the vocabulary's `hierarchy`), and every in-force line-management relation
// among the entities reached, for the caller to hang each under its parent.
MATCH (root:Entity {id: $rootId})
WHERE coalesce(root.validFrom <= $asOf, true) AND coalesce($asOf <= root.validTo, true)
OPTIONAL MATCH p = ANY SHORTEST (root)
  ((x)-[r:ELECTS|APPOINTS|HEADS|MANAGES|OWNS|REPORTS_TO]-(y)
    WHERE (((r:ELECTS|APPOINTS|HEADS|MANAGES|OWNS) AND startNode(r) = x) OR ((r:REPORTS_TO) AND endNode(r) = x))
      AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
      AND coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)
  )+
  (below)
WITH root, collect(below) AS found, collect(length(p)) AS depths
WITH root, [i IN range(0, size(found) - 1) WHERE found[i] <> root | found[i]] AS below,
     [i IN range(0, size(found) - 1) WHERE found[i] <> root | depths[i]] AS depths
WITH root, below, depths, [root] + below AS members
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[r:ELECTS|APPOINTS|HEADS|MANAGES|OWNS|REPORTS_TO]->(b)
  WHERE size(members) <= $maxNodes
    AND b IN members
    AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  RETURN collect(r.json) AS edges
}
RETURN root.json AS root, [n IN below | n.json][..$maxNodes] AS below, depths[..$maxNodes] AS depths, size(members) AS nodeCount, edges
