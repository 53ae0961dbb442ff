import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../api/types.ts';
import { format, STRINGS, type StringKey } from '../../i18n/strings.ts';
import { DEFAULT_VIEW } from '../../state/view-state.ts';
import { describeView, exportFilename } from './describe-view.ts';
import { winAnsi } from './sheet.ts';

const t = (key: StringKey, vars?: Record<string, string | number>) => format(STRINGS.sv[key], vars);
const vocabulary: Vocabulary = {
  families: [
    { family: 'REPORTING', label: 'Rapportering och ledning', labelSv: 'Rapportering och ledning' },
    { family: 'OWNERSHIP', label: 'Ägande', labelSv: 'Ägande' },
  ],
  relationKinds: [],
  entityKinds: [
    { kind: 'POLITICAL_BODY', label: 'Politiskt organ', labelSv: 'Politiskt organ' },
    { kind: 'COMPANY', label: 'Bolag', labelSv: 'Bolag' },
  ],
  participationRoles: [],
  evidenceStatuses: [
    { status: 'STATED', label: 'Står i bestämmelsen', labelSv: 'Står i bestämmelsen', description: '', marker: null },
    { status: 'INTERPRETED', label: 'Tolkning', labelSv: 'Tolkning', description: '', marker: 'tolkning' },
    { status: 'CONTESTED', label: 'Oklart – flera läsningar', labelSv: 'Oklart – flera läsningar', description: '', marker: 'omstritt' },
    { status: 'SOURCED', label: 'Enligt källa', labelSv: 'Enligt källa', description: '', marker: null },
  ],
};
const about = {
  datasetId: 'norrkoping',
  name: 'Norrköpings kommun',
  nameSv: 'Norrköpings kommun',
  digest: 'x',
  version: '2026.1',
  engine: 'memory',
  entityCount: 1,
  relationCount: 1,
  municipalityCount: 1,
};

describe('an export in words', () => {
  it('names the data set, the date, the filters, what is hidden, and the legend of what is drawn only', () => {
    const sheet = describeView(
      t,
      { ...DEFAULT_VIEW, families: ['OWNERSHIP'], hidden: ['nodra-ab'], focus: 'norrkoping-radhus-ab', depth: 2 },
      vocabulary,
      about,
      {
        kinds: ['COMPANY', 'POLITICAL_BODY'],
        families: ['OWNERSHIP'],
        evidence: ['SOURCED_LOW', 'STATED', 'INTERPRETED'],
        nodes: 11,
        edges: 10,
        lonelyHidden: 68,
        hasBoxes: true,
        names: new Map([
          ['nodra-ab', 'Nodra AB'],
          ['norrkoping-radhus-ab', 'Norrköping Rådhus AB'],
        ]),
      },
      '7 december 2026',
    );
    expect(sheet.title).toBe('Norrköpings kommun: styrningen som graf');
    expect(sheet.subtitle).toBe('Organisationen per 7 december 2026');
    expect(sheet.lines).toEqual([
      'Visar: relationer: ägande',
      'Aktörer: alla typer',
      'Fokus: Norrköping Rådhus AB och grannar 2 steg bort',
      'Dolda för hand: Nodra AB',
      'Aktörer utan relation med de här filtren visas inte (68).',
      '11 aktörer och 10 relationer.',
      'Källa: Styrgraf, data Norrköpings kommun version 2026.1.',
    ]);
    expect(sheet.legend.families.map((f) => f.family)).toEqual(['OWNERSHIP']);
    expect(sheet.legend.kinds.map((k) => k.kind)).toEqual(['POLITICAL_BODY', 'COMPANY']);
    expect(sheet.legend.boxes).toContain('ruta');
    // How sure the lines drawn are, in the legend's order, a weak source in the interface's words.
    expect(sheet.legend.evidence).toEqual([
      { evidence: 'STATED', label: 'Står i bestämmelsen' },
      { evidence: 'INTERPRETED', label: 'Tolkning' },
      { evidence: 'SOURCED_LOW', label: 'Enligt källa, osäkert' },
    ]);
  });

  it('is named after the data set and the date, and keeps to what the PDF font can set', () => {
    expect(exportFilename('syntetiska-sverige', '2026-12-07', 'pdf')).toBe('styrgraf-syntetiska-sverige-2026-12-07.pdf');
    expect(winAnsi('Kommunfullmäktige → Kommunstyrelsen – 7 § ✓')).toBe('Kommunfullmäktige -> Kommunstyrelsen – 7 § v');
  });
});
