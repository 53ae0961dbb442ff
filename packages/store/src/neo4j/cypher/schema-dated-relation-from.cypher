// changes(from, to) finds relations that started in a period by a range seek.
CREATE RANGE INDEX dated_relation_from IF NOT EXISTS
FOR (d:DatedRelation) ON (d.validFrom)
