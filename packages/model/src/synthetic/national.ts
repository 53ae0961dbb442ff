import type { ActorEntity, Entity, GlossaryTermEntity, ProvisionEntity, SourceDocumentEntity } from '../types.ts';
import type { Bilingual } from '../vocabulary.ts';
import { municipalityPrefix, NATIONAL, SYNTHETIC_HOST, type SyntheticPart } from './municipality.ts';
import { LAW_SECTIONS } from './pools.ts';
import type { Random } from './random.ts';
import { addTo } from '../group.ts';

/**
 * What the municipalities share: the Local Government Act, an association of
 * all municipalities, the federations that neighbours form for their rescue
 * services, and a short glossary. The federations join neighbouring
 * municipalities, so that paths can cross from one to the next as they do in
 * a real county.
 */
export function generateNational(municipalities: number, rng: Random): { part: SyntheticPart; memberships: Map<number, string[]> } {
  const entities: Entity[] = [];
  const law: SourceDocumentEntity = {
    id: NATIONAL.law,
    kind: 'SOURCE_DOCUMENT',
    name: { sv: 'Kommunallagen (syntetisk återgivning)', en: 'The Local Government Act (synthetic rendering)' },
    inText: { sv: 'kommunallagen', en: 'the Local Government Act' },
    abbreviations: ['KL'],
    aliases: [],
    reference: 'SFS 2017:725',
    cites: [],
    sources: [`${SYNTHETIC_HOST}/kommunallagen`],
    synthetic: true,
  };
  entities.push(law);
  LAW_SECTIONS.forEach((section, i) => {
    const provision: ProvisionEntity = {
      id: NATIONAL.lawSection(section.key),
      kind: 'PROVISION',
      document: NATIONAL.law,
      order: i + 1,
      section: section.reference.replace(/ \d+ §$/, ''),
      reference: section.reference,
      text: `${section.text} (Syntetisk återgivning.)`,
      textKind: 'PARAPHRASE',
      verified: false,
      name: section.name,
      abbreviations: [],
      aliases: [],
      cites: [],
      sources: [],
      synthetic: true,
    };
    entities.push(provision);
  });

  const organisation = (id: string, subtype: string, name: Bilingual, abbreviations: string[] = []): ActorEntity => ({
    id,
    kind: 'ORGANISATION',
    subtype,
    name,
    abbreviations,
    aliases: [],
    cites: [],
    sources: [`${SYNTHETIC_HOST}/${id}`],
    confidence: 'MEDIUM',
    synthetic: true,
  });
  entities.push(
    organisation(NATIONAL.association, 'intresseorganisation', { sv: 'Syntetiska kommunförbundet', en: 'Synthetic Association of Municipalities' }, ['SKF']),
  );

  // Runs of 2–5 neighbouring municipalities share a rescue-service federation; about half have their own service.
  const memberships = new Map<number, string[]>();
  let federations = 0;
  for (let i = 1; i <= municipalities;) {
    if (!rng.chance(0.5)) {
      i++;
      continue;
    }
    const size = Math.min(rng.int(2, 5), municipalities - i + 1);
    if (size < 2) break;
    federations++;
    const id = `se-raddningstjanstforbund-${String(federations).padStart(2, '0')}`;
    const members = Array.from({ length: size }, (_, k) => i + k);
    entities.push(
      organisation(id, 'kommunalförbund', {
        sv: `Syntetiska räddningstjänstförbundet ${String(federations).padStart(2, '0')}`,
        en: `Synthetic Rescue Services Federation ${String(federations).padStart(2, '0')}`,
      }),
    );
    for (const member of members) addTo(memberships, member, id);
    i += size;
  }

  const term = (key: string, name: Bilingual, definition: Bilingual, related: string[]): GlossaryTermEntity => ({
    id: `se-term-${key}`,
    kind: 'GLOSSARY_TERM',
    name,
    definition,
    related,
    abbreviations: [],
    aliases: [],
    cites: [],
    sources: [`${SYNTHETIC_HOST}/ordlista`],
    synthetic: true,
  });
  entities.push(
    term(
      'fullmaktige',
      { sv: 'Kommunfullmäktige', en: 'Municipal council' },
      { sv: 'Kommunens folkvalda och högsta beslutande församling.', en: "The municipality's elected and highest decision-making assembly." },
      [NATIONAL.lawSection('5-1')],
    ),
    term(
      'styrelse',
      { sv: 'Kommunstyrelse', en: 'Municipal executive board' },
      {
        sv: 'Nämnden som leder och samordnar förvaltningen och har uppsikt över nämnder och bolag.',
        en: 'The committee that leads and coordinates the administration and oversees committees and companies.',
      },
      [NATIONAL.lawSection('6-1'), 'se-term-uppsikt'],
    ),
    term(
      'namnd',
      { sv: 'Nämnd', en: 'Committee' },
      { sv: 'Ett politiskt organ som fullmäktige väljer för ett verksamhetsområde.', en: 'A political body the council elects for one area of work.' },
      [NATIONAL.lawSection('6-6')],
    ),
    term(
      'utskott',
      { sv: 'Utskott', en: 'Sub-committee' },
      {
        sv: 'En mindre grupp ledamöter inom en nämnd som bereder eller beslutar på delegation.',
        en: 'A smaller group of members within a committee that prepares matters or decides under delegation.',
      },
      ['se-term-delegation'],
    ),
    term(
      'delegation',
      { sv: 'Delegation', en: 'Delegation' },
      { sv: 'När en nämnd låter någon annan besluta på dess vägnar.', en: 'When a committee lets someone else decide on its behalf.' },
      [NATIONAL.lawSection('6-37')],
    ),
    term(
      'uppsikt',
      { sv: 'Uppsiktsplikt', en: 'Duty of oversight' },
      {
        sv: 'Kommunstyrelsens skyldighet att följa nämndernas och bolagens verksamhet.',
        en: "The executive board's duty to follow the work of the committees and companies.",
      },
      [NATIONAL.lawSection('6-1')],
    ),
    term(
      'direktor',
      { sv: 'Kommundirektör', en: 'Municipal director' },
      {
        sv: 'Den anställda som har den ledande ställningen och är chef för förvaltningen under styrelsen.',
        en: 'The employee who holds the leading position and heads the administration under the board.',
      },
      [NATIONAL.lawSection('7-1'), NATIONAL.lawSection('7-2')],
    ),
    term(
      'kommunalforbund',
      { sv: 'Kommunalförbund', en: 'Federation of municipalities' },
      {
        sv: 'En egen juridisk person som flera kommuner bildar för en gemensam uppgift.',
        en: 'A legal person of its own that several municipalities form for a shared task.',
      },
      [NATIONAL.association],
    ),
  );
  return { part: { dir: 'riket', entities, relations: [] }, memberships };
}

export { municipalityPrefix };
