import type { DecisionArea, ParticipationRole } from '../../api/types.ts';

/** The handout's columns: who decides, proposes, prepares, is consulted, heard and informed. Other roles are gathered in one last column. */
export const HANDOUT_ROLES: readonly ParticipationRole[] = ['DECIDES', 'PROPOSES', 'PREPARES', 'CONSULTED', 'HEARD', 'INFORMED'];

export interface RolesRow {
  area: { id: string; name: string; topic: string | null; settled: boolean };
  /** Actor names per role, in the order the API gives them, a reading or a contested text marked as the sentences mark it ("Kommunstyrelsens presidium (omstritt)"); "other" holds the remaining roles as "label: name". */
  cells: Record<ParticipationRole, string[]>;
  other: string[];
}

export interface RolesTable {
  /** Each column's label in the current language, from the data itself. */
  labels: Partial<Record<ParticipationRole, string>>;
  rows: RolesRow[];
  hasOther: boolean;
}

export function buildRolesTable(areas: readonly DecisionArea[]): RolesTable {
  const labels: Partial<Record<ParticipationRole, string>> = {};
  const rows = areas.map((area) => {
    const cells = Object.fromEntries(HANDOUT_ROLES.map((r) => [r, [] as string[]])) as unknown as Record<ParticipationRole, string[]>;
    const other: string[] = [];
    for (const p of area.participants) {
      labels[p.role] ??= p.roleLabel;
      const name = p.evidence.marker ? `${p.actor.name} (${p.evidence.marker})` : p.actor.name;
      if (HANDOUT_ROLES.includes(p.role)) {
        if (!cells[p.role].includes(name)) cells[p.role].push(name);
      } else other.push(`${p.roleLabel}: ${name}`);
    }
    return { area: { id: area.id, name: area.name, topic: area.topic, settled: area.settled }, cells, other };
  });
  rows.sort((a, b) => (a.area.topic ?? '').localeCompare(b.area.topic ?? '', 'sv') || a.area.name.localeCompare(b.area.name, 'sv'));
  return { labels, rows, hasOther: rows.some((r) => r.other.length > 0) };
}
