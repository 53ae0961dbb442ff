// Creates a batch of entities. The label comes from the loader's fixed table of
// entity kinds (checked before it is sent), never from request input.
UNWIND $rows AS row
CREATE (e:Entity)
SET e = row.properties, e:$(row.label)
