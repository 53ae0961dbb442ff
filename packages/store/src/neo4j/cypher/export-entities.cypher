// Every entity, for graph:export.
MATCH (e:Entity)
RETURN e.json AS json
ORDER BY e.id
