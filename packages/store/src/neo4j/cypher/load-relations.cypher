// Creates a batch of relations. The type is the relation kind from the fixed
// vocabulary (checked before it is sent), never request input.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
