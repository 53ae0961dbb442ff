import N3 from 'n3';
import { NS } from './namespaces.ts';
import type { RdfNode } from './model.ts';

const { DataFactory, Writer } = N3;

/** The ORG graph as Turtle, written by the n3 library from the same nodes as the JSON-LD. */
export function toTurtle(nodes: readonly RdfNode[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...NS } });
  const rdfType = DataFactory.namedNode(`${NS.rdf}type`);
  for (const n of nodes) {
    const subject = DataFactory.namedNode(n.id);
    for (const t of n.types) writer.addQuad(DataFactory.quad(subject, rdfType, DataFactory.namedNode(t)));
    for (const [predicate, object] of n.props) {
      const o =
        'iri' in object
          ? DataFactory.namedNode(object.iri)
          : DataFactory.literal(object.value, object.lang ?? (object.datatype ? DataFactory.namedNode(object.datatype) : undefined));
      writer.addQuad(DataFactory.quad(subject, DataFactory.namedNode(predicate), o));
    }
  }
  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}
