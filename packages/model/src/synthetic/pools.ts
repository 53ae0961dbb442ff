import type { Bilingual } from '../vocabulary.ts';

/**
 * What a synthetic municipality is drawn from: the committees, offices,
 * companies and decisions that Swedish municipalities commonly have, named as
 * they usually are. Keys are the slugs that end up in ids.
 */

export interface CommitteeTemplate {
  key: string;
  name: Bilingual;
  inText: Bilingual;
  /** The office that usually works for it; the executive board's office when that office is absent. */
  office: string;
  /** A committee it may have replaced at the start of the 2023–2026 term. */
  predecessor?: { key: string; name: Bilingual };
}

/** Every municipality has these (the law asks for a valnämnd and an överförmyndare; the other two are near-universal). */
export const REQUIRED_COMMITTEES = ['barn-och-utbildningsnamnden', 'socialnamnden', 'valnamnden', 'overformyndarnamnden'];

export const COMMITTEES: CommitteeTemplate[] = [
  {
    key: 'barn-och-utbildningsnamnden',
    name: { sv: 'Barn- och utbildningsnämnden', en: 'Children and Education Committee' },
    inText: { sv: 'barn- och utbildningsnämnden', en: 'the children and education committee' },
    office: 'utbildningskontoret',
  },
  {
    key: 'socialnamnden',
    name: { sv: 'Socialnämnden', en: 'Social Services Committee' },
    inText: { sv: 'socialnämnden', en: 'the social services committee' },
    office: 'socialkontoret',
  },
  {
    key: 'valnamnden',
    name: { sv: 'Valnämnden', en: 'Election Committee' },
    inText: { sv: 'valnämnden', en: 'the election committee' },
    office: 'kommunstyrelsens-kontor',
  },
  {
    key: 'overformyndarnamnden',
    name: { sv: 'Överförmyndarnämnden', en: 'Chief Guardian Committee' },
    inText: { sv: 'överförmyndarnämnden', en: 'the chief guardian committee' },
    office: 'kommunstyrelsens-kontor',
  },
  {
    key: 'vard-och-omsorgsnamnden',
    name: { sv: 'Vård- och omsorgsnämnden', en: 'Health and Social Care Committee' },
    inText: { sv: 'vård- och omsorgsnämnden', en: 'the health and social care committee' },
    office: 'vard-och-omsorgskontoret',
    predecessor: { key: 'omsorgsnamnden', name: { sv: 'Omsorgsnämnden', en: 'Care Committee' } },
  },
  {
    key: 'gymnasie-och-vuxenutbildningsnamnden',
    name: { sv: 'Gymnasie- och vuxenutbildningsnämnden', en: 'Upper Secondary and Adult Education Committee' },
    inText: { sv: 'gymnasie- och vuxenutbildningsnämnden', en: 'the upper secondary and adult education committee' },
    office: 'utbildningskontoret',
  },
  {
    key: 'kultur-och-fritidsnamnden',
    name: { sv: 'Kultur- och fritidsnämnden', en: 'Culture and Leisure Committee' },
    inText: { sv: 'kultur- och fritidsnämnden', en: 'the culture and leisure committee' },
    office: 'kultur-och-fritidskontoret',
    predecessor: { key: 'kulturnamnden', name: { sv: 'Kulturnämnden', en: 'Culture Committee' } },
  },
  {
    key: 'miljo-och-byggnadsnamnden',
    name: { sv: 'Miljö- och byggnadsnämnden', en: 'Environment and Building Committee' },
    inText: { sv: 'miljö- och byggnadsnämnden', en: 'the environment and building committee' },
    office: 'samhallsbyggnadskontoret',
    predecessor: { key: 'byggnadsnamnden', name: { sv: 'Byggnadsnämnden', en: 'Building Committee' } },
  },
  {
    key: 'samhallsbyggnadsnamnden',
    name: { sv: 'Samhällsbyggnadsnämnden', en: 'Community Development Committee' },
    inText: { sv: 'samhällsbyggnadsnämnden', en: 'the community development committee' },
    office: 'samhallsbyggnadskontoret',
    predecessor: { key: 'stadsbyggnadsnamnden', name: { sv: 'Stadsbyggnadsnämnden', en: 'Town Planning Committee' } },
  },
  {
    key: 'tekniska-namnden',
    name: { sv: 'Tekniska nämnden', en: 'Technical Services Committee' },
    inText: { sv: 'tekniska nämnden', en: 'the technical services committee' },
    office: 'tekniska-kontoret',
    predecessor: { key: 'gatu-och-parknamnden', name: { sv: 'Gatu- och parknämnden', en: 'Streets and Parks Committee' } },
  },
  {
    key: 'arbetsmarknadsnamnden',
    name: { sv: 'Arbetsmarknadsnämnden', en: 'Labour Market Committee' },
    inText: { sv: 'arbetsmarknadsnämnden', en: 'the labour market committee' },
    office: 'arbetsmarknadskontoret',
    predecessor: {
      key: 'arbetsmarknads-och-vuxenutbildningsnamnden',
      name: { sv: 'Arbetsmarknads- och vuxenutbildningsnämnden', en: 'Labour Market and Adult Education Committee' },
    },
  },
  {
    key: 'krisledningsnamnden',
    name: { sv: 'Krisledningsnämnden', en: 'Crisis Management Committee' },
    inText: { sv: 'krisledningsnämnden', en: 'the crisis management committee' },
    office: 'kommunstyrelsens-kontor',
  },
];

