import type { ActorEntity, DecisionAreaEntity, Entity, Evidence, Participation, ProvisionEntity, Relation, SourceDocumentEntity } from '../types.ts';
import { relationId } from '../validate.ts';
import { familyOf, type ActorKind, type Bilingual, type ParticipationRole, type RelationKind } from '../vocabulary.ts';
import {
  COMMITTEES,
  DELEGATION_ITEMS,
  EXECUTIVE_OFFICE,
  INSTRUCTION_SECTIONS,
  OFFICES,
  REQUIRED_COMMITTEES,
  SUB_COMMITTEES,
  SUBSIDIARIES,
  type CommitteeTemplate,
} from './pools.ts';
import type { Random } from './random.ts';

/** The entities and relations of one part of the synthetic data set, written to one directory. */
export interface SyntheticPart {
  /** Directory under the data set's root, "/"-separated. */
  dir: string;
  entities: Entity[];
  relations: Relation[];
}

/** Ids of the national entities a municipality refers to. */
export const NATIONAL = {
  law: 'se-kommunallagen',
  lawSection: (key: string) => `se-kl-${key}`,
  association: 'se-kommunforbundet',
} as const;

export const SYNTHETIC_HOST = 'https://syntetisk.example';

const code = (index: number) => String(index).padStart(3, '0');
export const municipalityPrefix = (index: number) => `s${code(index)}`;

/**
 * One synthetic municipality, shaped like a Swedish one: kommunfullmäktige
 * with presidium and valberedning, kommunstyrelsen with presidium and
 * utskott, 5–12 nämnder, revisorerna, a kommundirektör over 4–10 kontor (some
 * with avdelningar), a holding company with 0–15 subsidiaries, the director's
 * instruction and the board's scheme of delegation provision by provision,
 * decision areas with their participants, and, in some, a committee replaced
 * at the start of the 2023–2026 term. Every entity is marked synthetic.
 */
