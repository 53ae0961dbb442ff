import { familyStyle, kindStyle, SHAPE_PATHS } from '../graph-canvas/theme.ts';

export function KindIcon({ kind, size = 18 }: { kind: string; size?: number }) {
  const style = kindStyle(kind);
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <path d={SHAPE_PATHS[style.shape]} fill={style.fill} stroke={style.border} strokeWidth="1.5" />
    </svg>
  );
}

const DASH = { solid: undefined, dashed: '6 4', dotted: '1.5 3' } as const;

export function FamilyLine({ family, width = 34 }: { family: string; width?: number }) {
  const style = familyStyle(family);
  return (
    <svg className="family-line" width={width} height="12" viewBox={`0 0 ${width} 12`} aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="6"
        x2={width - 7}
        y2="6"
        stroke={style.colour}
        strokeWidth={Math.max(style.width, 1.6)}
        strokeDasharray={DASH[style.line]}
        strokeLinecap="round"
      />
      {style.arrow !== 'none' && <path d={`M${width - 9} 2 L${width - 1} 6 L${width - 9} 10 Z`} fill={style.colour} />}
    </svg>
  );
}
