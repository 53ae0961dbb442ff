import type { ReactNode } from 'react';
import type { EvidenceStatusInfo, Vocabulary } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { evidenceLegendEntries } from '../evidence/evidence.ts';
import { EvidenceIcon } from '../evidence/EvidenceIcon.tsx';
import { arrowFor } from '../graph-canvas/theme.ts';
import { FamilyLine, KindIcon } from './KindIcon.tsx';
import './legend.css';

/** One row of the legend: the canvas's own shape or line beside its words, and optionally a control (the filters' checkbox). */
export function LegendRow({ swatch, label, secondary, control }: { swatch: ReactNode; label: string; secondary?: string | undefined; control?: ReactNode }) {
  return (
    <div className="legend-row">
      {control}
      <span className="legend-swatch">{swatch}</span>
      <span className="legend-text">
        <span>{label}</span>
        {secondary && <span className="legend-secondary">{secondary}</span>}
      </span>
    </div>
  );
}

export const kindSwatch = (kind: string) => <KindIcon kind={kind} />;
export const familySwatch = (family: string) => <FamilyLine family={family} />;

const ARROW_WORDS: Record<string, string> = {
  triangle: '→',
  vee: '⟶',
  circle: '●',
  'circle-triangle': '●▸',
  'triangle-tee': '▸|',
  'triangle-backcurve': '⊳',
  square: '■',
  diamond: '◆',
  tee: '⊣',
  none: '',
};

/** The relation kinds of each family, with the words the canvas shows on their lines. */
export function RelationKindLegend({ vocabulary, families }: { vocabulary: Vocabulary; families: readonly string[] }) {
  return (
    <div className="kind-legend">
      {vocabulary.families
        .filter((f) => families.includes(f.family))
        .map((f) => (
          <div key={f.family} className="kind-legend-family">
            <p className="kind-legend-title">
              <FamilyLine family={f.family} width={26} /> {f.label}
            </p>
            <ul>
              {vocabulary.relationKinds
                .filter((k) => k.family === f.family)
                .map((k) => (
                  <li key={k.kind}>
                    <span className="arrow-glyph" aria-hidden="true">
                      {ARROW_WORDS[arrowFor(k.kind, k.family)] ?? '→'}
                    </span>
                    {k.label}
                  </li>
                ))}
            </ul>
          </div>
        ))}
    </div>
  );
}

/** How sure a relation is: the canvas's badge on a line beside each status's words. */
export function EvidenceLegend({ statuses, english }: { statuses: readonly EvidenceStatusInfo[]; english: boolean }) {
  const t = useT();
  const entries = evidenceLegendEntries(statuses, { label: t('evidenceLowLabel'), description: t('evidenceLowDescription') });
  return (
    <section className="evidence-legend" aria-labelledby="evidence-legend-title" data-testid="evidence-legend">
      <h2 id="evidence-legend-title" className="filter-heading">
        {t('evidenceLegend')}
      </h2>
      <p className="evidence-legend-lead">{t('evidenceLegendLead')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-evidence={e.key}>
            <LegendRow
              swatch={<EvidenceIcon evidence={e.key} line />}
              label={english && e.labelSv && e.labelSv !== e.label ? `${e.label} (${e.labelSv})` : e.label}
              secondary={e.description}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