export function generateMunicipality(index: number, rng: Random, memberOf: readonly string[]): SyntheticPart {
  const m = new MunicipalityBuilder(index);
  const { id } = m;

  // --- The municipality and its council ----------------------------------
  m.actor(
    'kommunen',
    'ORGANISATION',
    'kommun',
    { sv: `Syntetiska kommun ${code(index)}`, en: `Synthetic Municipality ${code(index)}` },
    { sv: 'kommunen', en: 'the municipality' },
    {
      unlabelled: true,
      cites: [NATIONAL.lawSection('5-1')],
    },
  );
  m.actor(
    'kommunfullmaktige',
    'POLITICAL_BODY',
    'fullmäktige',
    { sv: 'Kommunfullmäktige', en: 'Municipal Council' },
    { sv: 'kommunfullmäktige', en: 'the municipal council' },
    {
      abbreviations: ['KF'],
      cites: [NATIONAL.lawSection('5-1')],
    },
  );
  m.relation('PART_OF', 'kommunfullmaktige', 'kommunen', [NATIONAL.lawSection('5-1')]);
  m.relation('MEMBER_OF', 'kommunen', NATIONAL.association, [], { national: true });
  for (const federation of memberOf) m.relation('MEMBER_OF', 'kommunen', federation, [], { national: true });

  m.actor('kf-presidium', 'POLITICAL_BODY', 'presidium', { sv: 'Kommunfullmäktiges presidium', en: 'Presidium of the Municipal Council' });
  m.relation('PART_OF', 'kf-presidium', 'kommunfullmaktige');
  m.actor('kf-ordforande', 'ROLE', undefined, { sv: 'Kommunfullmäktiges ordförande', en: 'Chair of the Municipal Council' });
  m.relation('CHAIRS', 'kf-ordforande', 'kommunfullmaktige');
  m.relation('PART_OF', 'kf-ordforande', 'kf-presidium');
  const hasNominating = rng.chance(0.85);
  if (hasNominating) {
    m.actor('kf-valberedning', 'POLITICAL_BODY', 'valberedning', {
      sv: 'Kommunfullmäktiges valberedning',
      en: 'Nominating Committee of the Municipal Council',
    });
    m.relation('PART_OF', 'kf-valberedning', 'kommunfullmaktige');
  }
  m.actor(
    'revisorerna',
    'POLITICAL_BODY',
    'revision',
    { sv: 'Kommunens revisorer', en: "The Municipality's Auditors" },
    { sv: 'revisorerna', en: 'the auditors' },
    {
      cites: [NATIONAL.lawSection('12-1')],
    },
  );
  m.relation('ELECTS', 'kommunfullmaktige', 'revisorerna', [NATIONAL.lawSection('5-1')]);

  // --- The executive board -------------------------------------------------
  m.actor(
    'kommunstyrelsen',
    'POLITICAL_BODY',
    'styrelse',
    { sv: 'Kommunstyrelsen', en: 'Municipal Executive Board' },
    { sv: 'kommunstyrelsen', en: 'the municipal executive board' },
    {
      abbreviations: ['KS'],
      cites: [NATIONAL.lawSection('6-1')],
    },
  );
  m.relation('ELECTS', 'kommunfullmaktige', 'kommunstyrelsen', [NATIONAL.lawSection('5-1')]);
  m.relation('AUDITS', 'revisorerna', 'kommunstyrelsen', [NATIONAL.lawSection('12-1')]);
  m.actor('ks-presidium', 'POLITICAL_BODY', 'presidium', { sv: 'Kommunstyrelsens presidium', en: 'Presidium of the Executive Board' });
  m.relation('PART_OF', 'ks-presidium', 'kommunstyrelsen');
  m.actor('ks-ordforande', 'ROLE', undefined, { sv: 'Kommunstyrelsens ordförande', en: 'Chair of the Executive Board' }, undefined, {
    aliases: ['Kommunalråd'],
  });
  m.relation('CHAIRS', 'ks-ordforande', 'kommunstyrelsen');
  m.relation('PART_OF', 'ks-ordforande', 'ks-presidium');
  m.actor('ks-arbetsutskott', 'POLITICAL_BODY', 'utskott', { sv: 'Kommunstyrelsens arbetsutskott', en: "Executive Board's Working Committee" }, undefined, {
    abbreviations: ['KSAU'],
    cites: [NATIONAL.lawSection('6-37')],
  });
  m.relation('PART_OF', 'ks-arbetsutskott', 'kommunstyrelsen', [NATIONAL.lawSection('6-37')]);
  m.relation('CHAIRS', 'ks-ordforande', 'ks-arbetsutskott');
  for (const sub of rng.sample(SUB_COMMITTEES, rng.int(0, 3))) {
    m.actor(`ks-${sub.key}`, 'POLITICAL_BODY', 'utskott', sub.name, undefined, { cites: [NATIONAL.lawSection('6-37')] });
    m.relation('PART_OF', `ks-${sub.key}`, 'kommunstyrelsen', [NATIONAL.lawSection('6-37')]);
  }

  // --- The committees --------------------------------------------------------
  const optional = COMMITTEES.filter((c) => !REQUIRED_COMMITTEES.includes(c.key));
  const chosen = new Set(rng.sample(optional, rng.int(1, optional.length)));
  const committees = COMMITTEES.filter((c) => REQUIRED_COMMITTEES.includes(c.key) || chosen.has(c));
  const replaced = rng.chance(0.35) ? rng.pick([...committees.filter((c) => c.predecessor), null]) : null;
  for (const c of committees) {
    m.actor(c.key, 'POLITICAL_BODY', 'nämnd', c.name, c.inText, {
      cites: [NATIONAL.lawSection('6-6')],
      ...(c === replaced ? { validFrom: '2023-01-01' } : {}),
    });
    m.relation('ELECTS', 'kommunfullmaktige', c.key, [NATIONAL.lawSection('5-1')]);
    m.relation('OVERSEES', 'kommunstyrelsen', c.key, [NATIONAL.lawSection('6-1')]);
    m.relation('AUDITS', 'revisorerna', c.key, [NATIONAL.lawSection('12-1')]);
  }
  if (replaced?.predecessor) {
    const old = replaced.predecessor;
    const until = { validTo: '2022-12-31' };
    m.actor(old.key, 'POLITICAL_BODY', 'nämnd', old.name, undefined, { cites: [NATIONAL.lawSection('6-6')], ...until });
    m.relation('ELECTS', 'kommunfullmaktige', old.key, [NATIONAL.lawSection('5-1')], { dates: until });
    m.relation('OVERSEES', 'kommunstyrelsen', old.key, [NATIONAL.lawSection('6-1')], { dates: until });
    m.relation('SUCCEEDS', replaced.key, old.key, [], {
      note: {
        sv: 'Ny nämndorganisation från 2023-01-01, inför mandatperioden 2023–2026.',
        en: 'New committee structure from 2023-01-01, for the 2023–2026 term.',
      },
    });
  }

  // --- The instruction and the scheme of delegation ---------------------------
  const director = 'kommundirektor';
  const directorIsHoldingCeo = rng.chance(0.5);
  const hasCrisisCommittee = committees.some((c) => c.key === 'krisledningsnamnden');
  const sections = INSTRUCTION_SECTIONS.filter((s) => {
    if (s.key === 'bolag') return directorIsHoldingCeo;
    if (s.key === 'kris') return hasCrisisCommittee;
    return !s.optional || rng.chance(0.6);
  });
  const instruction = m.document(
    'instruktion',
    { sv: 'Kommundirektörens instruktion', en: "The Municipal Director's Instruction" },
    {
      reference: `KS ${rng.int(2019, 2024)}/${String(rng.int(1, 999)).padStart(4, '0')}`,
      adopted: `${rng.int(2019, 2024)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      adoptedBy: id('kommunstyrelsen'),
      governs: id('kommundirektor'),
      cites: [NATIONAL.lawSection('7-2')],
    },
  );
  sections.forEach((s, i) =>
    m.provision(`kdi-${s.key}`, instruction, i + 1, s.section, s.name, s.text, {
      cites: s.key === 'inledning' ? [NATIONAL.lawSection('7-1'), NATIONAL.lawSection('7-2')] : [],
    }),
  );
  const delegation = m.document(
    'delegationsordning',
    { sv: 'Kommunstyrelsens delegationsordning', en: "The Executive Board's Scheme of Delegation" },
    {
      adoptedBy: id('kommunstyrelsen'),
      cites: [NATIONAL.lawSection('6-37')],
    },
  );
  const items = rng.sample(DELEGATION_ITEMS, rng.int(3, DELEGATION_ITEMS.length));
  items.forEach((item, i) =>
    m.provision(`do-${item.key}`, delegation, i + 1, 'Delegationsordning', item.name, item.text, {
      reference: item.reference,
      cites: [NATIONAL.lawSection('6-37')],
    }),
  );
  const kdi = (key: string) => (m.has(`kdi-${key}`) ? id(`kdi-${key}`) : id('kdi-uppdrag'));
  const del = (key: string) => (m.has(`do-${key}`) ? id(`do-${key}`) : NATIONAL.lawSection('6-37'));

  // --- The director and the offices -------------------------------------------
  m.actor(
    director,
    'ROLE',
    undefined,
    { sv: 'Kommundirektör', en: 'Municipal Director' },
    { sv: 'kommundirektören', en: 'the municipal director' },
    {
      aliases: ['Stadsdirektör'],
      cites: [kdi('inledning'), kdi('uppdrag'), NATIONAL.lawSection('7-1')],
    },
  );
  m.relation('APPOINTS', 'kommunstyrelsen', director, [NATIONAL.lawSection('7-1'), kdi('inledning')]);
  m.relation('REPORTS_TO', director, 'kommunstyrelsen', [kdi('verkstallighet')]);
  m.relation('ASSISTS', director, 'kommunstyrelsen', [kdi('uppsikt')]);
  m.relation('DELEGATES_TO', 'kommunstyrelsen', director, [del('a1'), NATIONAL.lawSection('6-37')]);
  m.relation('ATTENDS_AND_SPEAKS', director, 'kommunstyrelsen', [kdi('namnderna')]);
  for (const c of committees) m.relation('ATTENDS_AND_SPEAKS', director, c.key, [kdi('namnderna')]);

  m.actor(
    'kontorschef',
    'ROLE',
    undefined,
    { sv: 'Kontorschef', en: 'Head of Office' },
    { sv: 'kontorschefen', en: 'the head of office' },
    { cites: [kdi('kontorschefer')], generic: true },
  );
  m.relation('MANAGES', director, 'kontorschef', [kdi('kontorschefer')]);
  const executive = OFFICES.find((o) => o.key === EXECUTIVE_OFFICE)!;
  const officeCount = rng.int(4, 10);
  const offices = [
    executive,
    ...rng.sample(
      OFFICES.filter((o) => o !== executive),
      officeCount - 1,
    ),
  ];
  const servedBy = (c: CommitteeTemplate) => (offices.some((o) => o.key === c.office) ? c.office : EXECUTIVE_OFFICE);
  for (const office of offices) {
    const head = `${office.key}-chef`;
    m.actor(office.key, 'UNIT', 'kontor', office.name, undefined, { cites: [kdi('organisation')] });
    m.actor(head, 'ROLE', undefined, office.head, undefined, { cites: [kdi('kontorschefer')], post: { in: office.key, role: 'kontorschef' } });
    m.relation('MANAGES', director, head, [kdi('kontorschefer')]);
    m.relation('HEADS', head, office.key, [kdi('kontorschefer')]);
    for (const department of rng.sample(office.departments, rng.int(0, office.departments.length))) {
      const key = `${office.key}-${slug(department.sv)}`;
      m.actor(key, 'UNIT', 'avdelning', department);
      m.relation('PART_OF', key, office.key);
    }
  }
  m.relation('SERVES', EXECUTIVE_OFFICE, 'kommunstyrelsen', [kdi('uppdrag')]);
  for (const c of committees) m.relation('SERVES', servedBy(c), c.key, [kdi('namnderna')]);
  if (replaced?.predecessor) m.relation('SERVES', servedBy(replaced), replaced.predecessor.key, [kdi('namnderna')], { dates: { validTo: '2022-12-31' } });
  if (m.has('do-b1')) m.relation('SUBDELEGATES_TO', director, `${EXECUTIVE_OFFICE}-chef`, [del('b1')]);

  // --- The companies ------------------------------------------------------------
  m.actor('stadshus', 'COMPANY', 'moderbolag', { sv: `Syntetiska ${code(index)} Stadshus AB`, en: `Syntetiska ${code(index)} Stadshus AB` }, undefined, {
    aliases: ['Stadshus AB', 'Moderbolaget'],
    unlabelled: true,
    cites: [NATIONAL.lawSection('10-3')],
  });
  m.relation('OWNS', 'kommunen', 'stadshus', [NATIONAL.lawSection('10-3')]);
  m.relation('EXERCISES_OWNERSHIP', 'kommunfullmaktige', 'stadshus', [NATIONAL.lawSection('10-3')]);
  m.relation('OVERSEES', 'kommunstyrelsen', 'stadshus', [NATIONAL.lawSection('6-1')]);
  m.relation('AUDITS', 'revisorerna', 'stadshus', [NATIONAL.lawSection('12-1')]);
  if (directorIsHoldingCeo) m.relation('HEADS', director, 'stadshus', [kdi('bolag')], { label: { sv: 'är VD för', en: 'is managing director of' } });
  else {
    m.actor('vd-moderbolag', 'ROLE', undefined, { sv: 'VD för Stadshus AB', en: 'Managing Director of Stadshus AB' }, undefined, {
      sources: [m.source('bolag')],
      post: { in: 'stadshus' },
    });
    m.relation('HEADS', 'vd-moderbolag', 'stadshus', [], { sources: [m.source('bolag')] });
  }
  const subsidiaries = rng.sample(SUBSIDIARIES, rng.int(0, 15));
  if (subsidiaries.length > 0) {
    m.actor('vd-dotterbolag', 'ROLE', undefined, { sv: 'VD i dotterbolag', en: 'Managing Director of a Subsidiary' }, undefined, {
      sources: [m.source('bolag')],
      generic: true,
    });
  }
  for (const company of subsidiaries) {
    const source = m.source(`bolag/${company.key}`);
    m.actor(
      company.key,
      'COMPANY',
      'dotterbolag',
      { sv: `Syntetiska ${code(index)} ${company.name}`, en: `Syntetiska ${code(index)} ${company.name}` },
      undefined,
      {
        unlabelled: true,
        sources: [source],
        description: { sv: `Kommunens ${company.name.replace(/ AB$/, '').toLowerCase()}bolag.`, en: `The municipality's ${company.en}.` },
      },
    );
    const parent = company.parent && subsidiaries.some((s) => s.key === company.parent) ? company.parent : 'stadshus';
    m.relation('OWNS', parent, company.key, [], { sources: [source] });
    m.relation('OVERSEES', 'kommunstyrelsen', company.key, [NATIONAL.lawSection('6-1')]);
    m.actor(`vd-${company.key}`, 'ROLE', undefined, { sv: `VD för ${company.name}`, en: `Managing Director of ${company.name}` }, undefined, {
      sources: [source],
      post: { in: company.key, role: 'vd-dotterbolag' },
    });
    m.relation('HEADS', `vd-${company.key}`, company.key, [], { sources: [source] });
  }

  // --- Decision areas ---------------------------------------------------------
  const has = (key: string) => m.has(key);
  const committee = (...keys: string[]) => keys.find((k) => committees.some((c) => c.key === k));
  const officeOf = (committeeKey: string) => servedBy(COMMITTEES.find((c) => c.key === committeeKey)!);
  const areas = decisionAreaTemplates({ has, committee, officeOf, kdi, del, hasNominating, hasSubsidiaries: subsidiaries.length > 0 });
  for (const area of rng.sample(areas, rng.int(10, 16))) m.decisionArea(area);

  return m.part();
}