export interface OfficeTemplate {
  key: string;
  name: Bilingual;
  /** The title of its head. */
  head: Bilingual;
  departments: Bilingual[];
}

export const EXECUTIVE_OFFICE = 'kommunstyrelsens-kontor';

export const OFFICES: OfficeTemplate[] = [
  {
    key: 'kommunstyrelsens-kontor',
    name: { sv: 'Kommunstyrelsens kontor', en: "Executive Board's Office" },
    head: { sv: 'Kanslidirektör', en: 'Director of the Executive Office' },
    departments: [
      { sv: 'Ekonomiavdelningen', en: 'Finance Department' },
      { sv: 'Personalavdelningen', en: 'HR Department' },
      { sv: 'Kansliavdelningen', en: 'Secretariat' },
      { sv: 'Kommunikationsavdelningen', en: 'Communications Department' },
      { sv: 'Digitaliseringsavdelningen', en: 'Digitalisation Department' },
    ],
  },
  {
    key: 'utbildningskontoret',
    name: { sv: 'Utbildningskontoret', en: 'Education Office' },
    head: { sv: 'Utbildningsdirektör', en: 'Director of Education' },
    departments: [
      { sv: 'Förskoleavdelningen', en: 'Preschool Department' },
      { sv: 'Grundskoleavdelningen', en: 'Compulsory School Department' },
      { sv: 'Gymnasieavdelningen', en: 'Upper Secondary Department' },
    ],
  },
  {
    key: 'socialkontoret',
    name: { sv: 'Socialkontoret', en: 'Social Services Office' },
    head: { sv: 'Socialchef', en: 'Head of Social Services' },
    departments: [
      { sv: 'Individ- och familjeomsorgen', en: 'Individual and Family Care' },
      { sv: 'Försörjningsstödsenheten', en: 'Income Support Unit' },
    ],
  },
  {
    key: 'vard-och-omsorgskontoret',
    name: { sv: 'Vård- och omsorgskontoret', en: 'Health and Social Care Office' },
    head: { sv: 'Vård- och omsorgsdirektör', en: 'Director of Health and Social Care' },
    departments: [
      { sv: 'Hemtjänstavdelningen', en: 'Home Care Department' },
      { sv: 'Avdelningen för särskilt boende', en: 'Residential Care Department' },
    ],
  },
  {
    key: 'kultur-och-fritidskontoret',
    name: { sv: 'Kultur- och fritidskontoret', en: 'Culture and Leisure Office' },
    head: { sv: 'Kultur- och fritidsdirektör', en: 'Director of Culture and Leisure' },
    departments: [{ sv: 'Biblioteksavdelningen', en: 'Library Department' }],
  },
  {
    key: 'samhallsbyggnadskontoret',
    name: { sv: 'Samhällsbyggnadskontoret', en: 'Community Development Office' },
    head: { sv: 'Samhällsbyggnadsdirektör', en: 'Director of Community Development' },
    departments: [
      { sv: 'Planavdelningen', en: 'Planning Department' },
      { sv: 'Bygglovsavdelningen', en: 'Building Permit Department' },
      { sv: 'Miljöavdelningen', en: 'Environment Department' },
    ],
  },
  {
    key: 'tekniska-kontoret',
    name: { sv: 'Tekniska kontoret', en: 'Technical Services Office' },
    head: { sv: 'Teknisk direktör', en: 'Director of Technical Services' },
    departments: [
      { sv: 'Gatuavdelningen', en: 'Streets Department' },
      { sv: 'Parkavdelningen', en: 'Parks Department' },
    ],
  },
  {
    key: 'arbetsmarknadskontoret',
    name: { sv: 'Arbetsmarknadskontoret', en: 'Labour Market Office' },
    head: { sv: 'Arbetsmarknadsdirektör', en: 'Director of Labour Market Services' },
    departments: [{ sv: 'Vuxenutbildningen', en: 'Adult Education' }],
  },
  {
    key: 'miljokontoret',
    name: { sv: 'Miljökontoret', en: 'Environment Office' },
    head: { sv: 'Miljöchef', en: 'Head of Environment' },
    departments: [],
  },
  {
    key: 'servicekontoret',
    name: { sv: 'Servicekontoret', en: 'Service Office' },
    head: { sv: 'Servicedirektör', en: 'Director of Services' },
    departments: [
      { sv: 'Måltidsavdelningen', en: 'Catering Department' },
      { sv: 'Lokalförsörjningen', en: 'Premises Management' },
    ],
  },
];

