// Decision areas in force that the actor takes part in (by a participation in
// force) and/or whose folded words contain the text, of one municipality when
// one is given.
MATCH (area:DecisionArea)
WHERE coalesce(area.validFrom <= $asOf, true) AND coalesce($asOf <= area.validTo, true)
  AND ($municipality IS NULL OR area.municipality = $municipality)
  AND ($text IS NULL OR area.areaText CONTAINS $text)
  AND ($actorId IS NULL OR EXISTS {
    MATCH (:Entity {id: $actorId})-[r]->(area)
    WHERE r.derivedFrom = 'PARTICIPATION'
      AND coalesce(r.validFrom <= $asOf, true) AND coalesce($asOf <= r.validTo, true)
  })
RETURN area.json AS json
LIMIT $limit
