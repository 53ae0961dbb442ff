// Removes the previous data set, inside the loading transaction: nothing is
// gone until the new one commits.
MATCH (n)
WHERE n:Entity OR n:Dataset OR n:DatedRelation
DETACH DELETE n
