// Batch (DataLoader): the municipality of each asked id, null where shared or
// unknown. The caller asks at most the row budget; the LIMIT holds it to that.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e.municipality AS municipality
LIMIT $limit
