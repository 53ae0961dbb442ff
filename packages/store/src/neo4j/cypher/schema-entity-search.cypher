// Word prefixes and typos over the folded names (å, ä → a; ö → o, folded by the
// loader as by the embedded store). No stemming and no stop words, so that
// prefix and fuzzy terms meet the words as written.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.searchText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}
