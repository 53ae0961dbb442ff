import { fold } from '@styrgraf/text';
import { ParticipationRole } from '../../api/generated/enums.ts';
import type { DecisionArea, EntityRef, Participant } from '../../api/types.ts';
import { addTo } from '../../lib/group.ts';

/** The roles in the SDL's order, which is the order a cell lists them in. */
const PARTICIPATION_ROLES: readonly string[] = Object.values(ParticipationRole);

/**
 * The decision matrix: decision areas (rows, grouped by topic) × actors
 * (columns), each cell the actor's roles in that decision. Built from the
 * API's decision areas, so a new area or actor needs no code.
 */
export interface MatrixColumn {
  actor: EntityRef;
  decides: number;
  total: number;
}

export interface MatrixRow {
  area: DecisionArea;
  /** Who decides, for the "at a glance" column. */
  deciders: EntityRef[];
  cells: Map<string, Participant[]>;
}

export interface MatrixGroup {
  topic: string;
  rows: MatrixRow[];
}

export interface Matrix {
  columns: MatrixColumn[];
  groups: MatrixGroup[];
  roles: { role: ParticipationRole; label: string; labelSv: string }[];
}

const KIND_ORDER = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION'];

export const roleRank = (role: string) => {
  const i = PARTICIPATION_ROLES.indexOf(role);
  return i === -1 ? PARTICIPATION_ROLES.length : i;
};

function matches(area: DecisionArea, words: string[]): boolean {
  if (words.length === 0) return true;
  // Names, topic and actors, not the summary: its prose mentions many things a row is not about.
  const haystack = fold([area.name, area.nameEn, area.topic ?? '', ...area.participants.map((p) => p.actor.name)].join(' '));
  return words.every((w) => haystack.includes(w));
}

export function buildMatrix(areas: readonly DecisionArea[], filter = ''): Matrix {
  const words = fold(filter)
    .split(' ')
    .filter((w) => w !== '');
  const shown = areas.filter((a) => matches(a, words));

  const columns = new Map<string, MatrixColumn>();
  const roles = new Map<ParticipationRole, { role: ParticipationRole; label: string; labelSv: string }>();
  for (const area of shown) {
    for (const p of area.participants) {
      const column = columns.get(p.actor.id) ?? { actor: p.actor, decides: 0, total: 0 };
      column.total += 1;
      if (p.role === 'DECIDES') column.decides += 1;
      columns.set(p.actor.id, column);
      roles.set(p.role, { role: p.role, label: p.roleLabel, labelSv: p.roleLabelSv });
    }
  }
  // The actors who decide most come first: the matrix reads from the powerful to the consulted.
  const orderedColumns = [...columns.values()].sort(
    (a, b) =>
      b.decides - a.decides ||
      b.total - a.total ||
      KIND_ORDER.indexOf(a.actor.kind) - KIND_ORDER.indexOf(b.actor.kind) ||
      a.actor.name.localeCompare(b.actor.name, 'sv'),
  );

  const groups = new Map<string, MatrixGroup>();
  for (const area of shown) {
    const cells = new Map<string, Participant[]>();
    for (const p of area.participants) addTo(cells, p.actor.id, p);
    for (const list of cells.values()) list.sort((a, b) => roleRank(a.role) - roleRank(b.role));
    const deciders = area.participants.filter((p) => p.role === 'DECIDES').map((p) => p.actor);
    const topic = area.topic ?? '';
    const group = groups.get(topic) ?? { topic, rows: [] };
    group.rows.push({ area, deciders, cells });
    groups.set(topic, group);
  }
  for (const g of groups.values()) g.rows.sort((a, b) => a.area.name.localeCompare(b.area.name, 'sv'));

  return {
    columns: orderedColumns,
    groups: [...groups.values()].sort((a, b) => a.topic.localeCompare(b.topic, 'sv')),
    roles: [...roles.values()].sort((a, b) => roleRank(a.role) - roleRank(b.role)),
  };
}
