import { describe, expect, it } from 'vitest';
import { explainPath, relationLabel } from './explain.ts';
import { fold } from './text.ts';
import type { Entity, Relation } from './types.ts';

const entity = (id: string, kind: Entity['kind'], sv: string, en: string, inText?: [string, string]): Entity =>
  ({
    id,
    kind,
    name: { sv, en },
    ...(inText ? { inText: { sv: inText[0], en: inText[1] } } : {}),
    abbreviations: [],
    aliases: [],
    cites: [],
    sources: [],
  }) as Entity;

const people = new Map<string, Entity>(
  [
    entity('ks', 'POLITICAL_BODY', 'Kommunstyrelsen', 'Municipal Executive Board', ['kommunstyrelsen', 'the executive board']),
    entity('kd', 'ROLE', 'Kommundirektör', 'Municipal Director', ['kommundirektören', 'the municipal director']),
    entity('radhus', 'COMPANY', 'Norrköping Rådhus AB', 'Norrköping Rådhus AB'),
    entity('nodra', 'COMPANY', 'Nodra AB', 'Nodra AB'),
    entity('kontor', 'UNIT', 'Socialkontoret', 'Social Services Office', ['socialkontoret', 'the social services office']),
    entity('chef', 'ROLE', 'Socialchef', 'Head of social services', ['socialchefen', 'the head of social services']),
  ].map((e) => [e.id, e]),
);
const rel = (from: string, kind: Relation['kind'], to: string, extra: Partial<Relation> = {}): Relation => ({
  id: `${from}.${kind}.${to}`,
  kind,
  family: 'REPORTING',
  from,
  to,
  cites: [],
  sources: [],
  evidence: { status: 'STATED', quote: 'x' },
  ...extra,
});
const vd = { label: { sv: 'är verkställande direktör för', en: 'is the managing director of' } };

describe('explaining a path', () => {
  it('reads a forward chain as one Swedish sentence', () => {
    const text = explainPath(
      {
        nodes: ['ks', 'kd', 'radhus', 'nodra'],
        steps: [
          { relation: rel('ks', 'APPOINTS', 'kd'), forward: true },
          { relation: rel('kd', 'HEADS', 'radhus', vd), forward: true },
          { relation: rel('radhus', 'OWNS', 'nodra', { family: 'OWNERSHIP' }), forward: true },
        ],
      },
      (id) => people.get(id),
      'sv',
    );
    expect(text).toBe('Kommunstyrelsen anställer kommundirektören, som är verkställande direktör för Norrköping Rådhus AB, som äger Nodra AB.');
  });

  it('uses "who" for roles and "which" for things in English', () => {
    const text = explainPath(
      {
        nodes: ['ks', 'kd', 'radhus'],
        steps: [
          { relation: rel('ks', 'APPOINTS', 'kd'), forward: true },
          { relation: rel('kd', 'HEADS', 'radhus', vd), forward: true },
        ],
      },
      (id) => people.get(id),
      'en',
    );
    expect(text).toBe('The executive board appoints the municipal director, who is the managing director of Norrköping Rådhus AB.');
  });

  it('reads relations walked backwards with their inverse words', () => {
    const text = explainPath(
      {
        nodes: ['kontor', 'chef', 'kd'],
        steps: [
          { relation: rel('chef', 'HEADS', 'kontor'), forward: false },
          { relation: rel('kd', 'MANAGES', 'chef'), forward: false },
        ],
      },
      (id) => people.get(id),
      'sv',
    );
    expect(text).toBe('Socialkontoret leds av socialchefen, som är underställd kommundirektören.');
  });

  it('starts a new sentence every three steps', () => {
    const steps = [
      { relation: rel('ks', 'APPOINTS', 'kd'), forward: true },
      { relation: rel('kd', 'MANAGES', 'chef'), forward: true },
      { relation: rel('chef', 'HEADS', 'kontor'), forward: true },
      { relation: rel('kd', 'HEADS', 'radhus', vd), forward: false },
    ];
    const text = explainPath({ nodes: ['ks', 'kd', 'chef', 'kontor', 'radhus'], steps }, (id) => people.get(id), 'sv');
    expect(text.split('. ')).toHaveLength(2);
    expect(text).toMatch(/\. Socialkontoret leds av Norrköping Rådhus AB\.$/);
  });

  it('marks a step that is a reading, a contested reading or an uncertain source, and no other', () => {
    const steps = [
      { relation: rel('ks', 'APPOINTS', 'kd'), forward: true },
      { relation: rel('kd', 'HEADS', 'radhus', { ...vd, evidence: { status: 'INTERPRETED', note: { sv: 'läsning', en: 'reading' } } }), forward: true },
      { relation: rel('radhus', 'OWNS', 'nodra', { evidence: { status: 'SOURCED', confidence: 'LOW' } }), forward: true },
    ];
    const path = { nodes: ['ks', 'kd', 'radhus', 'nodra'], steps };
    expect(explainPath(path, (id) => people.get(id), 'sv')).toBe(
      'Kommunstyrelsen anställer kommundirektören, som är verkställande direktör för Norrköping Rådhus AB (tolkning), som äger Nodra AB (osäkert).',
    );
    const contested = { ...steps[0]!, relation: rel('ks', 'APPOINTS', 'kd', { evidence: { status: 'CONTESTED', readings: [] } }) };
    expect(explainPath({ nodes: ['ks', 'kd'], steps: [contested] }, (id) => people.get(id), 'en')).toBe(
      'The executive board appoints the municipal director (contested).',
    );
    const sourced = rel('radhus', 'OWNS', 'nodra', { evidence: { status: 'SOURCED', confidence: 'HIGH' } });
    expect(explainPath({ nodes: ['radhus', 'nodra'], steps: [{ relation: sourced, forward: true }] }, (id) => people.get(id), 'sv')).toBe(
      'Norrköping Rådhus AB äger Nodra AB.',
    );
  });

  it('prefers a relation’s own wording over its kind’s', () => {
    expect(relationLabel(rel('kd', 'HEADS', 'radhus', vd), 'sv')).toBe('är verkställande direktör för');
    expect(relationLabel(rel('kd', 'HEADS', 'radhus', vd), 'sv', false)).toBe('leds av');
    expect(relationLabel(rel('kd', 'HEADS', 'radhus', { ...vd, inverseLabel: { sv: 'har som VD', en: 'has as MD' } }), 'en', false)).toBe('has as MD');
  });
});

describe('folding text for search', () => {
  it('folds case, å/ä/ö and punctuation', () => {
    expect(fold('Vård- och omsorgsnämnden')).toBe('vard och omsorgsnamnden');
    expect(fold('  KOMMUNSTYRELSENS   Personalutskott ')).toBe('kommunstyrelsens personalutskott');
    expect(fold('Överförmyndarnämnden')).toBe('overformyndarnamnden');
    expect(fold('Café')).toBe('cafe');
  });
});
