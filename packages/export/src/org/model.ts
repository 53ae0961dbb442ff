import { PARTICIPATION_ROLES, RELATION_KINDS, type ActorEntity, type Bilingual, type Entity, type Relation } from '@styrgraf/model';
import type { ExportSelection } from '../selection.ts';
import { iri, kindProperty } from './namespaces.ts';

export type Term = { iri: string } | { value: string; lang?: 'sv' | 'en'; datatype?: string };

/** One RDF subject with its types and (predicate, object) pairs, in the order written. */
export interface RdfNode {
  id: string;
  types: string[];
  props: [predicate: string, object: Term][];
}

export interface OrgOptions {
  /** Where the data set's entities are named; default `urn:styrgraf:<dataset id>:`. */
  baseIri?: string;
}

const ORGANISATION_KINDS = new Set(['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION']);
const PARTICIPATION_KINDS = new Set<string>(PARTICIPATION_ROLES);

/**
 * The selection as W3C ORG resources: organisations, units, posts and roles
 * with ORG's own properties where ORG has one (subOrganizationOf, hasUnit,
 * postIn, role, reportsTo, memberOf, ChangeEvent), every relation also as a
 * direct `sg:` property, and as an `rdf:Statement` that carries its family,
 * evidence, citations and dates, which a plain triple cannot.
 */
