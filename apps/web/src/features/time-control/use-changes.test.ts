import { describe, expect, it } from 'vitest';
import type { Change } from '../../api/types.ts';
import { milestones } from './use-changes.ts';

const change = (date: string, type: Change['type'], entity: string | null): Change => ({
  date,
  type,
  description: `${entity ?? 'relation'} ${type}`,
  entity: entity ? { id: entity } : null,
  relation: entity ? null : { id: `r-${date}` },
});

describe('time-control milestones', () => {
  it('marks the dates when entities began or ended, oldest first, with what changed', () => {
    const list = milestones([
      change('2024-01-01', 'STARTED', 'tillvaxt-och-utvecklingskontoret'),
      change('2024-01-01', 'ENDED', 'kultur-och-fritidskontoret'),
      change('2021-01-26', 'STARTED', null),
      change('2023-01-01', 'STARTED', 'kompetensforsorjningskontoret'),
      change('2024-01-01', 'STARTED', null),
    ]);
    expect(list.map((m) => [m.date, m.started, m.ended])).toEqual([
      ['2023-01-01', 1, 0],
      ['2024-01-01', 1, 1],
    ]);
    expect(list[1]!.changes).toHaveLength(3);
  });
});
