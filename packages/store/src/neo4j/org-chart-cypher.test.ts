import { describe, expect, it } from 'vitest';
import { HIERARCHY_DOWN, HIERARCHY_UP } from './graph-model.ts';
import { cypher } from './statements.ts';

/**
 * The org chart's Cypher names its relationship types by hand (a type cannot
 * be a parameter); the embedded store reads them from the vocabulary's
 * `hierarchy`. These must be the same kinds, each walked in its direction, or
 * the two stores draw different charts (EXERCISES_OWNERSHIP was once missing).
 */
describe('org-chart-level.cypher', () => {
  const text = cypher('org-chart-level');
  const typesOf = (pattern: RegExp) => [...text.matchAll(pattern)].flatMap((m) => m[1]!.split('|')).sort();

  it('walks down exactly the kinds the vocabulary says point down', () => {
    expect(typesOf(/\(:Entity \{id: id\}\)-\[r:([A-Z_|]+)\]->/g)).toEqual([...HIERARCHY_DOWN].sort());
  });

  it('walks up exactly the kinds the vocabulary says point up', () => {
    expect(typesOf(/\(:Entity \{id: id\}\)<-\[r:([A-Z_|]+)\]-/g)).toEqual([...HIERARCHY_UP].sort());
  });
});