export interface CompanyTemplate {
  key: string;
  /** Name after the municipality's: "Syntetiska 042 Bostäder AB". */
  name: string;
  en: string;
  /** A company that, when present, owns this one instead of the holding company. */
  parent?: string;
}

export const SUBSIDIARIES: CompanyTemplate[] = [
  { key: 'bostader', name: 'Bostäder AB', en: 'housing company' },
  { key: 'energi', name: 'Energi AB', en: 'energy company' },
  { key: 'elnat', name: 'Elnät AB', en: 'electricity network company', parent: 'energi' },
  { key: 'vatten', name: 'Vatten AB', en: 'water company' },
  { key: 'hamn', name: 'Hamn AB', en: 'port company' },
  { key: 'fastigheter', name: 'Fastigheter AB', en: 'property company' },
  { key: 'lokaler', name: 'Lokaler AB', en: 'premises company', parent: 'fastigheter' },
  { key: 'parkering', name: 'Parkering AB', en: 'parking company' },
  { key: 'bredband', name: 'Bredband AB', en: 'broadband company', parent: 'energi' },
  { key: 'naringsliv', name: 'Näringslivsutveckling AB', en: 'business development company' },
  { key: 'flygplats', name: 'Flygplats AB', en: 'airport company' },
  { key: 'teater', name: 'Teater AB', en: 'theatre company' },
  { key: 'turism', name: 'Turism och Evenemang AB', en: 'tourism and events company' },
  { key: 'renhallning', name: 'Renhållning AB', en: 'waste management company' },
  { key: 'arena', name: 'Arena AB', en: 'arena company', parent: 'fastigheter' },
  { key: 'science-park', name: 'Science Park AB', en: 'science park company', parent: 'naringsliv' },
];

export const SUB_COMMITTEES: { key: string; name: Bilingual }[] = [
  { key: 'personalutskott', name: { sv: 'Kommunstyrelsens personalutskott', en: "Executive Board's Personnel Committee" } },
  { key: 'planutskott', name: { sv: 'Kommunstyrelsens planutskott', en: "Executive Board's Planning Committee" } },
  { key: 'ekonomiutskott', name: { sv: 'Kommunstyrelsens ekonomiutskott', en: "Executive Board's Finance Committee" } },
  { key: 'demokratiutskott', name: { sv: 'Kommunstyrelsens demokratiutskott', en: "Executive Board's Democracy Committee" } },
];

