// Entities and dated relations that start in ($from, $to] or end so that the
// day after their last day falls in it; the caller builds the dated changes.
// Each half is a range seek on a date index: entities by their own dates, and
// relations by the :DatedRelation node the loader writes for each relation
// that carries dates (Neo4j indexes relationship properties one type at a time).
CALL () {
  CALL () {
    MATCH (e:Entity)
    WHERE e.validFrom > $from AND e.validFrom <= $to
    RETURN e
    UNION
    MATCH (e:Entity)
    WHERE e.validTo >= $from AND e.validTo < $to
    RETURN e
  }
  WITH e
  LIMIT $limit
  RETURN collect(e.json) AS entities
}
CALL () {
  CALL () {
    MATCH (d:DatedRelation)
    WHERE d.validFrom > $from AND d.validFrom <= $to
    RETURN d
    UNION
    MATCH (d:DatedRelation)
    WHERE d.validTo >= $from AND d.validTo < $to
    RETURN d
  }
  WITH d
  LIMIT $limit
  RETURN collect(d.json) AS relations
}
RETURN entities, relations
