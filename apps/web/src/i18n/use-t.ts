import { useCallback } from 'react';
import { useView } from '../state/store.ts';
import type { Lang } from '../api/types.ts';
import { format, STRINGS, type StringKey } from './strings.ts';

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = useView((s) => s.lang);
  return useCallback((key, vars) => format(STRINGS[lang][key], vars), [lang]);
}

/** The API's Lang argument for the UI language. */
export function useApiLang(): Lang {
  return useView((s) => (s.lang === 'en' ? 'EN' : 'SV'));
}

export function formatDate(date: string, lang: 'sv' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
