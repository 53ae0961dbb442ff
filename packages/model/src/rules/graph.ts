import { isValidAt } from '../dates.ts';
import { inText } from '../explain.ts';
import type { ActorEntity, DecisionAreaEntity, Entity, Relation } from '../types.ts';
import type { Bilingual, RelationKind } from '../vocabulary.ts';
import { addTo } from '../group.ts';

/** What a rule check reads: the whole data set, every date, and the date it is asked about. */
export interface RuleInput {
  entities: readonly Entity[];
  relations: readonly Relation[];
}

/** The reference the Local Government Act carries in the data ("SFS 2017:725"), by which rules find its sections. */
const LOCAL_GOVERNMENT_ACT = 'SFS 2017:725';

/**
 * The data set indexed for the rules: entities by id, relations by end and
 * kind, each filtered to the date asked about where a rule wants it.
 */
export class RuleGraph {
  readonly entities = new Map<string, Entity>();
  readonly relations: readonly Relation[];
  private readonly outgoing = new Map<string, Relation[]>();
  private readonly incoming = new Map<string, Relation[]>();

  constructor(
    input: RuleInput,
    readonly asOf: string,
  ) {
    for (const e of input.entities) this.entities.set(e.id, e);
    for (const r of input.relations) {
      addTo(this.outgoing, r.from, r);
      addTo(this.incoming, r.to, r);
    }
    this.relations = input.relations;
  }

  entity<T extends Entity = Entity>(id: string): T | undefined {
    return this.entities.get(id) as T | undefined;
  }

  /** Entities of a kind (and subtype) in force on the date, by id. */
  current<T extends Entity = ActorEntity>(kind: Entity['kind'], subtype?: string): T[] {
    return [...this.entities.values()]
      .filter((e) => e.kind === kind && (!subtype || (e as ActorEntity).subtype === subtype) && isValidAt(e, this.asOf))
      .sort((a, b) => (a.id < b.id ? -1 : 1)) as T[];
  }

  /** Every entity of a kind and subtype, whatever its dates. */
  all<T extends Entity = ActorEntity>(kind: Entity['kind'], subtype?: string): T[] {
    return [...this.entities.values()]
      .filter((e) => e.kind === kind && (!subtype || (e as ActorEntity).subtype === subtype))
      .sort((a, b) => (a.id < b.id ? -1 : 1)) as T[];
  }

  /** A relation in force on the date: its own dates and both its ends. */
  inForce(r: Relation): boolean {
    const [from, to] = [this.entities.get(r.from), this.entities.get(r.to)];
    return isValidAt(r, this.asOf) && !!from && !!to && isValidAt(from, this.asOf) && isValidAt(to, this.asOf);
  }

  out(id: string, kinds: readonly RelationKind[], dated = true): Relation[] {
    return (this.outgoing.get(id) ?? []).filter((r) => kinds.includes(r.kind) && (!dated || this.inForce(r)));
  }

  into(id: string, kinds: readonly RelationKind[], dated = true): Relation[] {
    return (this.incoming.get(id) ?? []).filter((r) => kinds.includes(r.kind) && (!dated || this.inForce(r)));
  }

  /** The decision areas in force, with the participants in force. */
  areas(): DecisionAreaEntity[] {
    return this.current<DecisionAreaEntity>('DECISION_AREA').map((a) => ({ ...a, participants: a.participants.filter((p) => isValidAt(p, this.asOf)) }));
  }

  /** The administration (förvaltning) a unit belongs to, following "part of" upwards; undefined outside one. */
  administrationOf(unitId: string, dated = true): string | undefined {
    const seen = new Set<string>();
    const queue = [unitId];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const e = this.entities.get(id) as ActorEntity | undefined;
      if (e?.kind === 'UNIT' && e.subtype === 'förvaltning') return id;
      for (const r of this.out(id, ['PART_OF'], dated)) queue.push(r.to);
    }
    return undefined;
  }

  /**
   * Whether an actor is employed in the municipality's administration: a post
   * (or a generic role) whose organisation lies in a förvaltning, or a role
   * heading one. Elected posts and company posts are not.
   */
  isEmployee(actorId: string): boolean {
    const actor = this.entities.get(actorId) as ActorEntity | undefined;
    if (actor?.kind !== 'ROLE') return false;
    if (actor.postIn && this.administrationOf(actor.postIn)) return true;
    return this.out(actorId, ['HEADS']).some((r) => (this.entities.get(r.to) as ActorEntity | undefined)?.subtype === 'förvaltning');
  }

  /** The provisions of the Local Government Act with these references ("7 kap. 6 §"), where the data set has them. */
  law(references: readonly string[]): string[] {
    const act = [...this.entities.values()].find((e) => e.kind === 'SOURCE_DOCUMENT' && e.reference === LOCAL_GOVERNMENT_ACT);
    if (!act) return [];
    return [...this.entities.values()]
      .filter((e) => e.kind === 'PROVISION' && e.document === act.id && !!e.reference && references.includes(e.reference))
      .sort((a, b) => references.indexOf((a as { reference: string }).reference) - references.indexOf((b as { reference: string }).reference))
      .map((e) => e.id);
  }

  /** How an entity is named in a sentence, in both languages. */
  name(id: string): Bilingual {
    const e = this.entities.get(id);
    return e ? { sv: inText(e, 'sv'), en: inText(e, 'en') } : { sv: id, en: id };
  }

  /** An entity's own name, as a heading ("Verkställighet av kommunstyrelsens beslut"). */
  title(id: string): Bilingual {
    return this.entities.get(id)?.name ?? { sv: id, en: id };
  }

  /** The same, at the start of a sentence. */
  Name(id: string): Bilingual {
    const { sv, en } = this.name(id);
    return { sv: sv.charAt(0).toLocaleUpperCase('sv') + sv.slice(1), en: en.charAt(0).toLocaleUpperCase('en') + en.slice(1) };
  }
}

/** Both languages of a sentence built from parts: `say((l) => …)`. */
export function say(build: (lang: 'sv' | 'en') => string): Bilingual {
  return { sv: build('sv'), en: build('en') };
}

/** A count with its noun in the right number: `count(1, { sv: 'kontor', en: 'office' }, { sv: 'kontor', en: 'offices' }, 'sv')`. */
export function count(n: number, one: Bilingual, many: Bilingual, lang: 'sv' | 'en'): string {
  return `${n} ${(n === 1 ? one : many)[lang]}`;
}
