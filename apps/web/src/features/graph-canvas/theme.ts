import type { EntityKind, RelationFamily } from '../../api/types.ts';
import type { EvidenceKey } from '../evidence/evidence.ts';

/**
 * The visual vocabulary: one entry per entity kind and relation family (and
 * the few relation kinds that read differently), keyed like the API's
 * vocabulary. The Cytoscape stylesheet, the legend and the exported images
 * are all drawn from these tables. Colours hold 3:1 against white for
 * graphics (WCAG 1.4.11); labels are dark text on white.
 */
export type NodeShape = 'round-rectangle' | 'ellipse' | 'rectangle' | 'hexagon' | 'barrel' | 'diamond' | 'round-tag' | 'octagon';
export type LineStyle = 'solid' | 'dashed' | 'dotted';
export type ArrowShape = 'triangle' | 'vee' | 'circle' | 'square' | 'tee' | 'triangle-tee' | 'triangle-backcurve' | 'diamond' | 'circle-triangle' | 'none';

export interface KindStyle {
  shape: NodeShape;
  fill: string;
  border: string;
  /** Base size in px; better-connected entities are drawn a little larger. */
  size: number;
}

export interface FamilyStyle {
  colour: string;
  line: LineStyle;
  width: number;
  arrow: ArrowShape;
}

export const KIND_STYLES: Partial<Record<EntityKind, KindStyle>> = {
  POLITICAL_BODY: { shape: 'round-rectangle', fill: '#2f5fb3', border: '#1b3a73', size: 30 },
  ROLE: { shape: 'ellipse', fill: '#d4622b', border: '#8a3510', size: 26 },
  UNIT: { shape: 'rectangle', fill: '#2e8560', border: '#18573c', size: 24 },
  COMPANY: { shape: 'hexagon', fill: '#7d4fb0', border: '#4c2a75', size: 28 },
  ORGANISATION: { shape: 'barrel', fill: '#607085', border: '#384556', size: 28 },
  DECISION_AREA: { shape: 'diamond', fill: '#e0a82e', border: '#8a6010', size: 24 },
  PROVISION: { shape: 'round-tag', fill: '#8d99ae', border: '#4a5568', size: 20 },
  SOURCE_DOCUMENT: { shape: 'rectangle', fill: '#a0aec0', border: '#4a5568', size: 20 },
  WORKSHOP_QUESTION: { shape: 'octagon', fill: '#b794f4', border: '#553c9a', size: 20 },
  GLOSSARY_TERM: { shape: 'ellipse', fill: '#cbd5e0', border: '#4a5568', size: 18 },
};

export const FAMILY_STYLES: Partial<Record<RelationFamily, FamilyStyle>> = {
  REPORTING: { colour: '#1b365d', line: 'solid', width: 2.2, arrow: 'triangle' },
  DECISION: { colour: '#c2410c', line: 'solid', width: 1.8, arrow: 'triangle' },
  CONSULTATION: { colour: '#7c3aed', line: 'dashed', width: 1.6, arrow: 'circle' },
  OWNERSHIP: { colour: '#15803d', line: 'solid', width: 3, arrow: 'diamond' },
  OVERSIGHT: { colour: '#be185d', line: 'dotted', width: 2, arrow: 'vee' },
  STRUCTURE: { colour: '#64748b', line: 'dotted', width: 1.4, arrow: 'none' },
  RIGHTS: { colour: '#0f766e', line: 'dashed', width: 1.4, arrow: 'tee' },
  REFERENCE: { colour: '#94a3b8', line: 'dotted', width: 1, arrow: 'vee' },
};

/** Relation kinds that read differently from the rest of their family. */
export const KIND_ARROWS: Record<string, ArrowShape> = {
  HEARD: 'circle-triangle',
  INFORMED: 'vee',
  DELEGATES_TO: 'triangle-tee',
  SUBDELEGATES_TO: 'triangle-tee',
  DELEGATES: 'triangle-tee',
  CO_OWNS: 'triangle-backcurve',
  AUDITS: 'square',
  SUCCEEDS: 'triangle-backcurve',
  PART_OF: 'vee',
};

