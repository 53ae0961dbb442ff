// changes(from, to) finds relations that ended in a period by a range seek.
CREATE RANGE INDEX dated_relation_to IF NOT EXISTS
FOR (d:DatedRelation) ON (d.validTo)