/** The sections of a municipal director's instruction, in order; each becomes one provision. */
export const INSTRUCTION_SECTIONS: { key: string; section: string; name: Bilingual; text: string; optional?: boolean }[] = [
  {
    key: 'inledning',
    section: 'Inledning',
    name: { sv: 'Lagens krav på direktör', en: 'What the law requires' },
    text: 'Kommunstyrelsen ska enligt kommunallagen utse en direktör som har den ledande ställningen bland de anställda och är chef för förvaltningen under kommunstyrelsen.',
  },
  {
    key: 'uppdrag',
    section: 'Kommundirektörens uppdrag',
    name: { sv: 'Kommundirektörens uppdrag', en: "The director's mission" },
    text: 'Kommundirektören leder förvaltningen och ansvarar för att kommunstyrelsens och fullmäktiges beslut verkställs.',
  },
  {
    key: 'beredning',
    section: 'Gentemot kommunstyrelsen',
    name: { sv: 'Beredning av ärenden', en: 'Preparing matters' },
    text: 'Kommundirektören ansvarar för beredningen av samtliga ärenden inför kommunstyrelsen och kommunfullmäktige.',
  },
  {
    key: 'verkstallighet',
    section: 'Gentemot kommunstyrelsen',
    name: { sv: 'Verkställighet', en: 'Execution' },
    text: 'Kommundirektören ser till att kommunstyrelsens beslut verkställs och återrapporterar hur det har skett.',
  },
  {
    key: 'uppsikt',
    section: 'Gentemot kommunstyrelsen',
    name: { sv: 'Uppsikt', en: 'Oversight' },
    text: 'Kommundirektören biträder kommunstyrelsen i dess uppsikt över nämnderna och de kommunala bolagen.',
  },
  {
    key: 'namnderna',
    section: 'Gentemot nämnderna',
    name: { sv: 'Stöd till nämnderna', en: 'Support to the committees' },
    text: 'Kommundirektören har närvaro- och yttranderätt i nämnderna och ska se till att de får det stöd de behöver.',
  },
  {
    key: 'kontorschefer',
    section: 'Chef för kontorscheferna',
    name: { sv: 'Chef för kontorscheferna', en: 'Manager of the heads of office' },
    text: 'Kommundirektören är chef för kontorscheferna.',
  },
  {
    key: 'anstallning',
    section: 'Chef för kontorscheferna',
    name: { sv: 'Anställning av kontorschef', en: 'Appointing a head of office' },
    text: 'Kommundirektören beslutar om anställning av kontorschef efter samråd med presidiet i de nämnder som kontoret arbetar för.',
  },
  {
    key: 'organisation',
    section: 'Organisation',
    name: { sv: 'Indelning i kontor', en: 'Division into offices' },
    text: 'Kommunstyrelsen beslutar om förvaltningens indelning i kontor på förslag av kommundirektören.',
  },
  {
    key: 'omorganisation',
    section: 'Organisation',
    name: { sv: 'Organisation inom kontor', en: 'Organisation within an office' },
    text: 'Kommundirektören beslutar om organisationen inom ett kontor i samråd med kontorets chef.',
  },
  {
    key: 'bolag',
    section: 'Bolagen',
    name: { sv: 'VD för moderbolaget', en: 'Managing director of the holding company' },
    text: 'Kommundirektören är verkställande direktör för kommunens moderbolag och samordnar bolagens verksamhet med förvaltningens.',
    optional: true,
  },
  {
    key: 'ekonomi',
    section: 'Ekonomi',
    name: { sv: 'Budget och uppföljning', en: 'Budget and follow-up' },
    text: 'Kommundirektören ansvarar för att förslag till budget tas fram och att ekonomin följs upp.',
  },
  {
    key: 'kris',
    section: 'Krisledning',
    name: { sv: 'Krisledning', en: 'Crisis management' },
    text: 'Vid en extraordinär händelse leder kommundirektören den samlade förvaltningens arbete under krisledningsnämnden.',
    optional: true,
  },
  {
    key: 'media',
    section: 'Externa kontakter',
    name: { sv: 'Massmedia', en: 'The media' },
    text: 'Kommundirektören företräder förvaltningen i kontakter med massmedia.',
  },
  {
    key: 'samverkan',
    section: 'Externa kontakter',
    name: { sv: 'Samverkan i regionen', en: 'Regional cooperation' },
    text: 'Kommundirektören företräder kommunen i samverkan med andra kommuner och regionen på tjänstepersonsnivå.',
    optional: true,
  },
  {
    key: 'internkontroll',
    section: 'Uppföljning',
    name: { sv: 'Intern kontroll', en: 'Internal control' },
    text: 'Kommundirektören ansvarar för att det finns en tillräcklig intern kontroll i förvaltningen.',
  },
  {
    key: 'uppfoljning',
    section: 'Uppföljning',
    name: { sv: 'Uppföljning av instruktionen', en: 'Review of the instruction' },
    text: 'Instruktionen följs upp varje mandatperiod och när en ny kommundirektör anställs.',
  },
];