export function orgGraph(selection: ExportSelection, options: OrgOptions = {}): RdfNode[] {
  const base = options.baseIri ?? `urn:styrgraf:${selection.dataset.id}:`;
  const entityIri = (id: string) => `${base}${encodeURIComponent(id)}`;
  const nodes = new Map<string, RdfNode>();
  const node = (id: string, types: string[] = []): RdfNode => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, types: [], props: [] }));
    for (const t of types) if (!n.types.includes(t)) n.types.push(t);
    return n;
  };
  const link = (predicate: string, target: string): [string, Term] => [predicate, { iri: target }];
  const text = (predicate: string, value: Bilingual | undefined): [string, Term][] =>
    value
      ? [
          [predicate, { value: value.sv, lang: 'sv' }],
          [predicate, { value: value.en, lang: 'en' }],
        ]
      : [];
  const date = (predicate: string, value: string | undefined): [string, Term][] => (value ? [[predicate, { value, datatype: iri('xsd', 'date') }]] : []);
  const plain = (predicate: string, value: string | undefined): [string, Term][] => (value ? [[predicate, { value }]] : []);

  const cited = new Set<string>();
  const cite = (ids: readonly string[]) =>
    ids.map((id) => {
      cited.add(id);
      return link(iri('sg', 'cites'), entityIri(id));
    });

  const datasetIri = base.replace(/[:/#]$/, '');
  node(datasetIri, [iri('sg', 'Dataset')]).props.push(
    ...text(iri('dct', 'title'), selection.dataset.name),
    ...plain(iri('sg', 'version'), selection.dataset.version),
    ...plain(iri('sg', 'digest'), selection.dataset.digest),
    ...date(iri('sg', 'asOf'), selection.asOf ?? undefined),
  );

  for (const entity of selection.entities) {
    const n = node(entityIri(entity.id), entityTypes(entity));
    n.props.push(
      ...plain(iri('dct', 'identifier'), entity.id),
      ...plain(iri('sg', 'kind'), entity.kind),
      ...text(iri('skos', 'prefLabel'), entity.name),
      ...entity.abbreviations.map((a): [string, Term] => [iri('skos', 'altLabel'), { value: a, lang: 'sv' }]),
      ...entity.aliases.map((a): [string, Term] => [iri('skos', 'altLabel'), { value: a, lang: 'sv' }]),
      ...text(iri('dct', 'description'), entity.description),
      ...date(iri('sg', 'validFrom'), entity.validFrom),
      ...date(iri('sg', 'validTo'), entity.validTo),
      ...plain(iri('sg', 'confidence'), entity.confidence),
      ...entity.sources.map((s) => link(iri('dct', 'source'), s)),
      ...cite(entity.cites),
      link(iri('dct', 'isPartOf'), datasetIri),
    );
    if (isActor(entity)) {
      n.props.push(...plain(iri('sg', 'subtype'), entity.subtype));
      if (entity.postIn && !entity.generic) n.props.push(link(iri('org', 'postIn'), entityIri(entity.postIn)));
      if (entity.role) n.props.push(link(iri('org', 'role'), entityIri(entity.role)));
    }
    if (entity.kind === 'DECISION_AREA') {
      n.props.push(
        [iri('sg', 'settled'), { value: String(entity.settled !== false), datatype: iri('xsd', 'boolean') }],
        ...text(iri('sg', 'settledReason'), entity.settledReason),
        ...text(iri('sg', 'unsettled'), entity.unsettled),
      );
    }
  }

  const kindOf = new Map(selection.entities.map((e) => [e.id, e.kind]));
  for (const relation of selection.relations) {
    const from = entityIri(relation.from);
    const to = entityIri(relation.to);
    node(from).props.push(link(kindProperty(relation.kind), to));
    for (const [subject, predicate, object] of orgTriples(relation, kindOf))
      node(entityIri(subject)).props.push(link(iri('org', predicate), entityIri(object)));
    if (relation.kind === 'SUCCEEDS') {
      // ORG's history: the successor resulted from a change event that changed its predecessor.
      const event = `${base}change:${encodeURIComponent(relation.id)}`;
      node(event, [iri('org', 'ChangeEvent')]).props.push(
        link(iri('org', 'originalOrganization'), to),
        link(iri('org', 'resultingOrganization'), from),
        ...text(iri('dct', 'description'), relation.note),
        ...relation.sources.map((s) => link(iri('dct', 'source'), s)),
      );
      node(from).props.push(link(iri('org', 'resultedFrom'), event));
      node(to).props.push(link(iri('org', 'changedBy'), event));
    }
    const e = relation.evidence;
    const statement = node(`${base}relation:${encodeURIComponent(relation.id)}`, [
      iri('rdf', 'Statement'),
      iri('sg', 'Relation'),
      ...(relation.family === 'CONSULTATION' ? [iri('sg', 'Consultation')] : []),
      ...(PARTICIPATION_KINDS.has(relation.kind) ? [iri('sg', 'Participation')] : []),
    ]);
    statement.props.push(
      link(iri('rdf', 'subject'), from),
      link(iri('rdf', 'predicate'), kindProperty(relation.kind)),
      link(iri('rdf', 'object'), to),
      ...plain(iri('sg', 'family'), relation.family),
      ...plain(iri('sg', 'kind'), relation.kind),
      ...text(iri('skos', 'prefLabel'), relation.label ?? RELATION_KINDS[relation.kind].label),
      ...plain(iri('sg', 'evidenceStatus'), e.status),
      ...(e.quote ? [[iri('sg', 'quote'), { value: e.quote, lang: 'sv' }] as [string, Term]] : []),
      ...(e.provision ? [link(iri('sg', 'quotedFrom'), entityIri(e.provision))] : []),
      ...text(iri('sg', 'evidenceNote'), e.note),
      ...(e.readings ?? []).flatMap((r) => text(iri('sg', 'reading'), r)),
      ...plain(iri('sg', 'confidence'), e.confidence),
      ...plain(iri('sg', 'attested'), e.attested),
      ...text(iri('rdfs', 'comment'), relation.note),
      ...date(iri('sg', 'validFrom'), relation.validFrom),
      ...date(iri('sg', 'validTo'), relation.validTo),
      ...relation.sources.map((s) => link(iri('dct', 'source'), s)),
      ...cite(relation.cites),
    );
    if (e.provision) cited.add(e.provision);
  }

  // The provisions cited, with their words, so that a citation can be read without the YAML.
  for (const id of [...cited].sort()) {
    const p = selection.provisions.get(id);
    if (!p) continue;
    node(entityIri(id), [iri('sg', 'Provision')]).props.push(
      ...plain(iri('dct', 'identifier'), id),
      link(iri('dct', 'isPartOf'), entityIri(p.document)),
      ...plain(iri('sg', 'reference'), p.reference),
      ...plain(iri('sg', 'section'), p.section),
      [iri('sg', 'text'), { value: p.text, lang: 'sv' }],
      ...plain(iri('sg', 'textKind'), p.textKind),
    );
    const d = selection.documents.get(p.document);
    if (d && !nodes.has(entityIri(d.id))) {
      node(entityIri(d.id), [iri('sg', 'SourceDocument')]).props.push(
        ...plain(iri('dct', 'identifier'), d.reference ?? d.id),
        ...text(iri('dct', 'title'), d.name),
        ...(d.url ? [link(iri('dct', 'source'), d.url)] : []),
      );
    }
  }
  return [...nodes.values()];
}

function isActor(entity: Entity): entity is ActorEntity {
  return ORGANISATION_KINDS.has(entity.kind) || entity.kind === 'ROLE';
}

function entityTypes(entity: Entity): string[] {
  switch (entity.kind) {
    case 'POLITICAL_BODY':
      return [iri('org', 'Organization'), iri('sg', 'PoliticalBody')];
    case 'UNIT':
      // ORG infers Organization from OrganizationalUnit; stated too, for readers that do not reason.
      return [iri('org', 'OrganizationalUnit'), iri('org', 'Organization')];
    case 'COMPANY':
      return [iri('org', 'FormalOrganization'), iri('org', 'Organization'), iri('sg', 'Company')];
    case 'ORGANISATION':
      return [iri('org', 'Organization')];
    case 'ROLE':
      return [entity.generic ? iri('org', 'Role') : iri('org', 'Post')];
    case 'DECISION_AREA':
      return [iri('sg', 'DecisionArea')];
    case 'PROVISION':
      return [iri('sg', 'Provision')];
    case 'SOURCE_DOCUMENT':
      return [iri('sg', 'SourceDocument')];
    case 'WORKSHOP_QUESTION':
      return [iri('sg', 'WorkshopQuestion')];
    case 'GLOSSARY_TERM':
      return [iri('skos', 'Concept')];
  }
}

/** The ORG properties a relation implies, as (subject id, org property, object id). */
function orgTriples(relation: Relation, kindOf: ReadonlyMap<string, string>): [string, string, string][] {
  const orgs = ORGANISATION_KINDS.has(kindOf.get(relation.from) ?? '') && ORGANISATION_KINDS.has(kindOf.get(relation.to) ?? '');
  switch (relation.kind) {
    case 'PART_OF':
      if (!orgs) return [];
      return kindOf.get(relation.from) === 'UNIT'
        ? [
            [relation.from, 'unitOf', relation.to],
            [relation.to, 'hasUnit', relation.from],
            [relation.from, 'subOrganizationOf', relation.to],
          ]
        : [
            [relation.from, 'subOrganizationOf', relation.to],
            [relation.to, 'hasSubOrganization', relation.from],
          ];
    case 'OWNS':
      return orgs
        ? [
            [relation.to, 'subOrganizationOf', relation.from],
            [relation.from, 'hasSubOrganization', relation.to],
          ]
        : [];
    case 'REPORTS_TO':
      return [[relation.from, 'reportsTo', relation.to]];
    case 'MANAGES':
      return [[relation.to, 'reportsTo', relation.from]];
    case 'MEMBER_OF':
      return [[relation.from, 'memberOf', relation.to]];
    default:
      return [];
  }
}
