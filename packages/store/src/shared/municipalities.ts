import { analyseMunicipalities, countScopes, type Entity, type Relation, type Scopes } from '@styrgraf/model';
import type { MunicipalityList } from '../port.ts';
import { bySwedishName } from './order.ts';

export interface MunicipalityIndex {
  municipalityOf: ReadonlyMap<string, string>;
  scopes: Scopes;
  /** What `Store.municipalities` answers. */
  list: MunicipalityList;
}

/** Who belongs where, each scope and its counts: what both stores build once from the data set (the embedded one in memory, graph:load in Neo4j). */
export function indexMunicipalities(entities: Entity[], relations: Relation[]): MunicipalityIndex {
  const membership = analyseMunicipalities(entities, relations);
  const { scopes } = membership;
  const counts = countScopes(scopes);
  const kommun = new Map(membership.municipalities.map((m) => [m.id, m]));
  return {
    municipalityOf: membership.municipalityOf,
    scopes,
    list: {
      municipalities: counts.municipalities.map(({ id, ...c }) => ({ entity: kommun.get(id)!, ...c })).sort((a, b) => bySwedishName(a.entity, b.entity)),
      overview: counts.overview,
    },
  };
}