interface AreaTemplate {
  key: string;
  topic: string;
  name: Bilingual;
  participants: [ParticipationRole, string, string[]][];
}

interface AreaContext {
  has(key: string): boolean;
  committee(...keys: string[]): string | undefined;
  officeOf(committeeKey: string): string;
  kdi(key: string): string;
  del(key: string): string;
  hasNominating: boolean;
  hasSubsidiaries: boolean;
}

/** The decisions a municipality's documents settle, with who takes which part; those whose actors are absent are left out. */
function decisionAreaTemplates(x: AreaContext): AreaTemplate[] {
  const kl = NATIONAL.lawSection;
  const planning = x.committee('samhallsbyggnadsnamnden', 'miljo-och-byggnadsnamnden', 'tekniska-namnden');
  const permits = x.committee('miljo-och-byggnadsnamnden', 'samhallsbyggnadsnamnden');
  const culture = x.committee('kultur-och-fritidsnamnden');
  const crisis = x.committee('krisledningsnamnden');
  const upperSecondary = x.committee('gymnasie-och-vuxenutbildningsnamnden');
  const all: (AreaTemplate | null)[] = [
    {
      key: 'budget',
      topic: 'ekonomi',
      name: { sv: 'Budget och skattesats', en: 'Budget and tax rate' },
      participants: [
        ['DECIDES', 'kommunfullmaktige', [kl('5-1')]],
        ['PROPOSES', 'kommunstyrelsen', [kl('5-26')]],
        ['PREPARES', 'kommundirektor', [x.kdi('ekonomi')]],
        ['INFORMED', 'revisorerna', [kl('12-1')]],
      ],
    },
    {
      key: 'kontorsindelning',
      topic: 'organisation',
      name: { sv: 'Förvaltningens indelning i kontor', en: 'Dividing the administration into offices' },
      participants: [
        ['DECIDES', 'kommunstyrelsen', [x.kdi('organisation')]],
        ['PROPOSES', 'kommundirektor', [x.kdi('organisation')]],
      ],
    },
    {
      key: 'omorganisation-inom-kontor',
      topic: 'organisation',
      name: { sv: 'Omorganisation inom ett kontor', en: 'Reorganisation within an office' },
      participants: [
        ['DECIDES', 'kommundirektor', [x.kdi('omorganisation')]],
        ['CONSULTED', 'kontorschef', [x.kdi('omorganisation')]],
      ],
    },
    {
      key: 'anstallning-kontorschef',
      topic: 'personal',
      name: { sv: 'Anställning av kontorschef', en: 'Appointing a head of office' },
      participants: [
        ['DECIDES', 'kommundirektor', [x.kdi('anstallning'), x.del('a1')]],
        ['PREPARES', 'kommundirektor', [x.kdi('anstallning')]],
        ['CONSULTED', 'ks-presidium', [x.kdi('anstallning')]],
        ...(x.has('ks-personalutskott') ? [['HEARD', 'ks-personalutskott', [x.kdi('anstallning')]] as [ParticipationRole, string, string[]]] : []),
        ['INFORMED', 'kommunstyrelsen', [x.kdi('anstallning')]],
      ],
    },
    {
      key: 'anstallning-kommundirektor',
      topic: 'personal',
      name: { sv: 'Anställning av kommundirektör', en: 'Appointing the municipal director' },
      participants: [
        ['DECIDES', 'kommunstyrelsen', [kl('7-1')]],
        ['PREPARES', x.has('ks-personalutskott') ? 'ks-personalutskott' : 'ks-arbetsutskott', [kl('5-26')]],
      ],
    },
    {
      key: 'instruktion',
      topic: 'organisation',
      name: { sv: 'Instruktion för kommundirektören', en: "The director's instruction" },
      participants: [
        ['DECIDES', 'kommunstyrelsen', [kl('7-2')]],
        ['PREPARES', 'ks-arbetsutskott', [kl('7-2')]],
        ['RESPONSIBLE', 'kommunstyrelsen', [x.kdi('uppfoljning')]],
      ],
    },
    x.hasSubsidiaries
      ? {
          key: 'agardirektiv',
          topic: 'bolag',
          name: { sv: 'Ägardirektiv till dotterbolagen', en: "Owner's directives to the subsidiaries" },
          participants: [
            ['DECIDES', 'kommunfullmaktige', [kl('10-3')]],
            ['PROPOSES', 'kommunstyrelsen', [kl('6-1')]],
            ['PREPARES', 'stadshus', [kl('10-3')]],
            ['EXECUTES', 'vd-dotterbolag', [kl('10-3')]],
          ],
        }
      : null,
    {
      key: 'delegationsordning',
      topic: 'delegering',
      name: { sv: 'Kommunstyrelsens delegationsordning', en: "The executive board's scheme of delegation" },
      participants: [
        ['DECIDES', 'kommunstyrelsen', [kl('6-37')]],
        ['PREPARES', 'kommundirektor', [x.kdi('beredning')]],
      ],
    },
    planning
      ? {
          key: 'detaljplan',
          topic: 'samhällsbyggnad',
          name: { sv: 'Antagande av detaljplan', en: 'Adopting a detailed development plan' },
          participants: [
            ['DECIDES', 'kommunfullmaktige', [kl('5-1')]],
            ['PROPOSES', planning, [kl('6-6')]],
            ['PREPARES', x.officeOf(planning), [x.kdi('beredning')]],
            ...(permits && permits !== planning ? [['HEARD', permits, [kl('6-6')]] as [ParticipationRole, string, string[]]] : []),
          ],
        }
      : null,
    permits
      ? {
          key: 'bygglov',
          topic: 'samhällsbyggnad',
          name: { sv: 'Beslut om bygglov', en: 'Building permits' },
          participants: [
            ['DECIDES', permits, [kl('6-6')]],
            ['DELEGATES', permits, [kl('6-37')]],
            ['EXECUTES', x.officeOf(permits), [kl('6-37')]],
          ],
        }
      : null,
    {
      key: 'bistand',
      topic: 'socialtjänst',
      name: { sv: 'Bistånd enligt socialtjänstlagen', en: 'Assistance under the Social Services Act' },
      participants: [
        ['DECIDES', 'socialnamnden', [kl('6-6')]],
        ['DELEGATES', 'socialnamnden', [kl('6-37')]],
        ['EXECUTES', x.officeOf('socialnamnden'), [kl('6-37')]],
      ],
    },
    {
      key: 'skolorganisation',
      topic: 'utbildning',
      name: { sv: 'Skolorganisation', en: 'Organisation of the schools' },
      participants: [
        ['DECIDES', 'barn-och-utbildningsnamnden', [kl('6-6')]],
        ['PREPARES', x.officeOf('barn-och-utbildningsnamnden'), [x.kdi('namnderna')]],
        ...(upperSecondary ? [['CONSULTED', upperSecondary, [kl('6-6')]] as [ParticipationRole, string, string[]]] : []),
      ],
    },
    {
      key: 'upphandling',
      topic: 'ekonomi',
      name: { sv: 'Upphandling under tröskelvärdet', en: 'Procurement below the threshold' },
      participants: [
        ['DECIDES', `${EXECUTIVE_OFFICE}-chef`, [x.del('b1')]],
        ['RESPONSIBLE', 'kommunstyrelsen', [kl('6-1')]],
      ],
    },
    crisis
      ? {
          key: 'krisledning',
          topic: 'säkerhet',
          name: { sv: 'Ledning vid extraordinär händelse', en: 'Leadership in an emergency' },
          participants: [
            ['DECIDES', crisis, [kl('6-6')]],
            ['EXECUTES', 'kommundirektor', [x.kdi('kris')]],
            ['INFORMED', 'kommunfullmaktige', [kl('5-1')]],
          ],
        }
      : null,
    {
      key: 'taxor',
      topic: 'ekonomi',
      name: { sv: 'Taxor och avgifter', en: 'Rates and charges' },
      participants: [
        ['DECIDES', 'kommunfullmaktige', [kl('5-1')]],
        ['PROPOSES', x.committee('tekniska-namnden') ?? 'kommunstyrelsen', [kl('5-26')]],
        ['PREPARES', EXECUTIVE_OFFICE, [x.kdi('beredning')]],
      ],
    },
    {
      key: 'arsredovisning',
      topic: 'ekonomi',
      name: { sv: 'Årsredovisning och ansvarsfrihet', en: 'Annual report and discharge' },
      participants: [
        ['DECIDES', 'kommunfullmaktige', [kl('5-1')]],
        ['PREPARES', 'kommunstyrelsen', [kl('6-1')]],
        ['CONSULTED', 'revisorerna', [kl('12-1')]],
      ],
    },
    {
      key: 'mediekontakter',
      topic: 'kommunikation',
      name: { sv: 'Kontakter med massmedia', en: 'Contacts with the media' },
      participants: [
        ['RESPONSIBLE', 'kommundirektor', [x.kdi('media')]],
        ['INFORMED', 'ks-ordforande', [x.kdi('media')]],
      ],
    },
    {
      key: 'internkontroll',
      topic: 'uppföljning',
      name: { sv: 'Intern kontroll', en: 'Internal control' },
      participants: [
        ['RESPONSIBLE', 'kommunstyrelsen', [kl('6-1')]],
        ['EXECUTES', 'kommundirektor', [x.kdi('internkontroll')]],
        ['INFORMED', 'revisorerna', [kl('12-1')]],
      ],
    },
    x.hasNominating
      ? {
          key: 'val-till-namnder',
          topic: 'demokrati',
          name: { sv: 'Val av ledamöter i nämnderna', en: 'Electing the committee members' },
          participants: [
            ['DECIDES', 'kommunfullmaktige', [kl('5-1')]],
            ['PREPARES', 'kf-valberedning', [kl('5-26')]],
          ],
        }
      : null,
    culture
      ? {
          key: 'foreningsstod',
          topic: 'kultur',
          name: { sv: 'Stöd till föreningar', en: 'Grants to associations' },
          participants: [
            ['DECIDES', culture, [kl('6-6')]],
            ['EXECUTES', x.officeOf(culture), [kl('6-37')]],
          ],
        }
      : null,
  ];
  return all.filter((a): a is AreaTemplate => a !== null);
}

