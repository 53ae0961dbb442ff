import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDatasetOrThrow, parseDataset } from './load.ts';
import { analyseMunicipalities, countScopes, deriveMunicipalities } from './municipalities.ts';
import { syntheticFiles } from './synthetic/files.ts';
import { generateSynthetic } from './synthetic/generate.ts';
import type { ActorEntity, Dataset, Entity, Relation } from './types.ts';
import { familyOf, type ActorKind, type RelationKind } from './vocabulary.ts';

const graphDir = fileURLToPath(new URL('../../../graph', import.meta.url));

function synthetic(municipalities: number, seed: number): Dataset {
  const result = parseDataset(syntheticFiles(generateSynthetic({ municipalities, seed })));
  if (!result.ok) throw new Error(`synthetic data set is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.dataset;
}

/** A bare actor for the hand-made graphs below. */
const actor = (id: string, kind: ActorKind, subtype?: string): ActorEntity => ({
  id,
  kind,
  ...(subtype ? { subtype } : {}),
  name: { sv: id, en: id },
  abbreviations: [],
  aliases: [],
  cites: [],
  sources: [],
});
const relation = (from: string, kind: RelationKind, to: string, cites: string[] = []): Relation => ({
  id: `${from}.${kind.toLowerCase()}.${to}`,
  kind,
  family: familyOf(kind),
  from,
  to,
  cites,
  sources: [],
  evidence: { status: 'SOURCED', confidence: 'HIGH' },
});

describe('which municipality an entity belongs to', () => {
  it('Norrköping: the council, the board, the offices, the companies, the decisions and the management group are the kommun’s; the law and the glossary are no one’s', async () => {
    const dataset = await loadDatasetOrThrow(graphDir);
    const { municipalities, municipalityOf } = deriveMunicipalities(dataset.entities, dataset.relations);
    expect(municipalities.map((m) => m.id)).toEqual(['norrkopings-kommun']);
    for (const id of [
      'norrkopings-kommun',
      'kommunfullmaktige',
      'kommunstyrelsen',
      'kommundirektor',
      'norrkoping-radhus-ab',
      'nodra-ab',
      'da-anstallning-kontorschef',
      'kommunledningsgruppen',
      'ks-2021-0005',
    ]) {
      expect([id, municipalityOf.get(id)]).toEqual([id, 'norrkopings-kommun']);
    }
    // Kommunallagen's sections are cited by the glossary too, which is no municipality's: they are shared.
    for (const id of ['kl-2017-725', 'kl-6-1', 'term-uppsiktsplikt']) expect([id, municipalityOf.get(id)]).toEqual([id, undefined]);
  });

  it('a synthetic country: every entity the generator wrote for a municipality is that municipality’s, and what it wrote for the country is shared', () => {
    const dataset = synthetic(12, 7);
    const { municipalities, municipalityOf } = deriveMunicipalities(dataset.entities, dataset.relations);
    expect(municipalities.map((m) => m.id)).toEqual(Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(3, '0')}-kommunen`));
    // The generator's directories are the oracle: kommuner/sNNN for each municipality, riket for the country. The derivation never reads them.
    const wrongly = dataset.entities.filter((e) => {
      const dir = e.origin!.file.split('/');
      const expected = dir[0] === 'kommuner' ? `${dir[1]}-kommunen` : undefined;
      return municipalityOf.get(e.id) !== expected;
    });
    expect(wrongly.map((e) => `${e.id} → ${municipalityOf.get(e.id)}`)).toEqual([]);
    expect(municipalityOf.get('se-kommunforbundet')).toBeUndefined();
    expect(municipalityOf.get('se-kl-6-1')).toBeUndefined();
  });

  it('an entity two municipalities reach on the same step is shared, and carries neither into what hangs from it', () => {
    const entities: Entity[] = [
      actor('a', 'ORGANISATION', 'kommun'),
      actor('b', 'ORGANISATION', 'Kommun'),
      actor('a-kf', 'POLITICAL_BODY', 'fullmäktige'),
      actor('b-kf', 'POLITICAL_BODY', 'fullmäktige'),
      actor('joint', 'UNIT', 'nämnd'),
      actor('joint-office', 'UNIT', 'kontor'),
      actor('federation', 'ORGANISATION', 'kommunalförbund'),
      actor('a-group', 'UNIT', 'ledningsgrupp'),
      actor('a-ks', 'POLITICAL_BODY', 'styrelse'),
    ];
    const relations = [
      relation('a-kf', 'PART_OF', 'a'),
      relation('b-kf', 'PART_OF', 'b'),
      relation('a-kf', 'ELECTS', 'joint'),
      relation('b-kf', 'ELECTS', 'joint'),
      relation('joint-office', 'SERVES', 'joint'),
      relation('a', 'MEMBER_OF', 'federation'),
      relation('b', 'MEMBER_OF', 'federation'),
      relation('a-kf', 'ELECTS', 'a-ks'),
      relation('a-ks', 'MEMBER_OF', 'a-group'),
    ];
    const { municipalityOf } = deriveMunicipalities(entities, relations);
    expect(Object.fromEntries(entities.map((e) => [e.id, municipalityOf.get(e.id) ?? null]))).toEqual({
      a: 'a',
      b: 'b',
      'a-kf': 'a',
      'b-kf': 'b',
      joint: null,
      'joint-office': null,
      federation: null,
      // A group joined only by one municipality's bodies is that municipality's; a federation, a legal person of its own, is not.
      'a-group': 'a',
      'a-ks': 'a',
    });
  });

  it('counts each scope: a municipality’s own entities and the shared ones it joins; the overview’s municipalities and shared entities', () => {
    const dataset = synthetic(3, 7);
    const membership = analyseMunicipalities(dataset.entities, dataset.relations);
    const { municipalities, overview } = countScopes(membership.scopes);
    const first = municipalities[0]!;
    const own = dataset.entities.filter((e) => membership.municipalityOf.get(e.id) === 's001-kommunen');
    const joined = dataset.relations.filter((r) => r.from === 's001-kommunen' && r.kind === 'MEMBER_OF').map((r) => r.to);
    expect(first.id).toBe('s001-kommunen');
    expect(first.entityCount).toBe(own.length + joined.length);
    expect(first.entitiesByKind.ORGANISATION).toBe(1 + joined.length);
    const scope = new Set([...own.map((e) => e.id), ...joined]);
    expect(first.relationCount).toBe(dataset.relations.filter((r) => r.from !== r.to && scope.has(r.from) && scope.has(r.to)).length);
    const shared = dataset.entities.filter((e) => !membership.municipalityOf.has(e.id));
    expect(overview.entityCount).toBe(shared.length + 3);
    expect(overview.relationsByFamily.STRUCTURE).toBe(dataset.relations.filter((r) => r.kind === 'MEMBER_OF' && r.from.endsWith('-kommunen')).length);
  });
});
