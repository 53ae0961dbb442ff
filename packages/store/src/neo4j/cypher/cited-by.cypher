// Batch (DataLoader): the relations in force that cite any of the provisions.
// Citations are a list property, so this is one scan of the relationships per
// batch; the caller groups the rows by provision.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.family <> 'REFERENCE'
  AND any(cite IN r.cites WHERE cite IN $ids)
  AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  AND coalesce(a.validFrom <= $asOf, true) AND coalesce($asOf <= a.validTo, true)
  AND coalesce(b.validFrom <= $asOf, true) AND coalesce($asOf <= b.validTo, true)
RETURN r.json AS json
LIMIT $limit
