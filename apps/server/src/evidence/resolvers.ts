import {
  EVIDENCE_LABELS,
  EVIDENCE_STATUSES,
  evidenceMarker,
  inText,
  type Bilingual,
  type DecisionAreaEntity,
  type Evidence,
  type EvidenceStatus,
  type Lang,
  type ProvisionEntity,
  type Relation,
} from '@styrgraf/model';
import type { Context } from '../context.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { isProvision, knownAll } from '../known-entities.ts';

/** Resolvers of how each fact is known (evidence) and of what a decision area leaves unsettled; merged into the schema in schema.ts. */

type LangArg = { lang?: 'SV' | 'EN' };
const lang = (args: LangArg): Lang => (args.lang === 'EN' ? 'en' : 'sv');
const pick = (text: Bilingual | undefined, args: LangArg) => text?.[lang(args)] ?? null;

const CONFIDENCE_WORDS: Record<NonNullable<Evidence['confidence']>, Bilingual> = {
  HIGH: { sv: 'hög tillförlitlighet', en: 'high confidence' },
  MEDIUM: { sv: 'medelhög tillförlitlighet', en: 'medium confidence' },
  LOW: { sv: 'låg tillförlitlighet', en: 'low confidence' },
};

async function quotedFrom(evidence: Evidence, ctx: Context): Promise<ProvisionEntity | null> {
  if (!evidence.provision) return null;
  const provision = await ctx.loaders.entity.load(evidence.provision);
  return provision?.kind === 'PROVISION' ? provision : null;
}

/** The detail panel's words: "Enligt kommundirektörens instruktion" for a quote, the status otherwise, a source's confidence beside it. */
async function wording(evidence: Evidence, l: Lang, ctx: Context): Promise<string> {
  if (evidence.status === 'STATED') {
    const provision = await quotedFrom(evidence, ctx);
    const document = provision ? await ctx.loaders.entity.load(provision.document) : null;
    if (document) return l === 'sv' ? `Enligt ${inText(document, l)}` : `According to ${inText(document, l)}`;
  }
  const label = EVIDENCE_LABELS[evidence.status].label[l];
  return evidence.status === 'SOURCED' && evidence.confidence ? `${label} (${CONFIDENCE_WORDS[evidence.confidence][l]})` : label;
}

export const evidenceResolvers: Resolvers = {
  Relation: {
    evidence: (r: Relation) => r.evidence,
  },
  Participant: {
    evidence: (p: { evidence: Evidence }) => p.evidence,
  },
  Participation: {
    evidence: (p: { evidence: Evidence }) => p.evidence,
  },
  Evidence: {
    statusLabel: (e: Evidence, args) => EVIDENCE_LABELS[e.status].label[lang(args)],
    wording: (e: Evidence, args, ctx) => wording(e, lang(args), ctx),
    marker: (e: Evidence, args) => evidenceMarker(e, lang(args)),
    quote: (e: Evidence) => e.quote ?? null,
    quotedFrom: (e: Evidence, _args, ctx) => quotedFrom(e, ctx),
    quoteVerbatim: async (e: Evidence, _args, ctx) => {
      const provision = await quotedFrom(e, ctx);
      return provision ? provision.textKind !== 'PARAPHRASE' : null;
    },
    note: (e: Evidence, args) => pick(e.note, args),
    readings: (e: Evidence, args) => (e.readings ?? []).map((r) => r[lang(args)]),
    confidence: (e: Evidence) => e.confidence ?? null,
    attested: (e: Evidence) => e.attested ?? null,
  },
  DecisionArea: {
    settled: (a: DecisionAreaEntity) => a.settled !== false,
    settledReason: (a: DecisionAreaEntity, args) => pick(a.settledReason, args),
    notDelegable: (a: DecisionAreaEntity, args) => pick(a.notDelegable?.note, args),
    notDelegableProvisions: (a: DecisionAreaEntity, _args, ctx) => knownAll(ctx, a.notDelegable?.cites ?? [], isProvision),
  },
  Vocabulary: {
    evidenceStatuses: () => EVIDENCE_STATUSES.map((status) => ({ status })),
  },
  EvidenceStatusInfo: {
    label: (s: { status: EvidenceStatus }, args) => EVIDENCE_LABELS[s.status].label[lang(args)],
    description: (s: { status: EvidenceStatus }, args) => EVIDENCE_LABELS[s.status].description[lang(args)],
    marker: (s: { status: EvidenceStatus }, args) => pick(EVIDENCE_LABELS[s.status].marker, args),
  },
};
