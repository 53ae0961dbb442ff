import { PARTICIPATION_ROLE_LABELS, PARTICIPATION_ROLES, type Entity, type ParticipationRole } from '@styrgraf/model';
import { citationsOf } from './citations.ts';
import { chooseParents, type ParentRule } from './parents.ts';
import { relationRecord } from './relation-record.ts';
import type { ExportSelection } from './selection.ts';

const OPARL = 'https://schema.oparl.org/1.1/';

/** OParl's organizationType by Styrgraf kind: a council body is a Gremium, a kontor an administrative area. */
const ORGANIZATION_TYPE: Record<string, string> = {
  POLITICAL_BODY: 'Gremium',
  UNIT: 'Verwaltungsbereich',
  COMPANY: 'Institution',
  ORGANISATION: 'externes Gremium',
};

/** Which organisation an OParl organisation sits in (subOrganizationOf): part of, elected by, reporting to. */
const PARENT_KINDS: readonly ParentRule[] = [
  { kind: 'PART_OF', childIs: 'from' },
  { kind: 'OWNS', childIs: 'to' },
  { kind: 'ELECTS', childIs: 'to' },
  { kind: 'REPORTS_TO', childIs: 'from' },
];

const PARTICIPATION = new Set<string>(PARTICIPATION_ROLES);

/**
 * OParl-style JSON (OParl 1.1): the data set as one Body, its political
 * bodies, kontor, companies and other organisations as Organizations, and
 * each part an organisation plays in a decision as a Consultation
 * (`authoritative` where it decides). OParl has no persons here to make
 * Memberships of, and no Papers or Meetings: a decision area is a standing
 * rule, not a paper, so it is named in `styrgraf:decisionArea`. Everything
 * else (posts, relations, evidence, citations) is in `styrgraf:` properties.
 */
export function toOparl(selection: ExportSelection): object {
  const base = `urn:styrgraf:${selection.dataset.id}:oparl:`;
  const url = (type: string, id: string) => `${base}${type}:${encodeURIComponent(id)}`;
  const bodyUrl = url('body', selection.dataset.id);
  const present = new Map(selection.entities.map((e) => [e.id, e]));
  const isOrganization = (e: Entity | undefined) => e !== undefined && e.kind in ORGANIZATION_TYPE;

  const parents = chooseParents(selection, PARENT_KINDS, isOrganization);

  const organization = selection.entities.filter(isOrganization).map((e) => ({
    id: url('organization', e.id),
    type: `${OPARL}Organization`,
    body: bodyUrl,
    name: e.name.sv,
    ...(e.abbreviations[0] ? { shortName: e.abbreviations[0] } : {}),
    organizationType: ORGANIZATION_TYPE[e.kind]!,
    ...('subtype' in e && e.subtype ? { classification: e.subtype } : {}),
    ...(e.validFrom ? { startDate: e.validFrom } : {}),
    ...(e.validTo ? { endDate: e.validTo } : {}),
    ...(parents.has(e.id) ? { subOrganizationOf: url('organization', parents.get(e.id)!.parent) } : {}),
    ...(e.sources[0] ? { website: e.sources[0] } : {}),
    'styrgraf:id': e.id,
    'styrgraf:nameEn': e.name.en,
    'styrgraf:citations': citationsOf(e.cites, selection),
  }));

  const consultation = selection.relations
    .filter((r) => PARTICIPATION.has(r.kind) && isOrganization(present.get(r.from)))
    .map((r) => ({
      id: url('consultation', r.id),
      type: `${OPARL}Consultation`,
      organization: [url('organization', r.from)],
      authoritative: r.kind === 'DECIDES',
      role: PARTICIPATION_ROLE_LABELS[r.kind as ParticipationRole].short.sv,
      'styrgraf:decisionArea': { id: r.to, name: present.get(r.to)?.name ?? null },
      'styrgraf:relation': relationRecord(r, selection),
    }));

  return {
    body: {
      id: bodyUrl,
      type: `${OPARL}Body`,
      name: selection.dataset.name.sv,
      shortName: selection.dataset.id,
      organization: organization.map((o) => o.id),
      'styrgraf:dataset': selection.dataset,
      'styrgraf:asOf': selection.asOf,
    },
    organization,
    consultation,
    'styrgraf:relations': selection.relations
      .filter((r) => !PARTICIPATION.has(r.kind) || !isOrganization(present.get(r.from)))
      .map((r) => relationRecord(r, selection)),
  };
}
