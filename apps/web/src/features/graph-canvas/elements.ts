import type { ElementDefinition } from 'cytoscape';
import type { Subgraph, Vocabulary } from '../../api/types.ts';
import { evidenceKey, type EvidenceKey } from '../evidence/evidence.ts';
import { kindStyle } from './theme.ts';

/**
 * Relation kinds read from the lower party to the higher one (a subordinate
 * reports to its superior; a part belongs to its whole). The layouts rank by
 * the vocabulary's hierarchical kinds, and by these turned the right way up.
 */
const UPWARD_KINDS = new Set(['REPORTS_TO', 'PART_OF', 'MEMBER_OF']);

export interface NodeData {
  id: string;
  label: string;
  nameEn: string;
  kind: string;
  subtype: string | null;
  size: number;
  /** 1 for the tops of the organisation (whose labels stay readable furthest out), 2 for bodies and branches, 3 for the rest. */
  importance: 1 | 2 | 3;
  /** The compound the entity is drawn inside: the body it is part of, the organisation a post sits in, or the company that owns it. */
  parent?: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: string;
  family: string;
  /** The relation's words, with the bracketed word of a reading, a contested text or a weak source: "leder (tolkning)". */
  label: string;
  /** How the relation is known: the stylesheet draws a badge in the middle of the line for each status but the stated. */
  evidence: EvidenceKey;
  /** Where the layout ranks by this edge: 'down' puts the source above the target, 'up' the target above the source. */
  rank: 'down' | 'up' | null;
  /** A line of the hierarchy in the vocabulary's sense (elects, appoints, heads, manages, reports to, owns): what org charts draw. */
  line: 'down' | 'up' | null;
  /** Shown by one end being drawn inside the other (a part inside its whole, a subsidiary inside its group), not by a line. */
  contained?: true;
}

/** What a box may not say: a text read more than one way, a weak source. */
const DOUBTFUL = new Set<EvidenceKey>(['CONTESTED', 'SOURCED_LOW']);

/** Wholes an entity can be drawn inside, and the parts that go inside them. */
const WHOLE_KINDS = new Set(['POLITICAL_BODY', 'UNIT', 'COMPANY']);
const PART_KINDS = new Set(['POLITICAL_BODY', 'UNIT', 'ROLE', 'COMPANY']);

/**
 * Which entity each is drawn inside: a part inside the body or unit it is
 * part of (a board's utskott and presidium, an office's departments), a post
 * inside the organisation it sits in (a company's VD and chair, a kontor's
 * head, the director in the administration he heads), a company inside the
 * company that owns it (a group). One whole each, in that order; never a loop.
 */
export function compoundParents(subgraph: Pick<Subgraph, 'nodes' | 'edges'>): Map<string, string> {
  const kindOf = new Map(subgraph.nodes.map((n) => [n.id, n.kind as string]));
  const parent = new Map<string, string>();
  const insideOf = (id: string, whole: string) => {
    for (let at: string | undefined = whole; at; at = parent.get(at)) if (at === id) return true;
    return false;
  };
  // A box states its membership as plain fact: a contested or weakly sourced relation stays a line, with its mark (Norrköping Airport AB's owner today is not boxed in).
  const sure = subgraph.edges.filter((e) => !DOUBTFUL.has(evidenceKey(e.evidence)));
  const candidates = [
    ...sure
      .filter((e) => e.kind === 'PART_OF' && WHOLE_KINDS.has(kindOf.get(e.to.id) ?? '') && PART_KINDS.has(kindOf.get(e.from.id) ?? ''))
      .map((e) => [e.from.id, e.to.id] as const),
    ...subgraph.nodes
      .filter((n) => n.postIn && PART_KINDS.has(n.kind) && WHOLE_KINDS.has(kindOf.get(n.postIn.id) ?? ''))
      .map((n) => [n.id, n.postIn!.id] as const),
    ...sure
      .filter((e) => e.kind === 'OWNS' && kindOf.get(e.from.id) === 'COMPANY' && kindOf.get(e.to.id) === 'COMPANY')
      .map((e) => [e.to.id, e.from.id] as const),
  ];
  for (const [part, whole] of candidates) {
    if (parent.has(part) || part === whole || insideOf(part, whole)) continue;
    parent.set(part, whole);
  }
  return parent;
}

/**
 * A post's name inside its organisation's box, less the organisation's name
 * the box already shows: "VD för Nodra AB" in Nodra AB's box reads "VD",
 * "Kontorschef för socialkontoret" in Socialkontoret's reads "Kontorschef".
 * A name that does not end in its organisation's stays whole.
 */
