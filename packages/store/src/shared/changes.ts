import type { Entity, Relation } from '@styrgraf/model';
import type { Change } from '../port.ts';

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * What started or ended in (from, to]. An entity or relation with validTo D
 * ends in effect on D + 1. Relations are listed only when they carry dates of
 * their own; those that end with an entity are implied by it.
 */
export function computeChanges(entities: Iterable<Entity>, relations: Iterable<Relation>, from: string, to: string): Change[] {
  const changes: Change[] = [];
  const within = (date: string) => date > from && date <= to;
  for (const entity of entities) {
    if (entity.validFrom && within(entity.validFrom)) changes.push({ date: entity.validFrom, type: 'STARTED', entity, relation: null });
    if (entity.validTo && within(dayAfter(entity.validTo))) changes.push({ date: dayAfter(entity.validTo), type: 'ENDED', entity, relation: null });
  }
  for (const relation of relations) {
    if (relation.validFrom && within(relation.validFrom)) changes.push({ date: relation.validFrom, type: 'STARTED', entity: null, relation });
    if (relation.validTo && within(dayAfter(relation.validTo))) changes.push({ date: dayAfter(relation.validTo), type: 'ENDED', entity: null, relation });
  }
  const key = (c: Change) => (c.entity ? `0${c.entity.id}` : `1${c.relation!.id}`);
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type.localeCompare(b.type) || key(a).localeCompare(key(b))));
}

export { dayAfter };
