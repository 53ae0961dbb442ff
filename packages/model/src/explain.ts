import { capitalise } from './text.ts';
import type { Entity, Relation } from './types.ts';
import { relationSpec, type Bilingual, type Lang } from './vocabulary.ts';

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

const CLAUSES_PER_SENTENCE = 3;

/**
 * A path in plain words: "Kommunstyrelsen anställer kommundirektören, som är
 * VD för Norrköping Rådhus AB, som äger Nodra AB." Long paths are split into
 * sentences of at most three clauses so that they stay readable aloud.
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
      sentence = `${capitalise(name(subject))} ${verb} ${name(object)}`;
    } else {
      const previous = lookup(subject);
      sentence += `, ${previous ? relative(previous, lang) : lang === 'sv' ? 'som' : 'which'} ${verb} ${name(object)}`;
    }
  });
  sentences.push(sentence + '.');
  return sentences.join(' ');
}

/** A relation as one sentence: "Kommunstyrelsen anställer kommundirektören." */
export function explainRelation(relation: Relation, lookup: (id: string) => Entity | undefined, lang: Lang): string {
  return explainPath({ nodes: [relation.from, relation.to], steps: [{ relation, forward: true }] }, lookup, lang);
}

export function pick(text: Bilingual | undefined, lang: Lang): string | undefined {
  return text?.[lang];
}
