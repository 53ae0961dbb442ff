// One page of entities by id after the cursor, and how many match in all
// (the caller names every kind when none is asked for, so the kind index serves).
CALL () {
  MATCH (e:Entity)
  WHERE e.kind IN $kinds
    AND coalesce(e.validFrom <= $asOf, true) AND coalesce($asOf <= e.validTo, true)
  RETURN count(e) AS totalCount
}
CALL () {
  MATCH (e:Entity)
  WHERE e.kind IN $kinds
    AND coalesce(e.validFrom <= $asOf, true) AND coalesce($asOf <= e.validTo, true)
    AND ($after IS NULL OR e.id > $after)
  WITH e
  ORDER BY e.id
  LIMIT $limit
  RETURN collect(e.json) AS items
}
RETURN totalCount, items
