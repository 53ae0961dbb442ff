import { foldKeepingOffsets, type GlossaryTermEntity, type Lang } from '@styrgraf/model';

/**
 * Finding glossary terms in running text, for hover explanations: "uppsiktsplikten",
 * "kommunstyrelsens" and "KS" all lead to their term. A term is known by its
 * name (without a parenthesised abbreviation, which counts on its own), its
 * abbreviations and its aliases; in Swedish a word may carry an inflection
 * ending (-en, -ens, -er, -na, …), in English -s or -es. Parts of compounds
 * are not matched ("kontor" is not found in "kontorschef"): the longer term is.
 */

export interface GlossaryMatch {
  /** Offsets into the text, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  text: string;
  term: GlossaryTermEntity;
}

const ENDINGS: Record<Lang, readonly string[]> = {
  sv: ['', 's', 'n', 'ns', 't', 'ts', 'en', 'ens', 'et', 'ets', 'na', 'nas', 'er', 'ers', 'erna', 'ernas', 'ar', 'arna', 'arnas', 'or', 'orna', 'e', 'a'],
  en: ['', 's', 'es', "'s"],
};
const FOLDED_ENDINGS: Record<Lang, string[]> = {
  sv: ENDINGS.sv.map(foldKeepingOffsets).sort((a, b) => b.length - a.length),
  en: ENDINGS.en.map(foldKeepingOffsets).sort((a, b) => b.length - a.length),
};
/** Words shorter than this take no ending, so that abbreviations (KS, VD) match only whole. */
const MIN_INFLECTED = 4;

function formsOf(term: GlossaryTermEntity, lang: Lang): string[] {
  const name = term.name[lang];
  const inParens = [...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!);
  const forms = [name.replace(/\([^)]*\)/g, ''), ...inParens, ...term.abbreviations, ...term.aliases];
  return [...new Set(forms.map((f) => foldKeepingOffsets(f).trim().replace(/\s+/g, ' ')).filter((f) => f.length > 0))];
}

export class GlossaryMatcher {
  private readonly forms: { form: string; term: GlossaryTermEntity }[];

  constructor(
    terms: readonly GlossaryTermEntity[],
    private readonly lang: Lang,
  ) {
    // Longest first, so that "kontorschef" wins over "kontor" and "verkställande direktör" over "direktör".
    this.forms = terms
      .flatMap((term) => formsOf(term, lang).map((form) => ({ form, term })))
      .sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
  }

  /** Every term in the text, left to right, none overlapping. */
  matches(text: string): GlossaryMatch[] {
    const folded = foldKeepingOffsets(text);
    const found: GlossaryMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      if (folded[i] === ' ' || (i > 0 && folded[i - 1] !== ' ')) {
        i++;
        continue;
      }
      const hit = this.matchAt(folded, i);
      if (hit) {
        found.push({ start: i, end: hit.end, text: text.slice(i, hit.end), term: hit.term });
        i = hit.end;
      } else i++;
    }
    return found;
  }

  /** The term a single word or phrase names, inflected or not; undefined when none does. */
  lookup(word: string): GlossaryTermEntity | undefined {
    const folded = foldKeepingOffsets(word).trim().replace(/\s+/g, ' ');
    const hit = this.matchAt(folded, 0);
    return hit && hit.end === folded.length ? hit.term : undefined;
  }

  private matchAt(folded: string, start: number): { end: number; term: GlossaryTermEntity } | undefined {
    for (const { form, term } of this.forms) {
      if (!folded.startsWith(form, start)) continue;
      const stem = start + form.length;
      // The longest ending that closes the word ("council's" folds to "council s", so "'s" is " s").
      const ending = (form.length >= MIN_INFLECTED ? FOLDED_ENDINGS[this.lang] : ['']).find(
        (e) => folded.startsWith(e, stem) && isWordEnd(folded, stem + e.length),
      );
      if (ending !== undefined) return { end: stem + ending.length, term };
    }
    return undefined;
  }
}

function isWordEnd(folded: string, at: number): boolean {
  return at >= folded.length || folded[at] === ' ';
}
