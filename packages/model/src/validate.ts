import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { closestId, type ValidationCode, type ValidationIssue } from './errors.ts';
import type { LoadResult, ParsedFile } from './load.ts';
import { formatPath } from './load.ts';
import type { GraphFile } from './schema.ts';
import { isValidAt } from './dates.ts';
import { digestOf } from './digest.ts';
import type { ActorEntity, DatasetMeta, Entity, Evidence, Origin, Relation, Tour, TourStep, Validity } from './types.ts';
import {
  familyOf,
  isActorKind,
  RELATION_KINDS,
  relationSpec,
  type EntityKind,
  type RelationKind,
} from './vocabulary.ts';

/** Stands in for evidence a record lacks, so that checking can go on; a data set with a missing evidence is never returned. */
const NO_EVIDENCE: Evidence = Object.freeze({ status: 'SOURCED' });

/** Kinds of organisation a post sits in and a generic role may not be joined to. */
const ORGANISATION_KINDS: readonly EntityKind[] = ['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION'];

type Place = { file: ParsedFile; key: keyof GraphFile; path: (string | number)[] };

/** Collects issues with their place; `at` resolves the line lazily from the parsed file. */
class IssueList {
  readonly items: ValidationIssue[] = [];
  add(code: ValidationCode, place: Place, message: string): void {
    const [index, ...rest] = place.path;
    const line = typeof index === 'number' ? place.file.lineOf(place.key, index, ...rest) : place.file.lineOf(place.key, 0);
    this.items.push({ code, file: place.file.path, line, field: formatPath([place.key, ...place.path]), message });
  }
}

export function relationId(from: string, kind: RelationKind, to: string): string {
  return `${from}.${kind.toLowerCase()}.${to}`;
}

