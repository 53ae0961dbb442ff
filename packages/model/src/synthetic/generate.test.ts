import { describe, expect, it } from 'vitest';
import { parseDataset } from '../load.ts';
import type { ActorEntity, Dataset } from '../types.ts';
import { syntheticFiles } from './files.ts';
import { generateSynthetic } from './generate.ts';

function load(municipalities: number, seed: number): Dataset {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities, seed })));
  if (!result.ok) throw new Error(`synthetic data set is invalid: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.dataset;
}

describe('the synthetic national data set', () => {
  const dataset = load(12, 7);
  const actors = (prefix: string) => dataset.entities.filter((e): e is ActorEntity => e.id.startsWith(`${prefix}-`) && 'subtype' in e);
  const count = (prefix: string, subtype: string) => actors(prefix).filter((e) => e.subtype === subtype && !e.validTo).length;

  it('passes the same validation as graph/, and marks every entity and the meta as synthetic', () => {
    expect(dataset.meta.synthetic).toBe(true);
    expect(dataset.entities.every((e) => e.synthetic === true)).toBe(true);
    expect(dataset.entities.filter((e) => e.id.startsWith('s012-')).length).toBeGreaterThan(40);
  });

  it('gives every municipality the shape of a Swedish one', () => {
    for (let i = 1; i <= 12; i++) {
      const prefix = `s${String(i).padStart(3, '0')}`;
      expect(count(prefix, 'fullmäktige')).toBe(1);
      expect(count(prefix, 'styrelse')).toBe(1);
      expect(count(prefix, 'nämnd')).toBeGreaterThanOrEqual(5);
      expect(count(prefix, 'nämnd')).toBeLessThanOrEqual(12);
      expect(count(prefix, 'utskott')).toBeGreaterThanOrEqual(1);
      expect(count(prefix, 'presidium')).toBe(2);
      expect(count(prefix, 'kontor')).toBeGreaterThanOrEqual(4);
      expect(count(prefix, 'kontor')).toBeLessThanOrEqual(10);
      expect(count(prefix, 'moderbolag')).toBe(1);
      expect(count(prefix, 'dotterbolag')).toBeLessThanOrEqual(15);
      expect(dataset.entities.some((e) => e.id === `${prefix}-kommundirektor`)).toBe(true);
      const areas = dataset.entities.filter((e) => e.kind === 'DECISION_AREA' && e.id.startsWith(prefix));
      expect(areas.length).toBeGreaterThanOrEqual(10);
    }
    // The director is appointed by the board and manages the heads of office, citing the instruction.
    const appoints = dataset.relations.find((r) => r.id === 's003-kommunstyrelsen.appoints.s003-kommundirektor');
    expect(appoints?.cites).toContain('se-kl-7-1');
    expect(dataset.relations.filter((r) => r.from === 's003-kommundirektor' && r.kind === 'MANAGES').length).toBeGreaterThanOrEqual(5);
  });

  it('joins neighbours through shared federations and every municipality to the national association', () => {
    const members = dataset.relations.filter((r) => r.kind === 'MEMBER_OF' && r.to === 'se-kommunforbundet');
    expect(members).toHaveLength(12);
    const federations = dataset.relations.filter((r) => r.kind === 'MEMBER_OF' && r.to.startsWith('se-raddningstjanstforbund-'));
    const sizes = new Map<string, number>();
    for (const r of federations) sizes.set(r.to, (sizes.get(r.to) ?? 0) + 1);
    expect(sizes.size).toBeGreaterThan(0);
    for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic per seed, and a municipality does not depend on how many are generated', () => {
    expect(load(12, 7).digest).toBe(dataset.digest);
    expect(load(12, 8).digest).not.toBe(dataset.digest);
    const few = generateSynthetic({ municipalities: 3, seed: 7 }).parts[2]!;
    const many = generateSynthetic({ municipalities: 30, seed: 7 }).parts[2]!;
    expect(many.entities.map((e) => e.id)).toEqual(few.entities.map((e) => e.id));
  });

  it('refuses a count it cannot name', () => {
    expect(() => generateSynthetic({ municipalities: 0, seed: 1 })).toThrow(/from 1 to 9999/);
  });
});
