// One breadth-first step of a walk over the graph (neighbourhoods, paths):
// every in-force relation of the families from an entity of the frontier to an
// in-force entity of the kinds, as the pair of ids it joins. The caller keeps
// what was reached, so the work is bounded by the frontier's relations, never
// by the number of walks through them.
UNWIND $frontier AS id
MATCH (x:Entity {id: id})-[r]-(y:Entity)
WHERE x <> y
  AND r.family IN $families
  AND y.kind IN $kinds
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  AND coalesce(y.validFrom <= $asOf, true) AND coalesce($asOf <= y.validTo, true)
RETURN DISTINCT x.id AS from, y.id AS to
LIMIT $limit
