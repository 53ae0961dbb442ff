import { describe, expect, it } from 'vitest';
import { EntityKind, EvidenceStatus, RelationFamily, RelationKind } from '../../api/generated/enums.ts';
import type { Vocabulary } from '../../api/types.ts';
import { buildStylesheet } from './stylesheet.ts';
import { familyStyle, kindStyle } from './theme.ts';

/** A vocabulary with every family, relation kind and entity kind the API's SDL declares. */
const families = Object.values(RelationFamily);
const relationKinds = Object.values(RelationKind);
const entityKinds = Object.values(EntityKind);
const evidenceStatuses = Object.values(EvidenceStatus);
const vocabulary: Pick<Vocabulary, 'families' | 'relationKinds' | 'entityKinds' | 'evidenceStatuses'> = {
  families: families.map((family) => ({ family, label: family, labelSv: family })),
  // The family of a kind does not matter for coverage; the real one comes from the API.
  relationKinds: relationKinds.map((kind, i) => ({ kind, family: families[i % families.length]!, label: kind, hierarchy: false })),
  entityKinds: entityKinds.map((kind) => ({ kind, label: kind, labelSv: kind })),
  evidenceStatuses: evidenceStatuses.map((status) => ({ status, label: status, labelSv: status, description: status, marker: null })),
};

type Rule = { selector: string; style: Record<string, unknown> };
const rules = buildStylesheet(vocabulary) as unknown as Rule[];
const rule = (selector: string) => rules.find((r) => r.selector === selector);

describe('the stylesheet derived from the vocabulary', () => {
  it('styles every relation family, relation kind and entity kind the API declares', () => {
    for (const f of families) expect(rule(`edge[family = "${f}"]`), f).toBeDefined();
    for (const k of relationKinds) expect(rule(`edge[kind = "${k}"]`)?.style['target-arrow-shape'], k).toBeTruthy();
    for (const k of entityKinds) expect(rule(`node[kind = "${k}"]`)?.style.shape, k).toBeTruthy();
  });

  it('marks every evidence status the API declares but the stated one, each with its own badge, and a weak source apart', () => {
    const badge = (key: string) => {
      const style = rule(`edge[evidence = "${key}"]`)?.style;
      return style && `${String(style['mid-target-arrow-shape'])}/${String(style['mid-target-arrow-fill'])}`;
    };
    const keys = [...evidenceStatuses, 'SOURCED_LOW'];
    for (const key of keys) expect(badge(key), key).toBeDefined();
    expect(badge('STATED')).toBe('none/filled');
    const marked = keys.filter((k) => k !== 'STATED').map(badge);
    expect(marked.every((b) => !b!.startsWith('none/'))).toBe(true);
    expect(new Set(marked).size).toBe(marked.length);
    // Badges follow the family's colour, and come after the families so a contested text's red wins.
    const index = (selector: string) => rules.findIndex((r) => r.selector === selector);
    expect(index('edge[evidence = "CONTESTED"]')).toBeGreaterThan(index('edge[family = "DECISION"]'));
    expect(rule('edge[family = "DECISION"]')?.style['mid-target-arrow-color']).toBe(familyStyle('DECISION').colour);
  });

  it('gives the governance families distinct colours and the organisation kinds distinct shapes and colours', () => {
    const governance = families.filter((f) => f !== 'REFERENCE');
    expect(new Set(governance.map((f) => familyStyle(f).colour)).size).toBe(governance.length);
    const actors: EntityKind[] = ['POLITICAL_BODY', 'ROLE', 'UNIT', 'COMPANY', 'ORGANISATION', 'DECISION_AREA'];
    expect(new Set(actors.map((k) => kindStyle(k).shape)).size).toBe(actors.length);
    expect(new Set(actors.map((k) => kindStyle(k).fill)).size).toBe(actors.length);
  });

  it('styles a family or kind the API adds later without code, and never per element', () => {
    const extended = buildStylesheet({
      ...vocabulary,
      families: [...vocabulary.families, { family: 'FINANCE' as RelationFamily, label: 'Ekonomi', labelSv: 'Ekonomi' }],
    }) as unknown as Rule[];
    const finance = extended.find((r) => r.selector === 'edge[family = "FINANCE"]');
    expect(finance?.style['line-color']).toMatch(/^#[0-9a-f]{6}$/);
    expect(rules.every((r) => !r.selector.includes('#'))).toBe(true);
  });

  it('puts emphasis (selection, path) after kinds and families so it wins', () => {
    const index = (selector: string) => rules.findIndex((r) => r.selector === selector);
    expect(index('edge.on-path')).toBeGreaterThan(index('edge[family = "OVERSIGHT"]'));
    expect(index('node:selected, node.selected')).toBeGreaterThan(index('node[kind = "ROLE"]'));
  });

  it('leaves unreadably small labels undrawn in a large view, and lets selection still win there', () => {
    const index = (selector: string) => rules.findIndex((r) => r.selector === selector);
    expect(rule('node.crowded')?.style['min-zoomed-font-size']).toBeGreaterThan(0);
    expect(index('node:selected, node.selected')).toBeGreaterThan(index('node.crowded'));
    expect(index('edge.on-path')).toBeGreaterThan(index('edge.crowded'));
  });
});
