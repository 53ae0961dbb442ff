import type { GraphPath, Relation } from '@styrgraf/model';
import { byVocabulary } from './order.ts';

function compareSequences(a: string[], b: string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * Turns walks found by an engine (as entity-id sequences) into the API's
 * paths: duplicates and walks that visit an entity twice dropped, ordered by
 * length then ids, at most `limit`, each hop given its first relation by
 * vocabulary order. Both adapters finish their path search here, so they agree.
 */
export function toGraphPaths(walks: string[][], between: (a: string, b: string) => Relation[], limit: number): GraphPath[] {
  const unique = new Map<string, string[]>();
  for (const walk of walks) {
    if (new Set(walk).size !== walk.length) continue;
    unique.set(walk.join('\u0000'), walk);
  }
  return [...unique.values()]
    .sort(compareSequences)
    .slice(0, limit)
    .map((nodes) => ({
      nodes,
      steps: nodes.slice(1).map((to, i) => {
        const from = nodes[i]!;
        const relation = [...between(from, to)].sort(byVocabulary)[0];
        if (!relation) throw new Error(`no relation between ${from} and ${to} on a found path`);
        return { relation, forward: relation.from === from };
      }),
    }));
}
