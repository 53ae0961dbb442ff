// The data set's meta, digest, counts and tours.
CREATE (d:Dataset)
SET d = $properties
