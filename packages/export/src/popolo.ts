import type { ActorEntity, Entity } from '@styrgraf/model';
import { citationsOf } from './citations.ts';
import { chooseParents, type ParentRule } from './parents.ts';
import { relationRecord } from './relation-record.ts';
import type { ExportSelection } from './selection.ts';

const ORGANISATION_KINDS = new Set(['POLITICAL_BODY', 'UNIT', 'COMPANY', 'ORGANISATION']);

/**
 * Which relation makes one organisation another's Popolo `parent_id`, most
 * telling first: owning a company, being part of a body, electing it, being
 * reported to, exercising the ownership. Popolo has one parent; every other
 * relation stays in the `styrgraf` extension.
 */
const PARENT_KINDS: readonly ParentRule[] = [
  { kind: 'OWNS', childIs: 'to' },
  { kind: 'PART_OF', childIs: 'from' },
  { kind: 'ELECTS', childIs: 'to' },
  { kind: 'REPORTS_TO', childIs: 'from' },
  { kind: 'EXERCISES_OWNERSHIP', childIs: 'to' },
];

/** Popolo's classification: the Swedish subtype where the data gives one ("nämnd", "kontor"), else the kind. */
const KIND_CLASSIFICATION: Record<string, string> = { POLITICAL_BODY: 'politiskt organ', UNIT: 'förvaltning', COMPANY: 'bolag', ORGANISATION: 'organisation' };

const link = (url: string) => ({ url });
const otherNames = (e: Entity) => [
  ...(e.name.en !== e.name.sv ? [{ name: e.name.en, note: 'en' }] : []),
  ...e.abbreviations.map((name) => ({ name, note: 'förkortning' })),
  ...e.aliases.map((name) => ({ name, note: 'alias' })),
];

/**
 * Popolo JSON (popoloproject.com): organizations, posts, memberships where
 * the data holds them (no persons: Styrgraf names none), and the rest of the
 * graph — every relation with its evidence and citations, the decision areas —
 * under the documented extension property `styrgraf`.
 */
export function toPopolo(selection: ExportSelection): object {
  const present = new Map(selection.entities.map((e) => [e.id, e]));
  const parents = chooseParents(selection, PARENT_KINDS, isOrganisation);
  const parentOf = (id: string) => parents.get(id)?.parent;

  const organizations = selection.entities.filter(isOrganisation).map((e) => ({
    id: e.id,
    name: e.name.sv,
    other_names: otherNames(e),
    classification: e.subtype ?? KIND_CLASSIFICATION[e.kind]!,
    ...(parentOf(e.id) ? { parent_id: parentOf(e.id) } : {}),
    ...(e.description ? { description: e.description.sv } : {}),
    ...(e.validFrom ? { founding_date: e.validFrom } : {}),
    ...(e.validTo ? { dissolution_date: e.validTo } : {}),
    sources: e.sources.map(link),
    styrgraf: {
      kind: e.kind,
      name_en: e.name.en,
      description_en: e.description?.en ?? null,
      parent_relation: parents.get(e.id)?.relation.id ?? null,
      confidence: e.confidence ?? null,
      citations: citationsOf(e.cites, selection),
    },
  }));

  // A post sits where the data says (postIn), else in the organisation it heads or chairs.
  const seat = new Map<string, string>();
  for (const r of selection.relations)
    if ((r.kind === 'HEADS' || r.kind === 'CHAIRS') && !seat.has(r.from) && isOrganisation(present.get(r.to))) seat.set(r.from, r.to);
  const posts = selection.entities
    .filter((e): e is ActorEntity => e.kind === 'ROLE')
    .map((e) => {
      const organization = e.postIn && present.has(e.postIn) ? e.postIn : seat.get(e.id);
      const role = e.role ? (present.get(e.role)?.name.sv ?? e.role) : e.subtype;
      return {
        id: e.id,
        label: e.name.sv,
        other_label: [e.name.en, ...e.abbreviations],
        ...(role ? { role } : {}),
        ...(organization ? { organization_id: organization } : {}),
        ...(e.validFrom ? { start_date: e.validFrom } : {}),
        ...(e.validTo ? { end_date: e.validTo } : {}),
        sources: e.sources.map(link),
        styrgraf: {
          generic: e.generic ?? false,
          role_id: e.role ?? null,
          description: e.description ?? null,
          confidence: e.confidence ?? null,
          citations: citationsOf(e.cites, selection),
        },
      };
    });

  // Memberships: what the data holds as MEMBER_OF, an organisation or a post in an organisation.
  const memberships = selection.relations
    .filter((r) => r.kind === 'MEMBER_OF')
    .map((r) => {
      const member = present.get(r.from);
      return {
        id: r.id,
        label: r.label?.sv ?? `${member?.name.sv ?? r.from} är medlem i ${present.get(r.to)?.name.sv ?? r.to}`,
        ...(member?.kind === 'ROLE' ? { post_id: r.from } : { member: { '@type': 'Organization', id: r.from } }),
        organization_id: r.to,
        ...(r.validFrom ? { start_date: r.validFrom } : {}),
        ...(r.validTo ? { end_date: r.validTo } : {}),
        sources: r.sources.map(link),
        styrgraf: { relation: r.id, evidence: r.evidence, citations: citationsOf(r.cites, selection) },
      };
    });

  return {
    organizations,
    posts,
    memberships,
    styrgraf: {
      dataset: selection.dataset,
      as_of: selection.asOf,
      families: selection.families,
      kinds: selection.kinds,
      decision_areas: selection.entities
        .filter((e) => e.kind === 'DECISION_AREA')
        .map((e) => ({ id: e.id, name: e.name, settled: e.kind === 'DECISION_AREA' ? e.settled !== false : true, citations: citationsOf(e.cites, selection) })),
      relations: selection.relations.map((r) => relationRecord(r, selection)),
    },
  };
}

function isOrganisation(entity: Entity | undefined): entity is ActorEntity {
  return entity !== undefined && ORGANISATION_KINDS.has(entity.kind);
}
