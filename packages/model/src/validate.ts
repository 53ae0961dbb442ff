import type { LoadResult, LoadTimings, ParsedFile } from './load.ts';
import { digestOf } from './digest.ts';
import type { ActorEntity, DatasetMeta, Entity, Origin, Relation, Tour } from './types.ts';
import { familyOf, isActorKind, relationSpec, type RelationKind } from './vocabulary.ts';
import { checkCycles, checkSettled, checkTourStep } from './validate/checks.ts';
import { EVIDENCE_HELP, IssueList, NO_EVIDENCE, type Place } from './validate/issues.ts';
import { answersRelation, inDocumentRelation, participationRelation } from './validate/derive.ts';
import { ReferenceChecker } from './validate/references.ts';

/**
 * From parsed files to a data set: every record gathered with where it was
 * given, the relations the records imply derived, and each checked
 * (validate/references.ts, validate/checks.ts); any issue and nothing is
 * returned but the issues.
 */

export function relationId(from: string, kind: RelationKind, to: string): string {
  return `${from}.${kind.toLowerCase()}.${to}`;
}

/** Cross-file validation and assembly of the parsed files into one data set. All or nothing. */
export function assembleDataset(files: ParsedFile[], timings?: Pick<LoadTimings, 'digestMs'>): LoadResult {
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
    // Each parsed record becomes the entity or relation in place: a spread copy of every record, made while the parsed
    // files are still held, was that much more memory at the load's peak and garbage after it. Object.assign adds the
    // keys where the spread put them, so the records are the same, key order included.
    d.documents?.forEach((e, i) => addEntity(Object.assign(e, { kind: 'SOURCE_DOCUMENT' as const }), { file, key: 'documents', path: [i] }));
    d.provisions?.forEach((e, i) => addEntity(Object.assign(e, { kind: 'PROVISION' as const }), { file, key: 'provisions', path: [i] }));
    d.entities?.forEach((e, i) => addEntity(e, { file, key: 'entities', path: [i] }));
    d.decisionAreas?.forEach((e, i) => {
      const participants = e.participants.map((p, j) => {
        if (!p.evidence)
          issues.add('MISSING_EVIDENCE', { file, key: 'decisionAreas', path: [i, 'participants', j] }, `participant "${p.actor}" (${p.role}) ${EVIDENCE_HELP}`);
        return Object.assign(p, {
          evidence: p.evidence ?? NO_EVIDENCE,
          origin: { file: file.path, line: file.lineOf('decisionAreas', i, 'participants', j) },
        });
      });
      addEntity(Object.assign(e, { kind: 'DECISION_AREA' as const, participants }), { file, key: 'decisionAreas', path: [i] });
    });
    d.questions?.forEach((e, i) => addEntity(Object.assign(e, { kind: 'WORKSHOP_QUESTION' as const }), { file, key: 'questions', path: [i] }));
    d.glossary?.forEach((e, i) => addEntity(Object.assign(e, { kind: 'GLOSSARY_TERM' as const }), { file, key: 'glossary', path: [i] }));
    d.relations?.forEach((r, i) => {
      const place: Place = { file, key: 'relations', path: [i] };
      if (!r.evidence) issues.add('MISSING_EVIDENCE', place, `relation ${r.kind} from "${r.from}" to "${r.to}" ${EVIDENCE_HELP}`);
      const relation: Relation = Object.assign(r, {
        id: r.id ?? relationId(r.from, r.kind, r.to),
        family: familyOf(r.kind),
        evidence: r.evidence ?? NO_EVIDENCE,
      });
      relation.origin = origin(place);
      relations.push(relation);
      relationPlace.set(relation, place);
    });
    d.tours?.forEach((t, i) => {
      const tour: Tour = t;
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
        const relation = participationRelation(entity, p);
        relations.push(relation);
        relationPlace.set(relation, pPlace);
      });
      checkSettled(entity, place, issues);
      entity.notDelegable?.cites.forEach((c, j) =>
        check.ref(c, { ...place, path: [...place.path, 'notDelegable', 'cites', j] }, 'provision', (k) => k === 'PROVISION'),
      );
    }
    if (entity.kind === 'PROVISION') {
      if (check.ref(entity.document, { ...place, path: [...place.path, 'document'] }, 'document', (k) => k === 'SOURCE_DOCUMENT')) {
        const relation = inDocumentRelation(entity);
        relations.push(relation);
        relationPlace.set(relation, place);
      }
    }
    if (entity.kind === 'WORKSHOP_QUESTION') {
      entity.provisions.forEach((pid, j) => {
        const pPlace: Place = { ...place, path: [...place.path, 'provisions', j] };
        if (!check.ref(pid, pPlace, 'provision', (k) => k === 'PROVISION')) return;
        const relation = answersRelation(pid, entity);
        relations.push(relation);
        relationPlace.set(relation, pPlace);
      });
      if (entity.status !== 'OPEN' && entity.provisions.length === 0) {
        issues.add(
          'MISSING_CITATION',
          { ...place, path: [...place.path, 'provisions'] },
          `a question marked ${entity.status} must name the provisions that answer it`,
        );
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
      if (!entity.confidence)
        issues.add('SCHEMA', { ...place, path: [...place.path, 'confidence'] }, 'an organisational entity must state its confidence (HIGH or MEDIUM)');
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
    if (other)
      issues.add(
        'DUPLICATE_ID',
        { ...entityPlace.get(entity.id)!, path: [...entityPlace.get(entity.id)!.path, 'order'] },
        `order ${entity.order} in ${entity.document} is already used by "${other}"`,
      );
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
        issues.add(
          'WRONG_KIND',
          { ...place, path: [...place.path, 'from'] },
          `${relation.kind} cannot start at a ${from.kind} ("${from.id}"); allowed: ${spec.from.join(', ')}`,
        );
      }
      if (!spec.to.includes(to.kind)) {
        issues.add(
          'WRONG_KIND',
          { ...place, path: [...place.path, 'to'] },
          `${relation.kind} cannot end at a ${to.kind} ("${to.id}"); allowed: ${spec.to.join(', ')}`,
        );
      }
      if (relation.from === relation.to) issues.add('CYCLE', place, `${relation.kind} from "${relation.from}" to itself`);
      check.overlap(relation, from, to, place);
    }
    if (spec.participation) {
      issues.add(
        'WRONG_KIND',
        { ...place, path: [...place.path, 'kind'] },
        `${relation.kind} is a decision-area role: give it as a participant of the decision area, not as a relation`,
      );
    }
    if (fromOk && toOk) check.genericEnds(relation, place);
    check.citations(relation, place, `relation ${relation.kind} from "${relation.from}" to "${relation.to}"`);
    relation.cites.forEach((c, j) => check.ref(c, { ...place, path: [...place.path, 'cites', j] }, 'provision', (k) => k === 'PROVISION'));
    if (relation.evidence !== NO_EVIDENCE)
      relation.evidence = check.evidence(relation.evidence, relation, place, `relation ${relation.kind} from "${relation.from}" to "${relation.to}"`);
    check.dates(relation, place);
  }

  const tourIds = new Map<string, Place>();
  for (const tour of tours) {
    const place = tourPlace.get(tour)!;
    const first = tourIds.get(tour.id);
    if (first)
      issues.add('DUPLICATE_ID', { ...place, path: [...place.path, 'id'] }, `tour id "${tour.id}" is already used at ${first.file.path}:${origin(first).line}`);
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
  const digestStarted = performance.now();
  const digest = digestOf(meta, sortedEntities, sortedRelations, sortedTours);
  if (timings) timings.digestMs = performance.now() - digestStarted;
  return {
    ok: true,
    dataset: {
      meta,
      digest,
      entities: sortedEntities,
      relations: sortedRelations,
      tours: sortedTours,
    },
  };
}
