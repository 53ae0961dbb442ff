// Every relation written in the files (derived ones come back from decision
// areas, provisions and questions), for graph:export.
MATCH (:Entity)-[r]->(:Entity)
WHERE r.derivedFrom IS NULL
RETURN r.json AS json
ORDER BY r.id
