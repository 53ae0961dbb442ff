// Batch lookup (DataLoader): one row per asked id, json null where unknown.
// The caller asks at most the row budget; the LIMIT holds it to that.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e.json AS json
LIMIT $limit
