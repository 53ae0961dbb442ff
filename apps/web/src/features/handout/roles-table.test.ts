import { describe, expect, it } from 'vitest';
import type { DecisionArea, Participant } from '../../api/types.ts';
import { evidence } from '../../test-support/evidence.ts';
import { buildRolesTable } from './roles-table.ts';

const actor = (id: string, name: string) => ({ id, kind: 'ROLE' as const, name });
const part = (role: Participant['role'], roleLabel: string, id: string, name: string, status: Participant['evidence']['status'] = 'STATED'): Participant => ({
  role,
  roleLabel,
  roleLabelSv: roleLabel,
  actor: actor(id, name),
  provisions: [],
  note: null,
  evidence: evidence(status),
});
const area = (id: string, name: string, topic: string, participants: Participant[]): DecisionArea => ({
  id,
  name,
  nameEn: name,
  topic,
  summary: '',
  unsettled: null,
  settled: true,
  settledReason: null,
  notDelegable: null,
  participants,
});

describe('the handout decision table', () => {
  it('puts each participant under its role and gathers other roles in one column', () => {
    const table = buildRolesTable([
      area('da-anstallning-kontorschef', 'Anställning av kontorschef', 'Kontorschefer', [
        part('DECIDES', 'Beslutar', 'kommundirektor', 'Kommundirektör'),
        part('PREPARES', 'Bereder', 'kommundirektor', 'Kommundirektör'),
        part('HEARD', 'Ska höras', 'berorda-namnders-presidier', 'Berörda nämnders presidier'),
        part('INFORMED', 'Får beslutet redovisat', 'kommunstyrelsen', 'Kommunstyrelsen'),
        part('EXECUTES', 'Verkställer', 'kontorschef', 'Kontorschef'),
      ]),
      area('da-a', 'Avslut av kontorschef', 'Kontorschefer', [part('DECIDES', 'Beslutar', 'kommundirektor', 'Kommundirektör')]),
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
        part('PREPARES', 'Bereder', 'kommundirektor', 'Kommundirektör'),
        part('CONSULTED', 'Samråd', 'ks-presidium', 'Kommunstyrelsens presidium', 'CONTESTED'),
        part('INFORMED', 'Informeras', 'kommunstyrelsen', 'Kommunstyrelsen', 'INTERPRETED'),
      ]),
    ]);
    expect(table.rows[0]!.cells.PREPARES).toEqual(['Kommundirektör']);
    expect(table.rows[0]!.cells.CONSULTED).toEqual(['Kommunstyrelsens presidium (omstritt)']);
    expect(table.rows[0]!.cells.INFORMED).toEqual(['Kommunstyrelsen (tolkning)']);
  });

  it('has no "other" column when every role has its own', () => {
    expect(buildRolesTable([area('da-x', 'X', 'T', [part('DECIDES', 'Beslutar', 'kommunstyrelsen', 'Kommunstyrelsen')])]).hasOther).toBe(false);
  });
});
