import { loadDatasetOrThrow, type GlossaryTermEntity } from '@styrgraf/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import { GlossaryMatcher } from './glossary.ts';

let sv: GlossaryMatcher;
let en: GlossaryMatcher;

beforeAll(async () => {
  const dataset = await loadDatasetOrThrow(`${repoRoot}graph`);
  const terms = dataset.entities.filter((e): e is GlossaryTermEntity => e.kind === 'GLOSSARY_TERM');
  sv = new GlossaryMatcher(terms, 'sv');
  en = new GlossaryMatcher(terms, 'en');
});

const found = (matcher: GlossaryMatcher, text: string) => matcher.matches(text).map((m) => [m.text, m.term.id]);

describe('glossary terms in running text', () => {
  it('finds terms inflected, capitalised and by abbreviation, with their places', () => {
    const text = 'Kommunstyrelsens uppsiktsplikt gäller nämnderna; KS biträds av kommundirektören.';
    expect(found(sv, text)).toEqual([
      ['Kommunstyrelsens', 'term-kommunstyrelse'],
      ['uppsiktsplikt', 'term-uppsiktsplikt'],
      ['nämnderna', 'term-namnd'],
      ['KS', 'term-kommunstyrelse'],
      ['kommundirektören', 'term-kommundirektor'],
    ]);
    const [first] = sv.matches(text);
    expect(text.slice(first!.start, first!.end)).toBe('Kommunstyrelsens');
  });

  it('prefers the longer term and does not match inside compounds', () => {
    expect(found(sv, 'Kontorschefen leder kontoret.')).toEqual([
      ['Kontorschefen', 'term-kontorschef'],
      ['kontoret', 'term-kontor'],
    ]);
    // "nämnd" is not found inside the name "socialnämnden", nor "kontor" inside "kontorsvis".
    expect(found(sv, 'Socialnämnden arbetar kontorsvis.')).toEqual([]);
  });

  it('keeps offsets right after å, ä and ö', () => {
    const text = 'Åtgärden kräver hörande av nämndens presidium.';
    const matches = sv.matches(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['hörande', 'nämndens', 'presidium']);
  });

  it('finds English terms with their plural and possessive', () => {
    expect(found(en, "The council's committees and the executive board's oversight")).toEqual(expect.arrayContaining([['committees', 'term-namnd']]));
  });

  it('looks up a single word or phrase, inflected or not, and nothing else', () => {
    expect(sv.lookup('uppsiktsplikten')?.id).toBe('term-uppsiktsplikt');
    expect(sv.lookup('KS')?.id).toBe('term-kommunstyrelse');
    expect(sv.lookup('Verkställande direktören')?.id).toBe('term-vd');
    expect(sv.lookup('samrådet')?.id).toBe('term-samrad');
    expect(sv.lookup('kommunstyrelsen och nämnderna')).toBeUndefined();
    expect(sv.lookup('kaffe')).toBeUndefined();
  });
});
