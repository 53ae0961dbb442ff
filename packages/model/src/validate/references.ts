import { closestId } from '../errors.ts';
import type { ActorEntity, Entity, Evidence, Relation, Validity } from '../types.ts';
import { isActorKind, type EntityKind } from '../vocabulary.ts';
import type { IssueList, Place } from './issues.ts';

/** Kinds of organisation a post sits in and a generic role may not be joined to. */
const ORGANISATION_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION'];

/** Text as the quote check compares it: runs of white space made one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether each part of a quote ("a … b") stands in the text, in order. */
export function quoteStandsIn(quote: string, text: string): boolean {
  const haystack = squeeze(text);
  let from = 0;
  for (const part of squeeze(quote).split(/ ?… ?/)) {
    if (!part) return false;
    const at = haystack.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}

/** The checks every kind of record shares: its references, citations, evidence, dates and posts. */
export class ReferenceChecker {
  constructor(
    private readonly entities: Map<string, Entity>,
    private readonly ids: string[],
    private readonly issues: IssueList,
  ) {}

  /** True when `id` names an entity of an accepted kind; otherwise records why not. */
  ref(id: string, place: Place, what: string, accept?: (kind: EntityKind) => boolean): boolean {
    const target = this.entities.get(id);
    if (!target) {
      const hint = closestId(id, this.ids);
      this.issues.add('DANGLING_REFERENCE', place, `unknown ${what} "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
      return false;
    }
    if (accept && !accept(target.kind)) {
      this.issues.add('WRONG_KIND', place, `"${id}" is a ${target.kind}, which cannot be used as ${what} here`);
      return false;
    }
    return true;
  }

  citations(item: { cites: string[]; sources: string[] }, place: Place, what: string): void {
    if (item.cites.length === 0 && item.sources.length === 0) {
      this.issues.add('MISSING_CITATION', place, `${what} cites no provision and no source; add "cites" (provision ids) or "sources" (URLs)`);
    }
  }

  /**
   * What each status asks of the record, and for a quote, that it stands in
   * a provision the record cites. Returns the evidence with the quoted
   * provision filled in.
   */
  evidence(evidence: Evidence, item: { cites: string[]; sources: string[] }, place: Place, what: string): Evidence {
    const at = (field: string): Place => ({ ...place, path: [...place.path, 'evidence', field] });
    const need = (ok: boolean, field: string, message: string) => ok || this.issues.add('EVIDENCE', at(field), `${what}: ${message}`);
    switch (evidence.status) {
      case 'STATED':
        need(!!evidence.quote, 'quote', 'STATED evidence quotes the words of a cited provision that say it');
        break;
      case 'INTERPRETED':
        need(!!evidence.note, 'note', 'INTERPRETED evidence writes the reading down in note (sv and en)');
        break;
      case 'CONTESTED':
        need((evidence.readings?.length ?? 0) >= 2, 'readings', 'CONTESTED evidence records every reading the text allows, at least two');
        break;
      case 'SOURCED':
        need(item.sources.length > 0, 'status', 'SOURCED evidence rests on a source: add its URL to sources');
        need(!!evidence.confidence, 'confidence', 'SOURCED evidence says how far the source carries the fact: confidence HIGH, MEDIUM or LOW');
        break;
    }
    need(evidence.status === 'CONTESTED' || !evidence.readings, 'readings', 'only CONTESTED evidence records readings');
    need(evidence.status === 'SOURCED' || !evidence.confidence, 'confidence', 'confidence belongs to SOURCED evidence; a provision carries its own');
    if (!evidence.quote) {
      need(!evidence.provision, 'provision', 'provision names where the quote stands; give the quote too');
      return evidence;
    }
    const cited = evidence.provision ? [evidence.provision] : item.cites;
    if (evidence.provision && !item.cites.includes(evidence.provision)) {
      need(false, 'provision', `"${evidence.provision}" is not among the provisions cited (${item.cites.join(', ') || 'none'})`);
      return evidence;
    }
    const found = cited.find((id) => {
      const p = this.entities.get(id);
      return p?.kind === 'PROVISION' && quoteStandsIn(evidence.quote!, p.text);
    });
    if (!found) {
      need(
        false,
        'quote',
        `the quote "${evidence.quote}" does not stand in ${cited.length > 0 ? `the text of ${cited.join(', ')}` : 'any cited provision (cite one)'}; quote the words as they stand, joining parts with " … "`,
      );
      return evidence;
    }
    return { ...evidence, provision: found };
  }

  /** A post names a generic role of its own kind and the organisation it sits in; a generic role is no post. */
  post(actor: ActorEntity, place: Place): void {
    const at = (field: string): Place => ({ ...place, path: [...place.path, field] });
    if (actor.postIn) this.ref(actor.postIn, at('postIn'), 'organisation', (k) => ORGANISATION_KINDS.includes(k));
    if (!actor.role) return;
    if (actor.generic) this.issues.add('SCHEMA', at('role'), 'a generic role stands for posts; it is not itself a post of another role');
    if (!actor.postIn) this.issues.add('SCHEMA', at('postIn'), `a post of the role "${actor.role}" names the organisation it sits in (postIn)`);
    if (!this.ref(actor.role, at('role'), 'generic role', isActorKind)) return;
    const role = this.entities.get(actor.role) as ActorEntity;
    if (!role.generic) this.issues.add('WRONG_KIND', at('role'), `"${role.id}" is not marked generic: true; a post's role names the generic role it is one of`);
    else if (role.kind !== actor.kind)
      this.issues.add('WRONG_KIND', at('role'), `"${role.id}" is a ${role.kind} and "${actor.id}" a ${actor.kind}; a post is of its role's kind`);
  }

  /** A generic role stands for a post in many organisations: joined to one of them, it would bridge them all. */
  genericEnds(relation: Relation, place: Place): void {
    const [from, to] = [this.entities.get(relation.from) as ActorEntity, this.entities.get(relation.to) as ActorEntity];
    for (const [end, other, field] of [
      [from, to, 'from'],
      [to, from, 'to'],
    ] as const) {
      if (!end.generic || !ORGANISATION_KINDS.includes(other.kind)) continue;
      this.issues.add(
        'WRONG_KIND',
        { ...place, path: [...place.path, field] },
        `"${end.id}" is a generic role and cannot be joined to one organisation ("${other.id}"): link the post of that organisation (an actor with role: ${end.id}, postIn: ${other.id}) instead`,
      );
    }
  }

  dates(item: Validity, place: Place): void {
    if (item.validFrom && item.validTo && item.validFrom > item.validTo) {
      this.issues.add('INVALID_DATES', { ...place, path: [...place.path, 'validTo'] }, `validTo ${item.validTo} is before validFrom ${item.validFrom}`);
    }
  }

  /** A relation that can never hold because an endpoint did not exist while it was valid. */
  overlap(relation: Relation, from: Entity, to: Entity, place: Place): void {
    for (const end of [from, to]) {
      const start = relation.validFrom ?? '0000-01-01';
      const stop = relation.validTo ?? '9999-12-31';
      if ((end.validTo && start > end.validTo) || (end.validFrom && stop < end.validFrom)) {
        this.issues.add('INVALID_DATES', place, `relation is never valid: "${end.id}" exists only ${end.validFrom ?? '…'} – ${end.validTo ?? '…'}`);
      }
    }
  }
}
