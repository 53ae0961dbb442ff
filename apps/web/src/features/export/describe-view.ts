import type { About, Vocabulary } from '../../api/types.ts';
import { GOVERNANCE_FAMILIES, GRAPH_KINDS } from '../../api/types.ts';
import type { Translate } from '../../i18n/use-t.ts';
import type { ViewState } from '../../state/view-state.ts';
import { evidenceLegendEntries } from '../evidence/evidence.ts';
import { legendEntries, type ExportSheet } from './sheet.ts';

export interface DrawnView {
  /** Kinds and families on the canvas (the legend shows only these). */
  kinds: readonly string[];
  families: readonly string[];
  /** How the lines drawn are known (evidence keys). */
  evidence: readonly string[];
  nodes: number;
  edges: number;
  lonelyHidden: number;
  hasBoxes: boolean;
  /** Names of entities the view mentions (focus, hidden), by id. */
  names: ReadonlyMap<string, string>;
}

/** The export's title, date and the view in words: what a trainee reading a printed picture needs to know about what it leaves out. */
export function describeView(
  t: Translate,
  state: ViewState,
  vocabulary: Vocabulary,
  about: About | undefined,
  drawn: DrawnView,
  dateText: string,
): ExportSheet {
  const familyLabel = (f: string) => vocabulary.families.find((x) => x.family === f)?.label.toLowerCase() ?? f;
  const kindLabel = (k: string) => vocabulary.entityKinds.find((x) => x.kind === k)?.label.toLowerCase() ?? k;
  const name = (id: string) => drawn.names.get(id) ?? id;
  const lines: string[] = [];
  const allFamilies = GOVERNANCE_FAMILIES.every((f) => state.families.includes(f));
  lines.push(allFamilies ? t('exportAllFamilies') : t('exportFamilies', { list: state.families.map(familyLabel).join(', ') || '–' }));
  const allKinds = GRAPH_KINDS.every((k) => state.kinds.includes(k));
  lines.push(allKinds ? t('exportAllKinds') : t('exportKinds', { list: state.kinds.map(kindLabel).join(', ') || '–' }));
  if (state.focus) lines.push(t('exportFocus', { name: name(state.focus), depth: state.depth }));
  if (state.hidden.length > 0) lines.push(t('exportHidden', { list: state.hidden.map(name).join(', ') }));
  if (drawn.lonelyHidden > 0) lines.push(t('exportLonely', { n: drawn.lonelyHidden }));
  lines.push(t('exportCounts', { nodes: drawn.nodes, edges: drawn.edges }));
  if (about) lines.push(t('exportSource', { name: about.name, version: about.version }));
  const legend = legendEntries({ kinds: drawn.kinds, families: drawn.families, entityKinds: vocabulary.entityKinds, familyInfo: vocabulary.families });
  const evidence = evidenceLegendEntries(vocabulary.evidenceStatuses, { label: t('evidenceLowLabel'), description: t('evidenceLowDescription') })
    .filter((e) => drawn.evidence.includes(e.key))
    .map((e) => ({ evidence: e.key, label: e.label }));
  return {
    title: t('exportSheetTitle', { name: about?.name ?? t('appName') }),
    subtitle: t('exportAsOf', { date: dateText }),
    lines: [`${t('exportShows')}: ${lines[0]!.charAt(0).toLowerCase()}${lines[0]!.slice(1)}`, ...lines.slice(1)],
    legend: {
      kindsTitle: t('exportKindsLegend'),
      familiesTitle: t('exportFamiliesLegend'),
      evidenceTitle: t('exportEvidenceLegend'),
      ...legend,
      evidence,
      boxes: drawn.hasBoxes ? t('exportBoxLegend') : null,
    },
  };
}

/** The export's file name: the data set, the date shown and the format. */
export function exportFilename(datasetSlug: string, date: string, extension: 'png' | 'svg' | 'pdf'): string {
  return `styrgraf-${datasetSlug}-${date}.${extension}`;
}
