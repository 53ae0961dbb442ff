export { fold, foldAnyText, foldKeepingOffsets } from '@styrgraf/text';

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}
