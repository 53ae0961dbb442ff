import type { ProvisionEntity, SourceDocumentEntity } from '@styrgraf/model';
import type { CallOptions, Store } from '@styrgraf/store';
import { resolveFilter, sortById, type ExportFilter, type ExportSelection } from './selection.ts';

/**
 * The same selection as selectFromDataset, read through the Store port (the
 * server's embedded store or Neo4j): the graph of the kinds and families on
 * the date, the provisions, and the documents they stand in.
 */
export async function selectFromStore(store: Store, filter: ExportFilter = {}, options: CallOptions = {}): Promise<ExportSelection> {
  const { asOf, families, kinds } = resolveFilter(filter);
  const [info, graph, provisions] = await Promise.all([store.info(options), store.graph({ asOf, families, kinds }, options), store.provisions({}, options)]);
  const documentIds = [...new Set(provisions.map((p) => p.document))].sort();
  const documents = (await store.getEntities(documentIds, options)).filter((d): d is SourceDocumentEntity => d?.kind === 'SOURCE_DOCUMENT');
  return {
    dataset: { id: info.datasetId, name: info.name, version: info.version, digest: info.digest },
    asOf,
    families,
    kinds,
    entities: sortById([...graph.nodes]),
    relations: sortById([...graph.edges]),
    provisions: new Map(provisions.map((p): [string, ProvisionEntity] => [p.id, p])),
    documents: new Map(documents.map((d) => [d.id, d])),
  };
}
