import type { EntityKindInfo, FamilyInfo } from '../../api/types.ts';
import type { EvidenceKey } from '../evidence/evidence.ts';
import { familyStyle, kindStyle, SHAPE_PATHS, DASH_PATTERNS, evidenceStyle, MARK_PATHS } from '../graph-canvas/theme.ts';

/**
 * What an exported picture says besides the graph: a title, the date, the
 * filters in words and a legend of the kinds and families it shows. The PNG,
 * SVG and PDF are drawn from this one description, in the canvas's colours
 * (theme.ts), so a handout and the screen read alike.
 */
export interface ExportSheet {
  title: string;
  subtitle: string;
  /** The view in words: what is shown and what is left out. */
  lines: string[];
  legend: {
    kindsTitle: string;
    familiesTitle: string;
    evidenceTitle: string;
    kinds: { kind: string; label: string }[];
    families: { family: string; label: string }[];
    /** How sure the lines drawn are: the badges the picture has, in the legend's order. */
    evidence: { evidence: EvidenceKey; label: string }[];
    /** Shown when the picture has boxes (compounds). */
    boxes: string | null;
  };
}

export interface LegendSource {
  kinds: readonly string[];
  families: readonly string[];
  entityKinds: readonly EntityKindInfo[];
  familyInfo: readonly FamilyInfo[];
}

/** The legend's entries: only the kinds and families the picture has, in the vocabulary's order. */
export function legendEntries(source: LegendSource): Pick<ExportSheet['legend'], 'kinds' | 'families'> {
  return {
    kinds: source.entityKinds.filter((k) => source.kinds.includes(k.kind)).map((k) => ({ kind: k.kind, label: k.label })),
    families: source.familyInfo.filter((f) => source.families.includes(f.family)).map((f) => ({ family: f.family, label: f.label })),
  };
}

/** An entity kind's shape in the 18 × 18 box, its fill and border; a family's line: one source for every renderer. */
export function kindSwatch(kind: string) {
  const k = kindStyle(kind);
  return { path: SHAPE_PATHS[k.shape], fill: k.fill, border: k.border };
}

/** An evidence badge: its path in a 12 × 12 box (null for the stated, plain line), filled or hollow, and its colour (null: the line's). */
export function evidenceSwatch(key: string) {
  const e = evidenceStyle(key);
  return { path: e.mark === 'none' ? null : MARK_PATHS[e.mark], filled: e.fill === 'filled', colour: e.colour ?? '#334155' };
}

export function familySwatch(family: string) {
  const f = familyStyle(family);
  return { colour: f.colour, dash: DASH_PATTERNS[f.line], width: Math.max(f.width, 1.6) };
}

/** Characters the PDF's standard font (WinAnsi) can set; anything else becomes a plain equivalent. */
export function winAnsi(text: string): string {
  const plain: Record<string, string> = { '→': '->', '←': '<-', '−': '-', '⋯': '...', '✓': 'v', '§': '§' };
  return [...text]
    .map((c) => {
      if (plain[c] !== undefined) return plain[c];
      const code = c.codePointAt(0)!;
      if (code < 0x100 || '–—‘’“”•…€™ŠšŽžŒœŸ'.includes(c)) return c;
      return '?';
    })
    .join('');
}