/** Lower-case ASCII with "-" between words, as the hand-written ids in graph/ are. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface ActorOptions {
  abbreviations?: string[];
  aliases?: string[];
  cites?: string[];
  sources?: string[];
  description?: Bilingual;
  validFrom?: string;
  validTo?: string;
  /** The name already carries the municipality (companies); do not add "(Syntetiska 042)". */
  unlabelled?: boolean;
  /** A post: the organisation it sits in and, where it is one of a kind, the generic role (keys, not ids). */
  post?: { in: string; role?: string };
  /** A generic role, standing for a post in every organisation of a kind. */
  generic?: boolean;
}

interface RelationOptions {
  /** The target is a national entity: its id is not prefixed. */
  national?: boolean;
  sources?: string[];
  label?: Bilingual;
  note?: Bilingual;
  dates?: { validFrom?: string; validTo?: string };
}

/**
 * How a synthetic fact is known: a reading of the synthetic provision it cites,
 * or the synthetic source it points to. Invented facts are never "stated".
 */
function syntheticEvidence(cites: readonly string[]): Evidence {
  return cites.length > 0
    ? { status: 'INTERPRETED', note: { sv: 'Syntetisk läsning.', en: 'Synthetic reading.' } }
    : { status: 'SOURCED', confidence: 'MEDIUM' };
}

