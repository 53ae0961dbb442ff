import { evidenceStyle, MARK_PATHS } from '../graph-canvas/theme.ts';
import type { EvidenceKey } from './evidence.ts';

/** Where the canvas draws the badge in the line's colour, text beside it gets the ink's. */
const INK = '#334155';

/**
 * The canvas's evidence badge, drawn the same way outside it: on a short line
 * (the legend) or alone (beside a sentence, in a table cell). A stated fact
 * has no badge: alone it draws nothing, on a line just the line.
 */
export function EvidenceIcon({ evidence, line = false, colour = INK, size = 12 }: { evidence: EvidenceKey; line?: boolean; colour?: string; size?: number }) {
  const style = evidenceStyle(evidence);
  if (style.mark === 'none' && !line) return null;
  const ink = style.colour ?? colour;
  const mark =
    style.mark === 'none' ? null : (
      <path
        d={MARK_PATHS[style.mark]}
        fill={style.fill === 'filled' ? ink : '#ffffff'}
        stroke={ink}
        strokeWidth="1.6"
        transform={line ? 'translate(11 0)' : undefined}
      />
    );
  return line ? (
    <svg className="evidence-icon" width={34} height={12} viewBox="0 0 34 12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="33" y2="6" stroke={colour} strokeWidth="1.8" strokeLinecap="round" />
      {mark}
    </svg>
  ) : (
    <svg className="evidence-icon" width={size} height={size} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {mark}
    </svg>
  );
}
