// Swedish inflections over the same folded names: Lucene's Swedish analyzer
// stems "nämnderna" and "nämnden" alike and drops Swedish stop words.
CREATE FULLTEXT INDEX entity_search_sv IF NOT EXISTS
FOR (e:Entity) ON EACH [e.searchTextSv]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish', `fulltext.eventually_consistent`: false}}
