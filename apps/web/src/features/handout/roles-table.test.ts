import { describe, expect, it } from 'vitest';
import { actor, BERORDA_PRESIDIER, decisionArea as area, KOMMUNDIREKTOR, KOMMUNSTYRELSEN, participant } from '../../test-support/decision-areas.ts';
import { buildRolesTable } from './roles-table.ts';

describe('the handout decision table', () => {
  it('puts each participant under its role and gathers other roles in one column', () => {
    const table = buildRolesTable([
      area('da-anstallning-kontorschef', 'Anställning av kontorschef', 'Kontorschefer', [
        participant('DECIDES', KOMMUNDIREKTOR),
        participant('PREPARES', KOMMUNDIREKTOR),
        participant('HEARD', BERORDA_PRESIDIER, { label: 'Ska höras' }),
        participant('INFORMED', KOMMUNSTYRELSEN, { label: 'Får beslutet redovisat' }),
        participant('EXECUTES', actor('kontorschef', 'Kontorschef')),
      ]),
      area('da-a', 'Avslut av kontorschef', 'Kontorschefer', [participant('DECIDES', KOMMUNDIREKTOR)]),
    ]);
    expect(table.rows.map((r) => r.area.name)).toEqual(['Anställning av kontorschef', 'Avslut av kontorschef']);
    const first = table.rows[0]!;
    expect(first.cells.DECIDES).toEqual(['Kommundirektör']);
    expect(first.cells.HEARD).toEqual(['Berörda nämnders presidier']);
    expect(first.cells.CONSULTED).toEqual([]);
    expect(first.other).toEqual(['Verkställer: Kontorschef']);
    expect(table.labels.HEARD).toBe('Ska höras');
    expect(table.hasOther).toBe(true);
  });

  it('marks a reading, a contested text and a weak source beside the name, as the sentences do', () => {
    const table = buildRolesTable([
      area('da-anstallning-vd-dotterbolag', 'Anställning av VD i kommunalt dotterbolag', 'Bolag', [
        participant('PREPARES', KOMMUNDIREKTOR),
        participant('CONSULTED', actor('ks-presidium', 'Kommunstyrelsens presidium'), { status: 'CONTESTED' }),
        participant('INFORMED', KOMMUNSTYRELSEN, { status: 'INTERPRETED' }),
      ]),
    ]);
    expect(table.rows[0]!.cells.PREPARES).toEqual(['Kommundirektör']);
    expect(table.rows[0]!.cells.CONSULTED).toEqual(['Kommunstyrelsens presidium (omstritt)']);
    expect(table.rows[0]!.cells.INFORMED).toEqual(['Kommunstyrelsen (tolkning)']);
  });

  it('has no "other" column when every role has its own', () => {
    expect(buildRolesTable([area('da-x', 'X', 'T', [participant('DECIDES', KOMMUNSTYRELSEN)])]).hasOther).toBe(false);
  });
});
