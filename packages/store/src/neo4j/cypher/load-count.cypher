// What the loading transaction holds before it commits, to check against the files.
CALL () {
  MATCH (e:Entity)
  RETURN count(e) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relations
}
CALL () {
  MATCH (d:DatedRelation)
  RETURN count(d) AS datedRelations
}
RETURN entities, relations, datedRelations