/** Cross-file validation and assembly of the parsed files into one data set. All or nothing. */
export function assembleDataset(files: ParsedFile[]): LoadResult {
  const issues = new IssueList();
  const entities = new Map<string, Entity>();
  const entityPlace = new Map<string, Place>();
  const relations: Relation[] = [];
  const relationPlace = new Map<Relation, Place>();
  const tours: Tour[] = [];
  const tourPlace = new Map<Tour, Place>();
  let meta: DatasetMeta | undefined;
  let metaPlace: Place | undefined;

  const origin = (place: Place): Origin => {
    const [index] = place.path;
    return { file: place.file.path, line: typeof index === 'number' ? place.file.lineOf(place.key, index) : 0 };
  };
  const addEntity = (entity: Entity, place: Place) => {
    const first = entityPlace.get(entity.id);
    if (first) {
      issues.add('DUPLICATE_ID', { ...place, path: [...place.path, 'id'] }, `id "${entity.id}" is already used at ${first.file.path}:${origin(first).line}`);
      return;
    }
    entity.origin = origin(place);
    entities.set(entity.id, entity);
    entityPlace.set(entity.id, place);
  };

  for (const file of files) {
    const d = file.data;
    if (d.meta) {
      const place: Place = { file, key: 'meta', path: [] };
      if (meta && metaPlace) issues.add('DUPLICATE_ID', place, `meta is already given in ${metaPlace.file.path}`);
      else {
        meta = d.meta;
        metaPlace = place;
      }
    }
    d.documents?.forEach((e, i) => addEntity({ ...e, kind: 'SOURCE_DOCUMENT' }, { file, key: 'documents', path: [i] }));
    d.provisions?.forEach((e, i) => addEntity({ ...e, kind: 'PROVISION' }, { file, key: 'provisions', path: [i] }));
    d.entities?.forEach((e, i) => addEntity({ ...e }, { file, key: 'entities', path: [i] }));
    d.decisionAreas?.forEach((e, i) => {
      const participants = e.participants.map((p, j) => {
        if (!p.evidence) issues.add('MISSING_EVIDENCE', { file, key: 'decisionAreas', path: [i, 'participants', j] }, `participant "${p.actor}" (${p.role}) ${EVIDENCE_HELP}`);
        return {
          ...p,
          evidence: p.evidence ?? NO_EVIDENCE,
          origin: { file: file.path, line: file.lineOf('decisionAreas', i, 'participants', j) },
        };
      });
      addEntity({ ...e, kind: 'DECISION_AREA', participants }, { file, key: 'decisionAreas', path: [i] });
    });
    d.questions?.forEach((e, i) => addEntity({ ...e, kind: 'WORKSHOP_QUESTION' }, { file, key: 'questions', path: [i] }));
    d.glossary?.forEach((e, i) => addEntity({ ...e, kind: 'GLOSSARY_TERM' }, { file, key: 'glossary', path: [i] }));
    d.relations?.forEach((r, i) => {
      const relation: Relation = { ...r, id: r.id ?? relationId(r.from, r.kind, r.to), family: familyOf(r.kind), evidence: r.evidence ?? NO_EVIDENCE };
      const place: Place = { file, key: 'relations', path: [i] };
      if (!r.evidence) issues.add('MISSING_EVIDENCE', place, `relation ${r.kind} from "${r.from}" to "${r.to}" ${EVIDENCE_HELP}`);
      relation.origin = origin(place);
      relations.push(relation);
      relationPlace.set(relation, place);
    });
    d.tours?.forEach((t, i) => {
      const tour: Tour = { ...t, steps: t.steps };
      const place: Place = { file, key: 'tours', path: [i] };
      tour.origin = origin(place);
      tours.push(tour);
      tourPlace.set(tour, place);
    });
  }

  if (!meta) {
    issues.items.push({
      code: 'MISSING_META',
      file: files[0]?.path ?? '.',
      line: 0,
      field: 'meta',
      message: 'no file gives the data set its meta (id, name, version); add one, e.g. graph/meta.yaml',
    });
  }

  const ids = [...entities.keys()];
  const check = new ReferenceChecker(entities, ids, issues);

  // Derived relations: decision-area participations and the provision/question references.
  for (const entity of entities.values()) {
    const place = entityPlace.get(entity.id)!;
    if (entity.kind === 'DECISION_AREA') {
      entity.participants.forEach((p, j) => {
        const pPlace: Place = { ...place, path: [...place.path, 'participants', j] };
        if (!check.ref(p.actor, { ...pPlace, path: [...pPlace.path, 'actor'] }, 'actor', isActorKind)) return;
        check.citations(p, pPlace, `participant "${p.actor}" (${p.role})`);
        p.cites.forEach((c, k) => check.ref(c, { ...pPlace, path: [...pPlace.path, 'cites', k] }, 'provision', (kind) => kind === 'PROVISION'));
        if (p.evidence !== NO_EVIDENCE) p.evidence = check.evidence(p.evidence, p, pPlace, `participant "${p.actor}" (${p.role})`);
        const relation: Relation = {
          id: `${entity.id}.${p.role.toLowerCase()}.${p.actor}`,
          kind: p.role,
          family: familyOf(p.role),
          from: p.actor,
          to: entity.id,
          cites: p.cites,
          sources: p.sources,
          evidence: p.evidence,
          derivedFrom: 'PARTICIPATION',
          ...(p.note ? { note: p.note } : {}),
          ...(p.validFrom ? { validFrom: p.validFrom } : {}),
          ...(p.validTo ? { validTo: p.validTo } : {}),
          ...(p.origin ? { origin: p.origin } : {}),
        };
        relations.push(relation);
        relationPlace.set(relation, pPlace);
      });
      checkSettled(entity, place, issues);
      entity.notDelegable?.cites.forEach((c, j) => check.ref(c, { ...place, path: [...place.path, 'notDelegable', 'cites', j] }, 'provision', (k) => k === 'PROVISION'));
    }
    if (entity.kind === 'PROVISION') {
      if (check.ref(entity.document, { ...place, path: [...place.path, 'document'] }, 'document', (k) => k === 'SOURCE_DOCUMENT')) {
        const relation: Relation = {
          id: `${entity.id}.in_document.${entity.document}`,
          kind: 'IN_DOCUMENT',
          family: 'REFERENCE',
          from: entity.id,
          to: entity.document,
          cites: [entity.id],
          sources: [],
          // The provision is the document's own text: known from the source, as surely as its section number is.
          evidence: {
            status: 'SOURCED',
            confidence: entity.verified === false ? 'MEDIUM' : 'HIGH',
            note: { sv: 'Härlett: bestämmelsen är återgiven ur dokumentet.', en: 'Derived: the provision is reproduced from the document.' },
          },
          derivedFrom: 'REFERENCE',
          ...(entity.origin ? { origin: entity.origin } : {}),
        };
        relations.push(relation);
        relationPlace.set(relation, place);
      }
    }
    if (entity.kind === 'WORKSHOP_QUESTION') {
      entity.provisions.forEach((pid, j) => {
        const pPlace: Place = { ...place, path: [...place.path, 'provisions', j] };
        if (!check.ref(pid, pPlace, 'provision', (k) => k === 'PROVISION')) return;
        const relation: Relation = {
          id: `${pid}.answers.${entity.id}`,
          kind: 'ANSWERS',
          family: 'REFERENCE',
          from: pid,
          to: entity.id,
          cites: [pid],
          sources: [],
          // Grading a workshop question against the instruction is a reading of it: the grader's reason is that reading.
          evidence: { status: 'INTERPRETED', note: entity.reason },
          derivedFrom: 'REFERENCE',
          ...(entity.origin ? { origin: entity.origin } : {}),
        };
        relations.push(relation);
        relationPlace.set(relation, pPlace);
      });
      if (entity.status !== 'OPEN' && entity.provisions.length === 0) {
        issues.add('MISSING_CITATION', { ...place, path: [...place.path, 'provisions'] }, `a question marked ${entity.status} must name the provisions that answer it`);
      }
    }
    if (entity.kind === 'GLOSSARY_TERM') {
      entity.related.forEach((rid, j) => check.ref(rid, { ...place, path: [...place.path, 'related', j] }, 'related entity'));
    }
    if (entity.kind === 'SOURCE_DOCUMENT' && entity.adoptedBy) {
      check.ref(entity.adoptedBy, { ...place, path: [...place.path, 'adoptedBy'] }, 'adopting body', isActorKind);
    }
    if (entity.kind === 'SOURCE_DOCUMENT' && entity.governs) {
      check.ref(entity.governs, { ...place, path: [...place.path, 'governs'] }, 'governed actor', isActorKind);
    }
    if (isActorKind(entity.kind)) {
      check.citations(entity, place, `${entity.kind.toLowerCase().replace('_', ' ')} "${entity.id}"`);
      if (!entity.confidence) issues.add('SCHEMA', { ...place, path: [...place.path, 'confidence'] }, 'an organisational entity must state its confidence (HIGH or MEDIUM)');
      check.post(entity as ActorEntity, place);
    }
    entity.cites.forEach((c, j) => check.ref(c, { ...place, path: [...place.path, 'cites', j] }, 'provision', (k) => k === 'PROVISION'));
    check.dates(entity, place);
  }

  // Provisions: one order number per place in a document.
  const orderSeen = new Map<string, string>();
  for (const entity of entities.values()) {
    if (entity.kind !== 'PROVISION') continue;
    const key = `${entity.document}#${entity.order}`;
    const other = orderSeen.get(key);
    if (other) issues.add('DUPLICATE_ID', { ...entityPlace.get(entity.id)!, path: [...entityPlace.get(entity.id)!.path, 'order'] }, `order ${entity.order} in ${entity.document} is already used by "${other}"`);
    else orderSeen.set(key, entity.id);
  }

  const relationIds = new Map<string, Place>();
  for (const relation of relations) {
    const place = relationPlace.get(relation)!;
    const first = relationIds.get(relation.id);
    if (first) {
      issues.add('DUPLICATE_ID', place, `relation "${relation.id}" is given twice (first at ${first.file.path}:${origin(first).line})`);
      continue;
    }
    relationIds.set(relation.id, place);
    if (relation.derivedFrom) continue; // Checked above, at the record it came from.
    const spec = relationSpec(relation.kind);
    const fromOk = check.ref(relation.from, { ...place, path: [...place.path, 'from'] }, 'entity');
    const toOk = check.ref(relation.to, { ...place, path: [...place.path, 'to'] }, 'entity');
    if (fromOk && toOk) {
      const from = entities.get(relation.from)!;
      const to = entities.get(relation.to)!;
      if (!spec.from.includes(from.kind)) {
        issues.add('WRONG_KIND', { ...place, path: [...place.path, 'from'] }, `${relation.kind} cannot start at a ${from.kind} ("${from.id}"); allowed: ${spec.from.join(', ')}`);
      }
      if (!spec.to.includes(to.kind)) {
        issues.add('WRONG_KIND', { ...place, path: [...place.path, 'to'] }, `${relation.kind} cannot end at a ${to.kind} ("${to.id}"); allowed: ${spec.to.join(', ')}`);
      }
      if (relation.from === relation.to) issues.add('CYCLE', place, `${relation.kind} from "${relation.from}" to itself`);
      check.overlap(relation, from, to, place);
    }
    if (spec.participation) {
      issues.add('WRONG_KIND', { ...place, path: [...place.path, 'kind'] }, `${relation.kind} is a decision-area role: give it as a participant of the decision area, not as a relation`);
    }
    if (fromOk && toOk) check.genericEnds(relation, place);
    check.citations(relation, place, `relation ${relation.kind} from "${relation.from}" to "${relation.to}"`);
    relation.cites.forEach((c, j) => check.ref(c, { ...place, path: [...place.path, 'cites', j] }, 'provision', (k) => k === 'PROVISION'));
    if (relation.evidence !== NO_EVIDENCE) relation.evidence = check.evidence(relation.evidence, relation, place, `relation ${relation.kind} from "${relation.from}" to "${relation.to}"`);
    check.dates(relation, place);
  }

  const tourIds = new Map<string, Place>();
  for (const tour of tours) {
    const place = tourPlace.get(tour)!;
    const first = tourIds.get(tour.id);
    if (first) issues.add('DUPLICATE_ID', { ...place, path: [...place.path, 'id'] }, `tour id "${tour.id}" is already used at ${first.file.path}:${origin(first).line}`);
    else if (entities.has(tour.id)) issues.add('DUPLICATE_ID', { ...place, path: [...place.path, 'id'] }, `tour id "${tour.id}" is already an entity's id`);
    else tourIds.set(tour.id, place);
    tour.steps.forEach((step, s) => checkTourStep(step, { ...place, path: [...place.path, 'steps', s] }, entities, check, issues));
  }

  checkCycles(relations, relationPlace, issues);

  if (issues.items.length > 0 || !meta) return { ok: false, issues: issues.items };
  // One collator for every comparison: the same order as localeCompare, which builds one per call.
  const compare = new Intl.Collator().compare;
  const sortedEntities = [...entities.values()].sort((a, b) => compare(a.id, b.id));
  const sortedRelations = [...relations].sort((a, b) => compare(a.id, b.id));
  const sortedTours = [...tours].sort((a, b) => a.order - b.order || compare(a.id, b.id));
  return {
    ok: true,
    dataset: {
      meta,
      digest: digestOf(meta, sortedEntities, sortedRelations, sortedTours),
      entities: sortedEntities,
      relations: sortedRelations,
      tours: sortedTours,
    },
  };
}

