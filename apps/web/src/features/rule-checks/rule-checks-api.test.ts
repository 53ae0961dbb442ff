import { describe, expect, it } from 'vitest';
import { countByStatus, provisionLabel } from './rule-checks-api.ts';

describe('the rule checks as the view reads them', () => {
  it('counts the rules that passed, warned and failed, none left out', () => {
    expect(countByStatus([{ status: 'WARN' }, { status: 'PASS' }, { status: 'WARN' }])).toEqual({ PASS: 1, WARN: 2, FAIL: 0 });
    expect(countByStatus([])).toEqual({ PASS: 0, WARN: 0, FAIL: 0 });
  });

  it('names a section of the law by its reference, any other provision by its name', () => {
    expect(provisionLabel({ id: 'kl-6-37', name: 'Delegation till anställd', reference: '6 kap. 37 §' })).toBe('6 kap. 37 §');
    expect(provisionLabel({ id: 'kdi-delegation', name: 'Delegation', reference: null })).toBe('Delegation');
  });
});
