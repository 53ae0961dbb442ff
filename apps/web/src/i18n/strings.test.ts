import { describe, expect, it } from 'vitest';
import { format, STRINGS } from './strings.ts';

describe('interface strings', () => {
  it('every Swedish string has an English one and neither is empty', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.sv).sort());
    for (const lang of ['sv', 'en'] as const) for (const [key, value] of Object.entries(STRINGS[lang])) expect(value.trim(), `${lang}.${key}`).not.toBe('');
  });

  it('placeholders are the same in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(STRINGS.sv) as (keyof typeof STRINGS.sv)[]) expect(names(STRINGS.en[key]), key).toEqual(names(STRINGS.sv[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{nodes} aktörer · {edges} relationer', { nodes: 80, edges: 194 })).toBe('80 aktörer · 194 relationer');
    expect(format('{x} kvar', {})).toBe('{x} kvar');
  });
});
