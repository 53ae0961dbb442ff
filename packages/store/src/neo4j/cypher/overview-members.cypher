// The overview (see the Store port): every municipality in force (a kommun
// belongs to itself), whatever the kinds, and every shared entity of the kinds
// in force. A range index cannot find what has no municipality, so this reads
// every entity once: ~26,000 on the national set.
MATCH (n:Entity)
WHERE (n.municipality = n.id OR (n.municipality IS NULL AND n.kind IN $kinds))
  AND coalesce(n.validFrom <= $asOf, true) AND coalesce($asOf <= n.validTo, true)
RETURN n.id AS id, n.json AS json
ORDER BY id
LIMIT $limit
