import N3 from 'n3';
import { NS } from './namespaces.ts';
import type { RdfNode } from './model.ts';

const { DataFactory, Writer } = N3;
const { namedNode, literal, quad } = DataFactory;

/** The ORG graph as Turtle, written by the n3 library from the same nodes as the JSON-LD. */
export function toTurtle(nodes: readonly RdfNode[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  const rdfType = namedNode(`${NS.rdf}type`);
  for (const n of nodes) {
    const subject = namedNode(n.id);
    for (const t of n.types) writer.addQuad(quad(subject, rdfType, namedNode(t)));
    for (const [predicate, object] of n.props) {
      const o = 'iri' in object ? namedNode(object.iri) : literal(object.value, object.lang ?? (object.datatype ? namedNode(object.datatype) : undefined));
      writer.addQuad(quad(subject, namedNode(predicate), o));
    }
  }
  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}
