// Provisions, of one document or of all.
MATCH (p:Provision)
WHERE $documentId IS NULL OR p.document = $documentId
RETURN p.json AS json
ORDER BY p.document, p.order
LIMIT $limit
