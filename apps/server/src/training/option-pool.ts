import type { EntityKind, RelationKind } from '@styrgraf/model';
import type { QuizGraph } from './quiz-graph.ts';

/** What a template draws its wrong options from: entities of these kinds that are the source of a pool relation, or the target of a pool-target one. */
export interface PoolShape {
  optionKinds: readonly EntityKind[];
  poolKinds: readonly RelationKind[];
  poolTargets?: readonly RelationKind[];
}

/**
 * A template's wrong-option candidates of every date, worked out once per
 * quiz graph; a date is applied to one candidate at a time, as a draw reads
 * it (`isSource`, `isFiller`).
 *
 * Worked out per date instead, a new date cost a pass over every pool
 * relation of the country before its first question (130 ms of a 140 ms cold
 * quiz at four times the national set): work that grew with the data set, not
 * with the quiz. Here a date costs what the draw reads: a candidate with an
 * undated pool relation is one on every date (most are), and any other is
 * decided by its own few relations.
 */
export class OptionPool {
  /** Sources of a pool relation of some date, in the order of their first such relation (by id). */
  readonly sources: Int32Array;
  /** Targets of a pool-target relation of some date that are not a source on every date, in the same order. */
  readonly fillers: Int32Array;
  private readonly sourceAlways: Uint8Array;
  private readonly targetAlways: Uint8Array;
  private readonly candidate: Uint8Array;

  constructor(
    private readonly graph: QuizGraph,
    private readonly shape: PoolShape,
  ) {
    const size = graph.nodes.length;
    this.sourceAlways = new Uint8Array(size);
    this.targetAlways = new Uint8Array(size);
    // 1: a source of some date, 2: a target of some date, 3: both.
    this.candidate = new Uint8Array(size);
    const isOptionKind = (node: number) => shape.optionKinds.includes(graph.kindOf(node));
    const sources: number[] = [];
    const poolEdges = mergedById(shape.poolKinds.map((k) => graph.edgesOfKind(k)));
    const targetEdges = mergedById((shape.poolTargets ?? []).map((k) => graph.edgesOfKind(k)));
    graph.edgesRead += poolEdges.length + targetEdges.length;
    for (const edge of poolEdges) {
      const node = graph.edgeFrom[edge]!;
      if (!isOptionKind(node)) continue;
      if ((this.candidate[node]! & 1) === 0) sources.push(node);
      this.candidate[node]! |= 1;
      if (!graph.isDated(edge)) this.sourceAlways[node] = 1;
    }
    const fillers: number[] = [];
    for (const edge of targetEdges) {
      const node = graph.edgeTo[edge]!;
      if (!isOptionKind(node)) continue;
      if ((this.candidate[node]! & 2) === 0 && this.sourceAlways[node] === 0) fillers.push(node);
      this.candidate[node]! |= 2;
      if (!graph.isDated(edge)) this.targetAlways[node] = 1;
    }
    this.sources = Int32Array.from(sources);
    this.fillers = Int32Array.from(fillers);
  }

  /** The node is the source of a pool relation in force on the date. */
  isSource(node: number, asOf: string): boolean {
    if (this.sourceAlways[node] === 1) return true;
    if ((this.candidate[node]! & 1) === 0) return false;
    return this.graph.hasOutOf(node, this.shape.poolKinds, asOf);
  }

  /** The node is the target of a pool-target relation in force on the date, and no source on it. */
  isFiller(node: number, asOf: string): boolean {
    if ((this.candidate[node]! & 2) === 0 || this.isSource(node, asOf)) return false;
    return this.targetAlways[node] === 1 || this.graph.hasInto(node, this.shape.poolTargets ?? [], asOf);
  }
}

/** The edges of several kinds in one id order (each list is in id order, and edges are numbered by id). */
function mergedById(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  if (lists.length === 0) return new Int32Array(0);
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all.sort();
}

/** The pool's identity: templates of the same shape share one. */
export const poolKey = (shape: PoolShape): string => `${shape.optionKinds.join()}|${shape.poolKinds.join()}|${(shape.poolTargets ?? []).join()}`;
