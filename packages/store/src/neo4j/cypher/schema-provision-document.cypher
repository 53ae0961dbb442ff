// provisions(documentId) lists one document's provisions.
CREATE RANGE INDEX provision_document IF NOT EXISTS
FOR (p:Provision) ON (p.document)
