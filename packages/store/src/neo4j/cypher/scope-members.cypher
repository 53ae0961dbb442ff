// A municipality's view (see the Store port): its own entities of the kinds in
// force, and the shared entities of the kinds in force that an in-force
// relation of the families joins to one of them (the federations it joins).
// Each once, by id. Starts from the municipality index, so the work follows
// the municipality, not the country.
CALL () {
  MATCH (n:Entity {municipality: $municipality})
  WHERE n.kind IN $kinds
    AND coalesce(n.validFrom <= $asOf, true) AND coalesce($asOf <= n.validTo, true)
  RETURN collect(n) AS own
}
CALL (own) {
  UNWIND own AS n
  MATCH (n)-[r]-(s:Entity)
  WHERE s.municipality IS NULL
    AND s.kind IN $kinds
    AND r.family IN $families
    AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
    AND coalesce(s.validFrom <= $asOf, true) AND coalesce($asOf <= s.validTo, true)
  RETURN collect(DISTINCT s) AS shared
}
UNWIND own + shared AS member
RETURN member.id AS id, member.json AS json
ORDER BY id
LIMIT $limit
