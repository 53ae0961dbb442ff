// Trigram text index: "utskott" CONTAINS-matches "kommunstyrelsens personalutskott".
CREATE TEXT INDEX entity_infix IF NOT EXISTS
FOR (e:Entity) ON (e.infixText)