/**
 * How sure a relation is, drawn as a badge in the middle of its line (the
 * line's own style already tells its family): nothing where a provision says
 * it, a hollow ring for a reading, a red diamond where the text can be read
 * more than one way, a hollow square for a fact from another source and a
 * filled amber one where that source is weak. Shape and fill tell them apart
 * without colour; the colour only adds to it.
 */
export type MarkShape = 'none' | 'circle' | 'diamond' | 'square';
export interface EvidenceStyle {
  mark: MarkShape;
  fill: 'filled' | 'hollow';
  /** The badge's colour; null is the line's own. */
  colour: string | null;
}

export const EVIDENCE_STYLES: Record<EvidenceKey, EvidenceStyle> = {
  STATED: { mark: 'none', fill: 'filled', colour: null },
  INTERPRETED: { mark: 'circle', fill: 'hollow', colour: null },
  CONTESTED: { mark: 'diamond', fill: 'filled', colour: '#b91c1c' },
  SOURCED: { mark: 'square', fill: 'hollow', colour: null },
  SOURCED_LOW: { mark: 'square', fill: 'filled', colour: '#b45309' },
};

/** A status the API adds later: marked, so it is never mistaken for a stated fact. */
export function evidenceStyle(key: string): EvidenceStyle {
  return EVIDENCE_STYLES[key as EvidenceKey] ?? { mark: 'circle', fill: 'filled', colour: '#334155' };
}

/** The badges as SVG paths in a 12 × 12 box, centred on (6, 6): for the legend, the lists and the exports alike. */
export const MARK_PATHS: Record<Exclude<MarkShape, 'none'>, string> = {
  circle: 'M6 2a4 4 0 1 1 0 8A4 4 0 0 1 6 2Z',
  diamond: 'M6 1 11 6 6 11 1 6Z',
  square: 'M2.5 2.5h7v7h-7Z',
};

/** For a family or kind the API adds later: still distinct, still legible. */
const FALLBACK_COLOURS = ['#334155', '#9a3412', '#166534', '#6b21a8', '#155e75', '#854d0e'];

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind as EntityKind] ?? { shape: 'ellipse', fill: FALLBACK_COLOURS[hash(kind) % FALLBACK_COLOURS.length]!, border: '#1f2933', size: 22 };
}

export function familyStyle(family: string): FamilyStyle {
  return (
    FAMILY_STYLES[family as RelationFamily] ?? {
      colour: FALLBACK_COLOURS[hash(family) % FALLBACK_COLOURS.length]!,
      line: 'solid',
      width: 1.5,
      arrow: 'triangle',
    }
  );
}

export function arrowFor(kind: string, family: string): ArrowShape {
  return KIND_ARROWS[kind] ?? familyStyle(family).arrow;
}

/** The shapes of the canvas as SVG paths in an 18 × 18 box: for legends, lists, the handout and the exported images alike. */
export const SHAPE_PATHS: Record<NodeShape, string> = {
  'round-rectangle': 'M4 2h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  ellipse: 'M9 2a7 7 0 1 1 0 14A7 7 0 0 1 9 2Z',
  rectangle: 'M2.5 3.5h13v11h-13Z',
  hexagon: 'M5 2.5h8l3.5 6.5-3.5 6.5H5L1.5 9Z',
  barrel: 'M4 2.5h10c1.6 2 2.4 4.2 2.4 6.5s-.8 4.5-2.4 6.5H4C2.4 13.5 1.6 11.3 1.6 9S2.4 4.5 4 2.5Z',
  diamond: 'M9 1.5 16.5 9 9 16.5 1.5 9Z',
  'round-tag': 'M3 3h8l5 6-5 6H3Z',
  octagon: 'M6 2h6l4 4v6l-4 4H6l-4-4V6Z',
};

/** Dash patterns of the line styles, in px at a line width of about 2. */
export const DASH_PATTERNS: Record<LineStyle, number[]> = { solid: [], dashed: [6, 4], dotted: [1.5, 3] };

export const HIGHLIGHT = { path: '#f59e0b', selected: '#0b1f3a', underlay: '#fde68a', text: '#1f2933' };