/** Collects one municipality's records, prefixing ids and marking names and records as synthetic. */
class MunicipalityBuilder {
  private readonly entities = new Map<string, Entity>();
  private readonly relations: Relation[] = [];
  private readonly prefix: string;
  private readonly label: Bilingual;

  constructor(private readonly index: number) {
    this.prefix = municipalityPrefix(index);
    this.label = { sv: `Syntetiska ${code(index)}`, en: `Synthetic ${code(index)}` };
  }

  readonly id = (key: string): string => `${this.prefix}-${key}`;

  has(key: string): boolean {
    return this.entities.has(this.id(key));
  }

  source(path = ''): string {
    return `${SYNTHETIC_HOST}/kommun-${code(this.index)}${path ? `/${path}` : ''}`;
  }

  private named(name: Bilingual): Bilingual {
    return { sv: `${name.sv} (${this.label.sv})`, en: `${name.en} (${this.label.en})` };
  }

  private add(entity: Entity): void {
    if (this.entities.has(entity.id)) throw new Error(`synthetic id ${entity.id} is generated twice`);
    this.entities.set(entity.id, entity);
  }

  actor(key: string, kind: ActorKind, subtype: string | undefined, name: Bilingual, inText?: Bilingual, options: ActorOptions = {}): void {
    const cites = options.cites ?? [];
    const sources = options.sources ?? (cites.length === 0 ? [this.source()] : []);
    const entity: ActorEntity = {
      id: this.id(key),
      kind,
      ...(subtype ? { subtype } : {}),
      name: options.unlabelled ? name : this.named(name),
      ...(inText ? { inText: { sv: `${inText.sv} i ${this.label.sv}`, en: `${inText.en} of ${this.label.en}` } } : {}),
      abbreviations: options.abbreviations ?? [],
      aliases: options.aliases ?? [],
      ...(options.description ? { description: options.description } : {}),
      cites,
      sources,
      confidence: 'MEDIUM',
      ...(options.post ? { postIn: this.id(options.post.in), ...(options.post.role ? { role: this.id(options.post.role) } : {}) } : {}),
      ...(options.generic ? { generic: true } : {}),
      ...(options.validFrom ? { validFrom: options.validFrom } : {}),
      ...(options.validTo ? { validTo: options.validTo } : {}),
      synthetic: true,
    };
    this.add(entity);
  }

