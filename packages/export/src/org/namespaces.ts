/**
 * The vocabularies the W3C ORG export speaks. `sg:` is Styrgraf's own small
 * vocabulary for what ORG has no term for (decision areas, participation,
 * consultation, evidence, citations); it is described in docs/open-data.md.
 * Its namespace and the entities' IRIs are URNs, so that nothing claims a
 * domain the project does not hold; `baseIri` moves the entities elsewhere.
 */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  org: 'http://www.w3.org/ns/org#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  sg: 'urn:styrgraf:ns:',
} as const;

export type Prefix = keyof typeof NS;

export function iri(prefix: Prefix, local: string): string {
  return NS[prefix] + local;
}

/** RELATION_KIND "REPORTS_TO" as the property sg:reportsTo. */
export function kindProperty(kind: string): string {
  const camel = kind.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return iri('sg', camel);
}
