// One level of the reporting tree: the in-force line-management relations
// (the vocabulary's `hierarchy`) from each entity of the frontier to the
// in-force entities below it. ELECTS, APPOINTS, HEADS, MANAGES, OWNS and
// EXERCISES_OWNERSHIP point down, REPORTS_TO up; each is walked in its own
// direction, so no walk needs a test of which end it came from. The types are
// the vocabulary's, named here because a type cannot be a parameter
// (org-chart-cypher.test.ts holds the two lists together).
UNWIND $frontier AS id
CALL (id) {
  MATCH (:Entity {id: id})-[r:ELECTS|APPOINTS|HEADS|MANAGES|OWNS|EXERCISES_OWNERSHIP]->(below:Entity)
  RETURN r, below
  UNION
  MATCH (:Entity {id: id})<-[r:REPORTS_TO]-(below:Entity)
  RETURN r, below
}
WITH r, below
WHERE coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  AND coalesce(below.validFrom <= $asOf, true) AND coalesce($asOf <= below.validTo, true)
RETURN below.json AS child, r.json AS json
LIMIT $limit
