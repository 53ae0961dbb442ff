// The loaded data set: its meta, digest, counts, municipalities and tours, as
// written by graph:load, and the graph layout it was written in.
MATCH (d:Dataset {key: 'current'})
RETURN d.meta AS meta, d.digest AS digest, d.counts AS counts, d.municipalities AS municipalities, d.tours AS tours, d.model AS model
