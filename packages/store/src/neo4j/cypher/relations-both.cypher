// Batch (DataLoader): for each id, its in-force relations of the families, a
// row each, at most the row budget in all (one more tells the caller it was hit).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE r.family IN $families
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  AND coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
  AND coalesce(b.validFrom <= $asOf, true) AND coalesce($asOf <= b.validTo, true)
RETURN id, r.json AS json
LIMIT $limit
