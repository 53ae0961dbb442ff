import { isValidAt, type Entity, type EntityKind, type Relation, type RelationFamily, type Scope } from '@styrgraf/model';
import type { GraphArgs, MunicipalityList, OverviewArgs, Subgraph } from '../port.ts';
import { filterCooperatively, type Slice } from '../shared/cooperate.ts';
import { indexMunicipalities } from '../shared/municipalities.ts';

/**
 * The embedded store's municipalities: who belongs where (derived by the
 * model from the structure), each scope's entities and relations and their
 * counts, all built with the store. A scoped view or the overview filters
 * its scope's lists (a municipality of the national set: ~90 entities and
 * ~150 relations), so its cost does not grow with the country.
 */
export class MunicipalityScopes {
  private readonly of: ReadonlyMap<string, string>;
  private readonly roots: ReadonlySet<string>;
  private readonly scopes: ReadonlyMap<string, Scope>;
  private readonly overviewScope: Scope;
  readonly list: MunicipalityList;

  /** Both lists ordered by id, so that every scope's lists are too. */
  constructor(entities: Entity[], relations: Relation[]) {
    const index = indexMunicipalities(entities, relations);
    this.of = index.municipalityOf;
    this.scopes = index.scopes.municipalities;
    this.roots = new Set(this.scopes.keys());
    this.overviewScope = index.scopes.overview;
    this.list = index.list;
  }

  /** The municipality an entity belongs to; null for a shared or unknown one. */
  municipalityOf(id: string): string | null {
    return this.of.get(id) ?? null;
  }

  /** In the municipality's search scope: its own, or shared. */
  searchable(id: string, municipality: string): boolean {
    const m = this.of.get(id);
    return m === undefined || m === municipality;
  }

  /**
   * The municipality's view: its own entities the filter admits, the shared
   * ones an allowed relation joins to them, and the allowed relations among
   * all of these. An unknown municipality has an empty view.
   */
  async graph(municipality: string, args: GraphArgs, slice: Slice): Promise<Subgraph> {
    const scope = this.scopes.get(municipality);
    if (!scope) return { nodes: [], edges: [] };
    const { admits, allows } = filters(args);
    const candidates = new Set((await filterCooperatively(scope.entities, slice, admits)).map((e) => e.id));
    const own = (id: string) => this.of.get(id) === municipality;
    const allowed = await filterCooperatively(scope.relations, slice, (r) => allows(r) && candidates.has(r.from) && candidates.has(r.to));
    const members = new Set([...candidates].filter(own));
    for (const r of allowed) {
      if (own(r.from) && !own(r.to)) members.add(r.to);
      if (own(r.to) && !own(r.from)) members.add(r.from);
    }
    return {
      nodes: scope.entities.filter((e) => members.has(e.id)),
      edges: allowed.filter((r) => members.has(r.from) && members.has(r.to)),
    };
  }

  /** Every municipality in force, the shared entities the filter admits, and the allowed relations among them. */
  async overview(args: OverviewArgs, slice: Slice): Promise<Subgraph> {
    const { admits, allows } = filters(args);
    const nodes = await filterCooperatively(this.overviewScope.entities, slice, (e) => (this.roots.has(e.id) ? isValidAt(e, args.asOf) : admits(e)));
    const ids = new Set(nodes.map((e) => e.id));
    const edges = await filterCooperatively(this.overviewScope.relations, slice, (r) => allows(r) && ids.has(r.from) && ids.has(r.to));
    return { nodes, edges };
  }
}

function filters({
  kinds,
  families,
  asOf,
}: {
  kinds?: readonly EntityKind[] | undefined;
  families?: readonly RelationFamily[] | undefined;
  asOf?: string | null | undefined;
}) {
  const kindSet = kinds ? new Set(kinds) : null;
  const familySet = families ? new Set(families) : null;
  return {
    admits: (e: Entity) => (!kindSet || kindSet.has(e.kind)) && isValidAt(e, asOf),
    // The ends are checked apart, against the admitted entities.
    allows: (r: Relation) => r.from !== r.to && (!familySet || familySet.has(r.family)) && isValidAt(r, asOf),
  };
}
