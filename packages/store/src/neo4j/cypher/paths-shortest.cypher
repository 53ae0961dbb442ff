// Every shortest path of at most the hop bound of relations (the caller picks the variant
// whose bound is maxLength), walked in either direction through in-force
// relations of the families and in-force entities. A shortest path never
// visits an entity twice. Parallel relations are grouped as in paths-all.
MATCH (a:Entity {id: $from})
WHERE coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
MATCH (b:Entity {id: $to})
WHERE b <> a
MATCH p = ALL SHORTEST (a)
  ((x)-[r]-(y)
    WHERE ($families IS NULL OR r.family IN $families)
      AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
      AND coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)
  ){1,8}
  (b)
WITH [n IN nodes(p) | n.id] AS walk, [rel IN relationships(p) | rel.json] AS steps
WITH walk, collect(steps) AS variants
ORDER BY size(walk), walk
LIMIT $limit
RETURN walk, variants
