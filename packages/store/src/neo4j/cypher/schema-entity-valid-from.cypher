// changes(from, to) finds entities that started in a period by a range seek.
CREATE RANGE INDEX entity_valid_from IF NOT EXISTS
FOR (e:Entity) ON (e.validFrom)
