import type { ActorEntity, Relation } from '@styrgraf/model';
import { describe, expect, it } from 'vitest';
import { chooseParents } from '../src/parents.ts';
import type { ExportSelection } from '../src/selection.ts';

const body = (id: string): ActorEntity => ({ id, kind: 'POLITICAL_BODY', name: { sv: id, en: id }, abbreviations: [], aliases: [], cites: [], sources: [] });
const rel = (kind: Relation['kind'], from: string, to: string): Relation => ({
  id: `${from}.${kind.toLowerCase()}.${to}`,
  kind,
  family: kind === 'PART_OF' ? 'STRUCTURE' : 'REPORTING',
  from,
  to,
  cites: [],
  sources: ['https://example.org'],
  evidence: { status: 'SOURCED', confidence: 'HIGH' },
});
const selection = (relations: Relation[]): ExportSelection => ({
  dataset: { id: 't', name: { sv: 't', en: 't' }, version: '1', digest: 'd' },
  asOf: null,
  families: ['STRUCTURE', 'REPORTING'],
  kinds: ['POLITICAL_BODY'],
  entities: ['a', 'b', 'c'].map(body),
  relations,
  provisions: new Map(),
  documents: new Map(),
});
const isOrg = (e: unknown) => e !== undefined;

describe('chooseParents', () => {
  it('takes the first rule that gives a parent, then the next rule for the rest', () => {
    const parents = chooseParents(
      selection([rel('ELECTS', 'a', 'b'), rel('PART_OF', 'b', 'c'), rel('ELECTS', 'a', 'c')]),
      [
        { kind: 'PART_OF', childIs: 'from' },
        { kind: 'ELECTS', childIs: 'to' },
      ],
      isOrg,
    );
    expect([...parents].map(([child, p]) => [child, p.parent])).toEqual([
      ['b', 'c'],
      ['c', 'a'],
    ]);
  });

  it('never closes a loop, so a reader walking up the parents reaches a top', () => {
    const parents = chooseParents(
      selection([rel('PART_OF', 'a', 'b'), rel('PART_OF', 'b', 'c'), rel('PART_OF', 'c', 'a')]),
      [{ kind: 'PART_OF', childIs: 'from' }],
      isOrg,
    );
    expect([...parents].map(([child, p]) => [child, p.parent])).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });
});
