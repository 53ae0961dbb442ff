// Workshop questions, of one grading or of all.
MATCH (q:WorkshopQuestion)
WHERE $status IS NULL OR q.status = $status
RETURN q.json AS json
ORDER BY q.order, q.id
LIMIT $limit
