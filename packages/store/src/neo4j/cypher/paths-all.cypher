// Every simple path of at most the hop bound of relations (the caller picks the variant
// whose bound is maxLength), walked in either direction through in-force
// relations of the families and in-force entities. Parallel relations give
// several paths through the same entities: they are grouped into one walk with
// every relation offered, and the caller picks each step's relation.
MATCH (a:Entity {id: $from})
WHERE coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
MATCH (b:Entity {id: $to})
WHERE b <> a
MATCH p = (a)
  ((x)-[r]-(y)
    WHERE ($families IS NULL OR r.family IN $families)
      AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
      AND coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)
  ){1,8}
  (b)
WITH p, nodes(p) AS visited
WHERE all(i IN range(1, size(visited) - 1) WHERE NOT visited[i] IN visited[..i])
WITH [n IN visited | n.id] AS walk, [rel IN relationships(p) | rel.json] AS steps
WITH walk, collect(steps) AS variants
ORDER BY size(walk), walk
LIMIT $limit
RETURN walk, variants
