// changes(from, to) finds entities that ended in a period by a range seek.
CREATE RANGE INDEX entity_valid_to IF NOT EXISTS
FOR (e:Entity) ON (e.validTo)
