import { capitalise } from './text.ts';
import type { DecisionAreaEntity, Entity, Evidence, Relation } from './types.ts';
import {
  EVIDENCE_LABELS,
  LOW_CONFIDENCE_MARKER,
  PARTICIPATION_ROLE_LABELS,
  PARTICIPATION_ROLES,
  relationSpec,
  type Bilingual,
  type Lang,
} from './vocabulary.ts';

/** One hop of a path: the relation and whether it was walked from its source to its target. */
export interface PathStep {
  relation: Relation;
  forward: boolean;
}

/** A walk from one entity to another; `nodes` has one more element than `steps`. */
export interface GraphPath {
  nodes: string[];
  steps: PathStep[];
}

/** The words for a relation read in one direction. */
export function relationLabel(relation: Relation, lang: Lang, forward = true): string {
  const spec = relationSpec(relation.kind);
  if (forward) return (relation.label ?? spec.label)[lang];
  return (relation.inverseLabel ?? spec.inverse)[lang];
}

/** How an entity is named inside a sentence: "kommunstyrelsen", "the executive board". */
export function inText(entity: Pick<Entity, 'name' | 'inText'>, lang: Lang): string {
  return (entity.inText ?? entity.name)[lang];
}

function relative(entity: Entity, lang: Lang): string {
  if (lang === 'sv') return 'som';
  return entity.kind === 'ROLE' ? 'who' : 'which';
}

/**
 * The words a clause carries when its fact is not what a provision says:
 * "tolkning" for a reading, "omstritt" for a contested one, "osäkert" for a
 * source of low confidence. Null for a stated or well-sourced fact.
 */
export function evidenceMarker(evidence: Evidence | undefined, lang: Lang): string | null {
  if (!evidence) return null;
  const marker =
    EVIDENCE_LABELS[evidence.status].marker ?? (evidence.status === 'SOURCED' && evidence.confidence === 'LOW' ? LOW_CONFIDENCE_MARKER : undefined);
  return marker ? marker[lang] : null;
}

const marked = (clause: string, evidence: Evidence | undefined, lang: Lang) => {
  const marker = evidenceMarker(evidence, lang);
  return marker ? `${clause} (${marker})` : clause;
};

const CLAUSES_PER_SENTENCE = 3;

/**
 * A path in plain words: "Kommunstyrelsen anställer kommundirektören, som är
 * VD för Norrköping Rådhus AB, som äger Nodra AB." Long paths are split into
 * sentences of at most three clauses so that they stay readable aloud. A step
 * that is a reading, contested or uncertain says so in brackets after it.
 */
export function explainPath(path: GraphPath, lookup: (id: string) => Entity | undefined, lang: Lang): string {
  const name = (id: string) => {
    const entity = lookup(id);
    return entity ? inText(entity, lang) : id;
  };
  if (path.steps.length === 0) return capitalise(name(path.nodes[0] ?? '')) + '.';
  const sentences: string[] = [];
  let sentence = '';
  path.steps.forEach((step, i) => {
    const subject = path.nodes[i]!;
    const object = path.nodes[i + 1]!;
    const verb = relationLabel(step.relation, lang, step.forward);
    if (i % CLAUSES_PER_SENTENCE === 0) {
      if (sentence) sentences.push(sentence + '.');
      sentence = marked(`${capitalise(name(subject))} ${verb} ${name(object)}`, step.relation.evidence, lang);
    } else {
      const previous = lookup(subject);
      sentence += marked(`, ${previous ? relative(previous, lang) : lang === 'sv' ? 'som' : 'which'} ${verb} ${name(object)}`, step.relation.evidence, lang);
    }
  });
  sentences.push(sentence + '.');
  return sentences.join(' ');
}

/** A relation as one sentence: "Kommunstyrelsen anställer kommundirektören." */
export function explainRelation(relation: Relation, lookup: (id: string) => Entity | undefined, lang: Lang): string {
  return explainPath({ nodes: [relation.from, relation.to], steps: [{ relation, forward: true }] }, lookup, lang);
}

/**
 * Who does what in a decision area, one sentence per role in the reader's
 * order ("Kommundirektören beslutar. Berörda nämnders presidier ska höras."),
 * each participant that is a reading or contested marked as in a path, then
 * why the decider is unsettled and what else the sources leave open.
 */
export function summariseDecisionArea(area: DecisionAreaEntity, lookup: (id: string) => Entity | undefined, lang: Lang): string {
  const sentences: string[] = [];
  for (const role of PARTICIPATION_ROLES) {
    const group = area.participants.filter((p) => p.role === role);
    if (group.length === 0) continue;
    const named = (p: (typeof group)[number]) => {
      const entity = lookup(p.actor);
      return entity ? inText(entity, lang) : p.actor;
    };
    const labels = PARTICIPATION_ROLE_LABELS[role];
    if (group.length === 1) {
      sentences.push(`${marked(`${capitalise(named(group[0]!))} ${labels.clause[lang]}`, group[0]!.evidence, lang)}.`);
      continue;
    }
    const names = group.map((p) => marked(named(p), p.evidence, lang));
    const joined = `${names.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${names.at(-1)}`;
    sentences.push(`${capitalise(joined)} ${labels.clausePlural[lang]}.`);
  }
  if (area.settled === false && area.settledReason) sentences.push(area.settledReason[lang]);
  if (area.unsettled) sentences.push(area.unsettled[lang]);
  return sentences.join(' ');
}

export function pick(text: Bilingual | undefined, lang: Lang): string | undefined {
  return text?.[lang];
}