export function nameInside(name: string, organisation: string): string {
  const fold = (text: string) => text.toLocaleLowerCase('sv');
  for (const joint of [' för ', ' i ', ' vid ']) {
    const tail = `${joint}${organisation}`;
    if (name.length > tail.length && fold(name).endsWith(fold(tail))) return name.slice(0, name.length - tail.length);
  }
  return name;
}

/** The canvas elements for a subgraph: names stay Swedish (they are proper names); relation words follow the UI language. */
export function toElements(
  subgraph: Subgraph,
  vocabulary: Pick<Vocabulary, 'relationKinds'>,
  { compounds = true }: { compounds?: boolean } = {},
): ElementDefinition[] {
  const hierarchical = new Set(vocabulary.relationKinds.filter((k) => k.hierarchy).map((k) => k.kind));
  const kindOf = new Map(subgraph.nodes.map((n) => [n.id, n.kind]));
  const parents = compounds ? compoundParents(subgraph) : new Map<string, string>();
  const below = new Map<string, Set<string>>();
  const degree = new Map<string, number>();
  const edges: ElementDefinition[] = [];
  for (const e of subgraph.edges) {
    if (!kindOf.has(e.from.id) || !kindOf.has(e.to.id)) continue;
    degree.set(e.from.id, (degree.get(e.from.id) ?? 0) + 1);
    degree.set(e.to.id, (degree.get(e.to.id) ?? 0) + 1);
    const rank = UPWARD_KINDS.has(e.kind)
      ? 'up'
      : hierarchical.has(e.kind) || (kindOf.get(e.to.id) === 'DECISION_AREA' && kindOf.get(e.from.id) !== 'DECISION_AREA')
        ? 'down'
        : null;
    const line = hierarchical.has(e.kind) ? (UPWARD_KINDS.has(e.kind) ? 'up' : 'down') : null;
    const contained = parents.get(e.from.id) === e.to.id || parents.get(e.to.id) === e.from.id;
    const data: EdgeData = {
      id: e.id,
      source: e.from.id,
      target: e.to.id,
      kind: e.kind,
      family: e.family,
      label: e.evidence.marker ? `${e.label} (${e.evidence.marker})` : e.label,
      evidence: evidenceKey(e.evidence),
      rank,
      line,
      ...(contained ? { contained: true as const } : {}),
    };
    edges.push({ group: 'edges', data });
    const [upper, lower] = line === 'up' ? [e.to.id, e.from.id] : [e.from.id, e.to.id];
    // A line drawn as a box (a VD heading the company it sits in) makes the post no more important than its box's other members.
    if (line && !contained) below.set(upper, new Set([...(below.get(upper) ?? []), lower]));
  }
  for (const [part, whole] of parents) below.set(whole, new Set([...(below.get(whole) ?? []), part]));
  const descendants = (id: string) => {
    const seen = new Set<string>();
    const stack = [...(below.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === id || seen.has(next)) continue;
      seen.add(next);
      stack.push(...(below.get(next) ?? []));
    }
    return seen.size;
  };
  const wholes = new Set(parents.values());
  const nameOf = new Map(subgraph.nodes.map((n) => [n.id, n.name]));
  const nodes: ElementDefinition[] = subgraph.nodes.map((n) => {
    const under = descendants(n.id);
    const importance = under >= 5 || wholes.has(n.id) ? 1 : under >= 1 || n.kind === 'POLITICAL_BODY' || n.kind === 'COMPANY' ? 2 : 3;
    const parent = parents.get(n.id);
    const data: NodeData = {
      id: n.id,
      label: parent && n.postIn?.id === parent ? nameInside(n.name, nameOf.get(parent) ?? '') : n.name,
      nameEn: n.nameEn,
      kind: n.kind,
      subtype: n.subtype,
      size: Math.round(kindStyle(n.kind).size + Math.min(degree.get(n.id) ?? 0, 24) * 0.75),
      importance,
      ...(parent ? { parent } : {}),
    };
    return { group: 'nodes', data };
  });
  return [...nodes, ...edges];
}

/** Two subgraphs as one: used when a focus view is expanded neighbour by neighbour. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const edges = new Map<string, Subgraph['edges'][number]>();
  for (const part of parts) {
    for (const n of part.nodes) nodes.set(n.id, n);
    for (const e of part.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