  document(key: string, name: Bilingual, options: { reference?: string; adopted?: string; adoptedBy?: string; governs?: string; cites?: string[] }): string {
    const entity: SourceDocumentEntity = {
      id: this.id(key),
      kind: 'SOURCE_DOCUMENT',
      name: this.named(name),
      abbreviations: [],
      aliases: [],
      cites: options.cites ?? [],
      sources: [this.source(key)],
      ...(options.reference ? { reference: options.reference } : {}),
      ...(options.adopted ? { adopted: options.adopted } : {}),
      ...(options.adoptedBy ? { adoptedBy: options.adoptedBy } : {}),
      ...(options.governs ? { governs: options.governs } : {}),
      synthetic: true,
    };
    this.add(entity);
    return entity.id;
  }

  provision(
    key: string,
    document: string,
    order: number,
    section: string,
    name: Bilingual,
    text: string,
    options: { reference?: string; cites?: string[] },
  ): void {
    const entity: ProvisionEntity = {
      id: this.id(key),
      kind: 'PROVISION',
      document,
      order,
      section,
      text: `${text} (Syntetisk text för ${this.label.sv}.)`,
      textKind: 'VERBATIM',
      ...(options.reference ? { reference: options.reference } : {}),
      name,
      abbreviations: [],
      aliases: [],
      cites: options.cites ?? [],
      sources: [],
      synthetic: true,
    };
    this.add(entity);
  }

