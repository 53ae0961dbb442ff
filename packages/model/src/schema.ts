import { z } from 'zod';
import {
  ACTOR_KINDS,
  CONFIDENCE_LEVELS,
  COVERAGE_STATUSES,
  EVIDENCE_CONFIDENCE_LEVELS,
  EVIDENCE_STATUSES,
  PARTICIPATION_ROLES,
  RELATION_FAMILIES,
  RELATION_KIND_NAMES,
  type RelationKind,
} from './vocabulary.ts';

/**
 * The shape of one file in graph/. Every file is a YAML mapping whose keys
 * name the concern it holds; a data set is all files under a directory.
 * Cross-file rules (references, kinds, dates) live in validate.ts.
 */

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const id = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits, ".", "-" or "_" (for example "kommunstyrelsen")');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
const date = z.string().refine(isIsoDate, 'must be a real date written YYYY-MM-DD');

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.strictObject({ sv: text, en: text });
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const citing = {
  cites: z.array(id).default([]),
  sources: z.array(url).default([]),
};

/**
 * How a fact is known. What each status requires (a quote that stands in a
 * cited provision, a written reading, two readings, a source) is checked
 * across records in validate.ts, where the cited provisions are at hand.
 */
export const evidenceSchema = z.strictObject({
  status: z.enum(EVIDENCE_STATUSES),
  quote: text.exactOptional(),
  provision: id.exactOptional(),
  note: bilingual.exactOptional(),
  readings: z.array(bilingual).exactOptional(),
  confidence: z.enum(EVIDENCE_CONFIDENCE_LEVELS).exactOptional(),
  attested: z
    .string()
    .refine((v) => /^\d{4}$/.test(v) || isIsoDate(v), 'must be a year (YYYY) or a real date (YYYY-MM-DD)')
    .exactOptional(),
});

const entityCommon = {
  id,
  name: bilingual,
  inText: bilingual.exactOptional(),
  abbreviations: z.array(text).default([]),
  aliases: z.array(text).default([]),
  description: bilingual.exactOptional(),
  confidence: z.enum(CONFIDENCE_LEVELS).exactOptional(),
  note: bilingual.exactOptional(),
  validFrom: date.exactOptional(),
  validTo: date.exactOptional(),
  synthetic: z.boolean().exactOptional(),
  ...citing,
};

export const actorSchema = z.strictObject({
  ...entityCommon,
  kind: z.enum(ACTOR_KINDS),
  subtype: text.exactOptional(),
  postIn: id.exactOptional(),
  role: id.exactOptional(),
  generic: z.boolean().exactOptional(),
});

export const relationSchema = z.strictObject({
  id: id.exactOptional(),
  kind: z.enum(RELATION_KIND_NAMES as [RelationKind, ...RelationKind[]]),
  from: id,
  to: id,
  label: bilingual.exactOptional(),
  inverseLabel: bilingual.exactOptional(),
  note: bilingual.exactOptional(),
  validFrom: date.exactOptional(),
  validTo: date.exactOptional(),
  ...citing,
  // Required of every relation written in a file; its absence is reported by the validator with what to add.
  evidence: evidenceSchema.exactOptional(),
});

export const participationSchema = z.strictObject({
  role: z.enum(PARTICIPATION_ROLES),
  actor: id,
  note: bilingual.exactOptional(),
  validFrom: date.exactOptional(),
  validTo: date.exactOptional(),
  ...citing,
  evidence: evidenceSchema.exactOptional(),
});

export const decisionAreaSchema = z.strictObject({
  ...entityCommon,
  topic: text.exactOptional(),
  participants: z.array(participationSchema).min(1, 'a decision area needs at least one participant'),
  unsettled: bilingual.exactOptional(),
  settled: z.boolean().exactOptional(),
  settledReason: bilingual.exactOptional(),
  notDelegable: z.strictObject({ cites: z.array(id).min(1, 'name the provision that keeps the decision with the body'), note: bilingual }).exactOptional(),
});

export const documentSchema = z.strictObject({
  ...entityCommon,
  reference: text.exactOptional(),
  adopted: date.exactOptional(),
  adoptedBy: id.exactOptional(),
  replaces: text.exactOptional(),
  url: url.exactOptional(),
  governs: id.exactOptional(),
});

export const provisionSchema = z.strictObject({
  ...entityCommon,
  document: id,
  order: z.number().int().nonnegative(),
  section: text,
  text,
  textKind: z.enum(['VERBATIM', 'PARAPHRASE', 'TITLE']),
  reference: text.exactOptional(),
  verified: z.boolean().exactOptional(),
});

export const questionSchema = z.strictObject({
  ...entityCommon,
  order: z.number().int().nonnegative(),
  section: text,
  topic: text.exactOptional(),
  alsoInSections: z.array(text).default([]),
  status: z.enum(COVERAGE_STATUSES),
  provisions: z.array(id).default([]),
  reason: bilingual,
});

export const glossarySchema = z.strictObject({
  ...entityCommon,
  definition: bilingual,
  related: z.array(id).default([]),
});

const families = z.array(z.enum(RELATION_FAMILIES)).min(1, 'name at least one family, or leave the field out for all');

export const tourStepSchema = z.strictObject({
  title: bilingual,
  text: bilingual,
  focus: z.array(id).default([]),
  roles: z.array(z.enum(PARTICIPATION_ROLES)).min(1, 'name at least one role, or leave the field out for all').exactOptional(),
  families: families.exactOptional(),
  path: z.strictObject({ from: id, via: z.array(id).exactOptional(), to: id, families: families.exactOptional() }).exactOptional(),
  ...citing,
  asOf: date.exactOptional(),
});

export const tourSchema = z.strictObject({
  id,
  order: z.number().int().nonnegative(),
  title: bilingual,
  summary: bilingual,
  steps: z.array(tourStepSchema).min(1, 'a tour needs at least one step'),
});

export const metaSchema = z.strictObject({
  id,
  name: bilingual,
  version: text,
  description: bilingual.exactOptional(),
  synthetic: z.boolean().exactOptional(),
  gaps: z.array(bilingual).exactOptional(),
});

export const graphFileSchema = z.strictObject({
  meta: metaSchema.exactOptional(),
  documents: z.array(documentSchema).exactOptional(),
  provisions: z.array(provisionSchema).exactOptional(),
  entities: z.array(actorSchema).exactOptional(),
  relations: z.array(relationSchema).exactOptional(),
  decisionAreas: z.array(decisionAreaSchema).exactOptional(),
  questions: z.array(questionSchema).exactOptional(),
  glossary: z.array(glossarySchema).exactOptional(),
  tours: z.array(tourSchema).exactOptional(),
});

export type GraphFile = z.infer<typeof graphFileSchema>;
export const GRAPH_FILE_KEYS = Object.keys(graphFileSchema.shape) as (keyof GraphFile)[];
