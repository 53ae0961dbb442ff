import { familyStyle, kindStyle, type NodeShape } from '../graph-canvas/theme.ts';

/** The shapes of the canvas, drawn small for legends and lists, from the same theme tables as the stylesheet. */
const SHAPES: Record<NodeShape, string> = {
  'round-rectangle': 'M4 2h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  ellipse: 'M9 2a7 7 0 1 1 0 14A7 7 0 0 1 9 2Z',
  rectangle: 'M2.5 3.5h13v11h-13Z',
  hexagon: 'M5 2.5h8l3.5 6.5-3.5 6.5H5L1.5 9Z',
  barrel: 'M4 2.5h10c1.6 2 2.4 4.2 2.4 6.5s-.8 4.5-2.4 6.5H4C2.4 13.5 1.6 11.3 1.6 9S2.4 4.5 4 2.5Z',
  diamond: 'M9 1.5 16.5 9 9 16.5 1.5 9Z',
  'round-tag': 'M3 3h8l5 6-5 6H3Z',
  octagon: 'M6 2h6l4 4v6l-4 4H6l-4-4V6Z',
};

export function KindIcon({ kind, size = 18 }: { kind: string; size?: number }) {
  const style = kindStyle(kind);
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path d={SHAPES[style.shape]} fill={style.fill} stroke={style.border} strokeWidth="1.5" />
    </svg>
  );
}

const DASH = { solid: undefined, dashed: '6 4', dotted: '1.5 3' } as const;

export function FamilyLine({ family, width = 34 }: { family: string; width?: number }) {
  const style = familyStyle(family);
  return (
    <svg className="family-line" width={width} height="12" viewBox={`0 0 ${width} 12`} aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2={width - 7} y2="6" stroke={style.colour} strokeWidth={Math.max(style.width, 1.6)} strokeDasharray={DASH[style.line]} strokeLinecap="round" />
      {style.arrow !== 'none' && <path d={`M${width - 9} 2 L${width - 1} 6 L${width - 9} 10 Z`} fill={style.colour} />}
    </svg>
  );
}
