// Entities and relations that start in ($from, $to] or end so that the day
// after their last day falls in it; the caller builds the dated changes.
CALL () {
  MATCH (e:Entity)
  WHERE (e.validFrom > $from AND e.validFrom <= $to) OR (e.validTo >= $from AND e.validTo < $to)
  WITH e
  LIMIT $limit
  RETURN collect(e.json) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE (r.validFrom > $from AND r.validFrom <= $to) OR (r.validTo >= $from AND r.validTo < $to)
  WITH r
  LIMIT $limit
  RETURN collect(r.json) AS relations
}
RETURN entities, relations
