// Batch (DataLoader): for each id, its relations in force, of the given families.
UNWIND $ids AS id
OPTIONAL MATCH (a:Entity {id: id})<-[r]-(b:Entity)
WHERE ($families IS NULL OR r.family IN $families)
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  AND coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
  AND coalesce(b.validFrom <= $asOf, true) AND coalesce($asOf <= b.validTo, true)
RETURN id, collect(r.json) AS relations
