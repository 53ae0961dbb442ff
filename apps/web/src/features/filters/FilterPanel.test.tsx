// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createViewStore, setViewStore, type Location } from '../../state/store.ts';
import { FilterPanel } from './FilterPanel.tsx';

const vocabulary = {
  families: [
    { family: 'REPORTING', label: 'Rapportering och ledning', labelSv: 'Rapportering och ledning' },
    { family: 'OVERSIGHT', label: 'Uppsikt och granskning', labelSv: 'Uppsikt och granskning' },
    { family: 'REFERENCE', label: 'Källhänvisningar', labelSv: 'Källhänvisningar' },
  ],
  relationKinds: [{ kind: 'OVERSEES', family: 'OVERSIGHT', label: 'har uppsikt över', hierarchy: false }],
  entityKinds: [
    { kind: 'POLITICAL_BODY', label: 'Politiskt organ', labelSv: 'Politiskt organ' },
    { kind: 'PROVISION', label: 'Bestämmelse', labelSv: 'Bestämmelse' },
  ],
  participationRoles: ['DECIDES'],
  evidenceStatuses: [
    { status: 'STATED', label: 'Står i bestämmelsen', labelSv: 'Står i bestämmelsen', description: 'En bestämmelse säger det med så många ord.', marker: null },
    {
      status: 'CONTESTED',
      label: 'Oklart – flera läsningar',
      labelSv: 'Oklart – flera läsningar',
      description: 'Texten går att läsa på mer än ett sätt.',
      marker: 'omstritt',
    },
    { status: 'SOURCED', label: 'Enligt källa', labelSv: 'Enligt källa', description: 'Ingen bestämmelse säger det.', marker: null },
  ],
};

let location: Location & { pushed: string[] };

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ data: { vocabulary } }))),
  );
  location = { search: '', pushed: [], push: (s) => location.pushed.push(s), replace: () => {}, onChange: () => () => {} };
  setViewStore(createViewStore(location));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FilterPanel', () => {
  it('lists the governance families and graph kinds from the vocabulary, and a toggle is written to the URL', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <FilterPanel />
      </QueryClientProvider>,
    );
    const oversight = await screen.findByRole('checkbox', { name: /Uppsikt och granskning/ });
    expect((oversight as HTMLInputElement).checked).toBe(true);
    // Source references and provisions are for the detail panel, not the canvas.
    expect(screen.queryByText('Källhänvisningar')).toBeNull();
    expect(screen.queryByText('Bestämmelse')).toBeNull();
    fireEvent.click(oversight);
    expect(location.pushed.at(-1)).toBe('?families=reporting,decision,consultation,ownership,structure,rights');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: /Uppsikt och granskning/ }).checked).toBe(false);
  });

  it("explains each evidence badge in the vocabulary's words, and a weak source apart", async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <FilterPanel />
      </QueryClientProvider>,
    );
    const legend = await screen.findByTestId('evidence-legend');
    const rows = [...legend.querySelectorAll('li')].map((li) => [li.dataset.evidence, li.textContent]);
    expect(rows).toEqual([
      ['STATED', 'Står i bestämmelsenEn bestämmelse säger det med så många ord.'],
      ['CONTESTED', 'Oklart – flera läsningarTexten går att läsa på mer än ett sätt.'],
      ['SOURCED', 'Enligt källaIngen bestämmelse säger det.'],
      ['SOURCED_LOW', 'Enligt källa, osäkertKällan är svag eller gammal; det kan ha ändrats sedan dess.'],
    ]);
  });
});
