/**
 * Folds text for matching: lower case, diacritics removed (å, ä → a; ö → o;
 * é → e), runs of space and punctuation made one space. "Kommunstyrelsens
 * personalutskott" and "kommunstyrelsens PERSONALUTSKOTT" fold alike, and so
 * do "Vård- och omsorgsnämnden" and "vard och omsorgsnamnden".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}
