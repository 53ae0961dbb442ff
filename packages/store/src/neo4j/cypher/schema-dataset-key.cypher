// One current data set per database.
CREATE CONSTRAINT dataset_key IF NOT EXISTS
FOR (d:Dataset) REQUIRE d.key IS UNIQUE