  relation(kind: RelationKind, fromKey: string, toKey: string, cites: string[] = [], options: RelationOptions = {}): void {
    const from = this.id(fromKey);
    const to = options.national ? toKey : this.id(toKey);
    const sources = options.sources ?? (cites.length === 0 ? [this.source()] : []);
    this.relations.push({
      id: relationId(from, kind, to),
      kind,
      family: familyOf(kind),
      from,
      to,
      ...(options.label ? { label: options.label } : {}),
      ...(options.note ? { note: options.note } : {}),
      cites,
      sources,
      evidence: syntheticEvidence(cites),
      ...(options.dates ?? {}),
    });
  }

  decisionArea(template: AreaTemplate): void {
    const participants: Participation[] = template.participants.map(([role, actor, cites]) => ({
      role,
      actor: this.id(actor),
      cites: [...new Set(cites)],
      sources: [],
      evidence: syntheticEvidence(cites),
    }));
    const entity: DecisionAreaEntity = {
      id: this.id(`da-${template.key}`),
      kind: 'DECISION_AREA',
      topic: template.topic,
      name: this.named(template.name),
      inText: { sv: `${template.name.sv.toLowerCase()} i ${this.label.sv}`, en: `${template.name.en.toLowerCase()} in ${this.label.en}` },
      abbreviations: [],
      aliases: [],
      cites: [],
      sources: [],
      participants,
      synthetic: true,
    };
    this.add(entity);
  }

  part(): SyntheticPart {
    return { dir: `kommuner/${this.prefix}`, entities: [...this.entities.values()], relations: this.relations };
  }
}