/**
 * A step must point at things that exist, rest on provisions, and show what
 * it talks about: its focus and route in force on its date, a path with two
 * different ends, roles only where a decision area is in focus.
 */
function checkTourStep(step: TourStep, place: Place, entities: Map<string, Entity>, check: ReferenceChecker, issues: IssueList): void {
  const at = (...path: (string | number)[]): Place => ({ ...place, path: [...place.path, ...path] });
  const inForce = (id: string, field: Place) => {
    const entity = entities.get(id);
    if (step.asOf && entity && !isValidAt(entity, step.asOf)) {
      issues.add('INVALID_DATES', field, `"${id}" is not in force on ${step.asOf} (the step's asOf; it exists ${entity.validFrom ?? '…'} – ${entity.validTo ?? '…'}), so the graph would not show it`);
    }
  };
  step.focus.forEach((f, j) => {
    if (check.ref(f, at('focus', j), 'entity')) inForce(f, at('focus', j));
  });
  check.citations(step, place, 'a tour step');
  step.cites.forEach((c, j) => check.ref(c, at('cites', j), 'provision', (k) => k === 'PROVISION'));
  if (step.roles && !step.focus.some((f) => entities.get(f)?.kind === 'DECISION_AREA')) {
    issues.add('SCHEMA', at('roles'), '"roles" picks the participants of the decision areas in focus, but the step focuses no decision area');
  }
  if (step.path) {
    const route = [step.path.from, ...(step.path.via ?? []), step.path.to];
    const fields = [at('path', 'from'), ...(step.path.via ?? []).map((_, j) => at('path', 'via', j)), at('path', 'to')];
    route.forEach((id, j) => {
      if (check.ref(id, fields[j]!, 'entity')) inForce(id, fields[j]!);
      if (j > 0 && id === route[j - 1]) issues.add('SCHEMA', fields[j]!, `the path goes from "${id}" to itself; a leg needs two different entities`);
    });
  }
}

