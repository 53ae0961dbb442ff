// The in-force relations of the families among a set of entities (a
// neighbourhood's members), each once, from the side it starts at.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE a <> b
  AND b.id IN $ids
  AND r.family IN $families
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
RETURN r.json AS json
LIMIT $limit
