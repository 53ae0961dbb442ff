// Views scoped to one municipality start from its entities.
CREATE RANGE INDEX entity_municipality IF NOT EXISTS
FOR (e:Entity) ON (e.municipality)