/** Items of the executive board's scheme of delegation. */
export const DELEGATION_ITEMS: { key: string; reference: string; name: Bilingual; text: string }[] = [
  {
    key: 'a1',
    reference: 'punkt A 1',
    name: { sv: 'Anställning av förvaltningschef', en: 'Appointing a head of administration' },
    text: 'Anställning av förvaltningschef delegeras till kommundirektören.',
  },
  { key: 'a2', reference: 'punkt A 2', name: { sv: 'Lönesättning', en: 'Pay' }, text: 'Lönesättning av kontorschefer delegeras till kommundirektören.' },
  {
    key: 'b1',
    reference: 'punkt B 1',
    name: { sv: 'Upphandling', en: 'Procurement' },
    text: 'Beslut om upphandling upp till tröskelvärdet delegeras till kanslidirektören.',
  },
  { key: 'b2', reference: 'punkt B 2', name: { sv: 'Avtal', en: 'Contracts' }, text: 'Tecknande av avtal inom budget delegeras till kommundirektören.' },
  {
    key: 'c1',
    reference: 'punkt C 1',
    name: { sv: 'Yttranden', en: 'Consultation responses' },
    text: 'Yttranden i brådskande remissärenden delegeras till arbetsutskottet.',
  },
  {
    key: 'c2',
    reference: 'punkt C 2',
    name: { sv: 'Brådskande ärenden', en: 'Urgent matters' },
    text: 'Beslut i ärenden så brådskande att styrelsens avgörande inte kan avvaktas delegeras till ordföranden.',
  },
];

/** The sections of the Local Government Act the synthetic data cites; shared by every municipality. */
export const LAW_SECTIONS: { key: string; reference: string; name: Bilingual; text: string }[] = [
  {
    key: '5-1',
    reference: '5 kap. 1 §',
    name: { sv: 'Fullmäktiges beslutsområden', en: 'What the council decides' },
    text: 'Fullmäktige beslutar i ärenden av principiell beskaffenhet eller annars av större vikt, bland annat budget, skatt och nämndernas organisation.',
  },
  {
    key: '5-26',
    reference: '5 kap. 26 §',
    name: { sv: 'Beredning inför fullmäktige', en: 'Preparation before the council' },
    text: 'Ett ärende ska beredas av en nämnd eller en fullmäktigeberedning innan fullmäktige avgör det.',
  },
  {
    key: '6-1',
    reference: '6 kap. 1 §',
    name: { sv: 'Styrelsens ledning och uppsikt', en: "The board's leadership and oversight" },
    text: 'Styrelsen ska leda och samordna förvaltningen och ha uppsikt över nämndernas och de kommunala bolagens verksamhet.',
  },
  {
    key: '6-6',
    reference: '6 kap. 6 §',
    name: { sv: 'Nämndernas ansvar', en: "The committees' responsibility" },
    text: 'Nämnderna ska var och en inom sitt område se till att verksamheten bedrivs enligt fullmäktiges mål och riktlinjer.',
  },
  {
    key: '6-37',
    reference: '6 kap. 37 §',
    name: { sv: 'Delegering', en: 'Delegation' },
    text: 'En nämnd får uppdra åt ett presidium, ett utskott, en ledamot eller ersättare eller en anställd att besluta på nämndens vägnar.',
  },
  {
    key: '7-1',
    reference: '7 kap. 1 §',
    name: { sv: 'Direktören', en: 'The director' },
    text: 'Styrelsen ska utse en direktör som ska ha den ledande ställningen bland de anställda och vara chef för förvaltningen under styrelsen.',
  },
  {
    key: '7-2',
    reference: '7 kap. 2 §',
    name: { sv: 'Instruktion för direktören', en: "The director's instruction" },
    text: 'Styrelsen ska i en instruktion ange hur direktören ska leda förvaltningen och vilka övriga uppgifter direktören ska ha.',
  },
  {
    key: '10-3',
    reference: '10 kap. 3 §',
    name: { sv: 'Aktiebolag', en: 'Limited companies' },
    text: 'Fullmäktige ska fastställa det kommunala ändamålet med verksamheten och se till att det framgår av bolagsordningen.',
  },
  {
    key: '12-1',
    reference: '12 kap. 1 §',
    name: { sv: 'Revisorernas granskning', en: "The auditors' review" },
    text: 'Revisorerna granskar all verksamhet som bedrivs inom nämndernas verksamhetsområden.',
  },
];
