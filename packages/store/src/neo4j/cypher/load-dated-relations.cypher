// A :DatedRelation node for each relation that carries dates of its own, so
// that changes(from, to) finds them by a date index (relationship property
// indexes are per relationship type, and there are 33 types).
UNWIND $rows AS row
CREATE (d:DatedRelation)
SET d = row
