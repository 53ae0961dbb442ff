// The in-force relations of the families joining each pair of entities (the
// steps of found paths), in either direction, for the caller to pick each
// step's relation by vocabulary order.
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair[0]})-[r]-(b:Entity {id: pair[1]})
WHERE r.family IN $families
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
RETURN r.json AS json
LIMIT $limit
