// Every entity id is unique; the constraint is also the index behind every lookup by id.
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (e:Entity) REQUIRE e.id IS UNIQUE
