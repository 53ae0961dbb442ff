import { NS, type Prefix } from './namespaces.ts';
import type { RdfNode, Term } from './model.ts';

type JsonLdValue = string | { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

/** Writes `prefix:local` where a known namespace starts the IRI, the IRI itself otherwise. */
function compact(value: string): string {
  for (const [prefix, ns] of Object.entries(NS) as [Prefix, string][]) {
    if (value.startsWith(ns) && value.length > ns.length && /^[A-Za-z_][\w-]*$/.test(value.slice(ns.length))) return `${prefix}:${value.slice(ns.length)}`;
  }
  return value;
}

function value(term: Term): JsonLdValue {
  if ('iri' in term) return { '@id': compact(term.iri) };
  if (term.lang) return { '@value': term.value, '@language': term.lang };
  if (term.datatype) return { '@value': term.value, '@type': compact(term.datatype) };
  return term.value;
}

/**
 * The ORG graph as one JSON-LD document: a context of prefixes, and a
 * `@graph` of nodes whose keys are compact IRIs (`org:subOrganizationOf`),
 * so that it reads as JSON and expands to exactly the triples the Turtle holds.
 */
export function toJsonLd(nodes: readonly RdfNode[]): object {
  const graph = nodes.map((n) => {
    const out: Record<string, unknown> = { '@id': compact(n.id) };
    if (n.types.length > 0) out['@type'] = n.types.map(compact);
    for (const [predicate, object] of n.props) {
      const key = compact(predicate);
      const list = (out[key] as JsonLdValue[] | undefined) ?? [];
      list.push(value(object));
      out[key] = list;
    }
    return out;
  });
  return { '@context': { ...NS }, '@graph': graph };
}