const EVIDENCE_HELP =
  'says nothing of how it is known: add evidence with status STATED (and a quote from a cited provision), INTERPRETED (and the reading in note), CONTESTED (and two or more readings) or SOURCED (and its confidence)';

/** A decision area names one decider, or says why the sources settle none (or more than one). */
function checkSettled(area: Extract<Entity, { kind: 'DECISION_AREA' }>, place: Place, issues: IssueList): void {
  if (area.settled === false && !area.settledReason) {
    issues.add('SCHEMA', { ...place, path: [...place.path, 'settledReason'] }, 'an area marked settled: false says why in settledReason (sv and en)');
  }
  if (area.settled !== false && area.settledReason) {
    issues.add('SCHEMA', { ...place, path: [...place.path, 'settledReason'] }, 'settledReason explains an unsettled decider: add settled: false, or leave the reason out');
  }
}

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

class ReferenceChecker {
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
      need(false, 'quote', `the quote "${evidence.quote}" does not stand in ${cited.length > 0 ? `the text of ${cited.join(', ')}` : 'any cited provision (cite one)'}; quote the words as they stand, joining parts with " … "`);
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
    else if (role.kind !== actor.kind) this.issues.add('WRONG_KIND', at('role'), `"${role.id}" is a ${role.kind} and "${actor.id}" a ${actor.kind}; a post is of its role's kind`);
  }

  /** A generic role stands for a post in many organisations: joined to one of them, it would bridge them all. */
  genericEnds(relation: Relation, place: Place): void {
    const [from, to] = [this.entities.get(relation.from) as ActorEntity, this.entities.get(relation.to) as ActorEntity];
    for (const [end, other, field] of [[from, to, 'from'], [to, from, 'to']] as const) {
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

/** Ownership and line management must be trees, not loops. */
function checkCycles(relations: Relation[], places: Map<Relation, Place>, issues: IssueList): void {
  const groups: { name: string; kinds: RelationKind[] }[] = [
    { name: 'ownership', kinds: ['OWNS', 'CO_OWNS'] },
    {
      name: 'line management',
      kinds: (Object.keys(RELATION_KINDS) as RelationKind[]).filter((k) => relationSpec(k).hierarchy),
    },
  ];
  for (const group of groups) {
    const graph = new DirectedGraph();
    const members = relations.filter((r) => group.kinds.includes(r.kind));
    const edge = (r: Relation) => (relationSpec(r.kind).hierarchy === 'up' ? [r.to, r.from] : [r.from, r.to]) as [string, string];
    for (const r of members) graph.mergeEdge(...edge(r));
    const componentOf = new Map<string, number>();
    stronglyConnectedComponents(graph).forEach((component, i) => {
      if (component.length > 1) for (const node of component) componentOf.set(node, i);
    });
    if (componentOf.size === 0) continue;
    // Report each loop once, at the first relation inside it.
    const reported = new Set<number>();
    for (const r of members) {
      const [parent, child] = edge(r);
      const c = componentOf.get(parent);
      if (c === undefined || c !== componentOf.get(child) || reported.has(c)) continue;
      reported.add(c);
      issues.add('CYCLE', places.get(r)!, `the ${group.name} relations form a loop through "${parent}" and "${child}"`);
    }
  }
}
