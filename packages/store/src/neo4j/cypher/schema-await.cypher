// Wait (up to 300 s) until every index is online before data is loaded or read.
CALL db.awaitIndexes(300)
