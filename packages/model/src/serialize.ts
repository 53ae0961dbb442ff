import { Document, isPair, isScalar, visit } from 'yaml';
import type { SourceFile } from './load.ts';
import type { GraphFile } from './schema.ts';
import type { Dataset, DecisionAreaEntity, Entity, Relation } from './types.ts';
import { relationId } from './validate.ts';
import type { ActorKind } from './vocabulary.ts';

/**
 * The inverse of the loader: a data set as the YAML files of a graph/
 * directory, split by concern as graph/ is, which `parseDataset` reads back to
 * the same digest. Derived relations (decision-area participations, provision
 * and question references) are not written: they come back from the records
 * they were derived from. Pure: the caller writes the files.
 */

const ACTOR_FILES: Record<ActorKind, string> = {
  POLITICAL_BODY: 'entities/political-bodies.yaml',
  ROLE: 'entities/roles.yaml',
  UNIT: 'entities/units.yaml',
  COMPANY: 'entities/companies.yaml',
  ORGANISATION: 'entities/organisations.yaml',
};

/** Fields the schema fills with [] when absent: left out when empty, as a person writes them. */
const DEFAULTED_LISTS = new Set(['abbreviations', 'aliases', 'cites', 'sources', 'alsoInSections', 'provisions', 'related', 'focus']);

/** The order a reader expects the fields of a record in; others follow alphabetically. */
const FIELD_ORDER = [
  'sv',
  'en',
  'id',
  'kind',
  'generic',
  'role',
  'postIn',
  'actor',
  'from',
  'to',
  'document',
  'order',
  'section',
  'topic',
  'reference',
  'subtype',
  'status',
  'quote',
  'provision',
  'readings',
  'name',
  'inText',
  'abbreviations',
  'aliases',
  'label',
  'inverseLabel',
  'textKind',
  'verified',
  'text',
  'title',
  'summary',
  'description',
  'definition',
  'reason',
  'provisions',
  'alsoInSections',
  'related',
  'participants',
  'steps',
  'focus',
  'path',
  'settled',
  'settledReason',
  'notDelegable',
  'unsettled',
  'adopted',
  'adoptedBy',
  'governs',
  'replaces',
  'url',
  'version',
  'confidence',
  'attested',
  'validFrom',
  'validTo',
  'asOf',
  'cites',
  'sources',
  'note',
  'evidence',
  'gaps',
  'synthetic',
];
const rank = (key: string) => {
  const i = FIELD_ORDER.indexOf(key);
  return i === -1 ? FIELD_ORDER.length : i;
};

/** A record as a file holds it: no load-time fields, no empty defaulted lists, fields in reading order. */
function plain(record: object, omit: readonly string[] = []): Record<string, unknown> {
  const entries = Object.entries(record).filter(
    ([key, value]) =>
      value !== undefined && key !== 'origin' && !omit.includes(key) && !(DEFAULTED_LISTS.has(key) && Array.isArray(value) && value.length === 0),
  );
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, value]) => [key, tidy(value)]));
}

function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === 'object') return plain(value);
  return value;
}

function entityRecord(entity: Entity): Record<string, unknown> {
  if (entity.kind === 'DECISION_AREA') {
    const area: DecisionAreaEntity = entity;
    return plain({ ...area, participants: area.participants.map((p) => plain(p)) }, ['kind']);
  }
  // Actors say their kind; every other kind is implied by the key of its file.
  return plain(entity, isActor(entity) ? [] : ['kind']);
}

function isActor(entity: Entity): entity is Entity & { kind: ActorKind } {
  return entity.kind in ACTOR_FILES;
}

function relationRecord(relation: Relation): Record<string, unknown> {
  const omit = ['family', 'derivedFrom'];
  // The id is written only where it is not the one the loader would give.
  if (relation.id === relationId(relation.from, relation.kind, relation.to)) omit.push('id');
  return plain(relation, omit);
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) => a.order - b.order || (a.id < b.id ? -1 : 1);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface SerializeOptions {
  /** A comment at the top of every file. */
  header?: string;
  /** Longest line before folding long text (default 100). */
  lineWidth?: number;
}

export function serializeDataset(dataset: Dataset, options: SerializeOptions = {}): SourceFile[] {
  const files = new Map<string, Partial<Record<keyof GraphFile, unknown[]>>>();
  const add = (path: string, key: keyof GraphFile, record: unknown) => {
    const file = files.get(path) ?? {};
    (file[key] ??= []).push(record);
    files.set(path, file);
  };

  const entities = [...dataset.entities].sort(byId);
  for (const entity of entities) {
    switch (entity.kind) {
      case 'SOURCE_DOCUMENT':
        add('documents.yaml', 'documents', entityRecord(entity));
        break;
      case 'PROVISION':
        break; // Below, grouped by document and in document order.
      case 'DECISION_AREA':
        add('decision-areas/decision-areas.yaml', 'decisionAreas', entityRecord(entity));
        break;
      case 'WORKSHOP_QUESTION':
        break; // Below, in checklist order.
      case 'GLOSSARY_TERM':
        add('glossary/terms.yaml', 'glossary', entityRecord(entity));
        break;
      default:
        add(ACTOR_FILES[entity.kind], 'entities', entityRecord(entity));
    }
  }
  const provisions = entities
    .filter((e) => e.kind === 'PROVISION')
    .sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : byOrder(a, b)));
  for (const p of provisions) add(`provisions/${p.document}.yaml`, 'provisions', entityRecord(p));
  const questions = entities.filter((e) => e.kind === 'WORKSHOP_QUESTION').sort(byOrder);
  for (const q of questions) add('workshop/questions.yaml', 'questions', entityRecord(q));

  for (const relation of [...dataset.relations].sort(byId)) {
    if (relation.derivedFrom) continue;
    add(`relations/${relation.family.toLowerCase()}.yaml`, 'relations', relationRecord(relation));
  }
  for (const tour of [...dataset.tours].sort(byOrder)) add('tours/tours.yaml', 'tours', plain(tour));

  const lineWidth = options.lineWidth ?? 100;
  const out: SourceFile[] = [{ path: 'meta.yaml', content: toYaml({ meta: plain(dataset.meta) }, options.header, lineWidth) }];
  for (const path of [...files.keys()].sort()) out.push({ path, content: toYaml(files.get(path)!, options.header, lineWidth) });
  return out;
}

function toYaml(content: object, header: string | undefined, lineWidth: number): string {
  const doc = new Document(content);
  // Short bilingual pairs on one line, as graph/ writes them: name: { sv: …, en: … }.
  visit(doc, {
    // Short lists of ids on one line, as graph/ writes them: cites: [kdi-inledning, kl-7-1].
    Seq(_key, node) {
      if (
        node.items.length <= 3 &&
        node.items.every((i) => isScalar(i) && typeof i.value === 'string' && !i.value.includes('://')) &&
        JSON.stringify(node.toJSON()).length <= 80
      )
        node.flow = true;
    },
    Map(_key, node, path) {
      const keys = node.items.map((i) => (isScalar(i.key) ? i.key.value : null));
      const short = node.items.every((i) => isScalar(i.value) && String(i.value.value).length <= 40);
      if (keys.length === 2 && keys[0] === 'sv' && keys[1] === 'en' && short) node.flow = true;
      // A short evidence on one line too: evidence: { status: SOURCED, confidence: HIGH }.
      const parent = path.at(-1);
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === 'evidence' && JSON.stringify(node.toJSON()).length <= 90) node.flow = true;
    },
  });
  if (header) doc.commentBefore = ` ${header}`;
  return doc.toString({ lineWidth, minContentWidth: 40 });
}
