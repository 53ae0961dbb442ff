import { describe, expect, it } from 'vitest';
import type { EntityRef, ParticipationRole } from '../../api/types.ts';
import {
  BERORDA_PRESIDIER as presidier,
  decisionArea as area,
  instructionProvision,
  KOMMUNDIREKTOR as kd,
  KOMMUNSTYRELSEN as ks,
  participant,
} from '../../test-support/decision-areas.ts';
import { fold } from '@styrgraf/text';
import { buildMatrix } from './matrix.ts';

const p = (role: ParticipationRole, who: EntityRef) =>
  participant(role, who, { provisions: [instructionProvision('kdi-anstallning-kontorschef', 'Kommundirektören beslutar om anställning av kontorschefer …')] });

// The shape of the Norrköping data: who decides a kontorschef's employment, and two areas KS decides.
const areas = [
  area('da-anstallning-kontorschef', 'Anställning av kontorschef', 'personal', [p('HEARD', presidier), p('DECIDES', kd), p('INFORMED', ks), p('PREPARES', kd)]),
  area('da-organisation-i-kontor', 'Förvaltningens indelning i kontor', 'organisation', [p('DECIDES', ks), p('PROPOSES', kd)]),
  area('da-instruktion', 'Kommundirektörens instruktion', 'organisation', [p('DECIDES', ks)]),
];

describe('the decision matrix', () => {
  const matrix = buildMatrix(areas);
  const row = matrix.groups.flatMap((g) => g.rows).find((r) => r.area.id === 'da-anstallning-kontorschef')!;

  it('answers "who decides a kontorschef\'s employment?" with the kommundirektör and the provision', () => {
    expect(row.deciders.map((d) => d.name)).toEqual(['Kommundirektör']);
    const cell = row.cells.get('kommundirektor')!;
    expect(cell.map((c) => c.role)).toEqual(['DECIDES', 'PREPARES']);
    expect(cell[0]!.provisions[0]!.id).toBe('kdi-anstallning-kontorschef');
    expect(row.cells.get('berorda-namnders-presidier')!.map((c) => c.role)).toEqual(['HEARD']);
    expect(row.cells.has('kommunstyrelsen')).toBe(true);
  });

  it('puts the actors who decide most first, and groups the rows by topic in Swedish order', () => {
    expect(matrix.columns.map((c) => c.actor.id)).toEqual(['kommunstyrelsen', 'kommundirektor', 'berorda-namnders-presidier']);
    expect(matrix.groups.map((g) => g.topic)).toEqual(['organisation', 'personal']);
    expect(matrix.groups[0]!.rows.map((r) => r.area.id)).toEqual(['da-organisation-i-kontor', 'da-instruktion']);
  });

  it('lists the roles present, in the order of the vocabulary', () => {
    expect(matrix.roles.map((r) => r.role)).toEqual(['DECIDES', 'PROPOSES', 'PREPARES', 'HEARD', 'INFORMED']);
  });

  it('filters rows by words, folding case and å/ä/ö, and keeps only the actors still involved', () => {
    const filtered = buildMatrix(areas, 'ANSTALLNING kontorschef');
    expect(filtered.groups.flatMap((g) => g.rows).map((r) => r.area.id)).toEqual(['da-anstallning-kontorschef']);
    expect(buildMatrix(areas, 'indelning').columns.map((c) => c.actor.id)).toEqual(['kommunstyrelsen', 'kommundirektor']);
    expect(buildMatrix(areas, 'ingenting sådant').groups).toEqual([]);
    expect(fold('Förvaltningens Indelning')).toBe('forvaltningens indelning');
  });
});
