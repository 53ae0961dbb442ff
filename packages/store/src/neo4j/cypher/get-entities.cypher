// Batch lookup (DataLoader): one row per asked id, json null where unknown.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
RETURN id, e.json AS json
