// Glossary terms; the caller orders them by Swedish collation.
MATCH (t:GlossaryTerm)
RETURN t.json AS json
LIMIT $limit
