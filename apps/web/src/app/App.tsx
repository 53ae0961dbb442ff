import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useAbout } from '../api/about.ts';
import { LinkNotice } from './LinkNotice.tsx';
import { useTermTabStops } from '../features/glossary/tab-stops.ts';
import { TableView } from '../features/table/TableView.tsx';
import { useApiLang, useT } from '../i18n/use-t.ts';
import { openPathFinder, setLang, setView } from '../state/actions.ts';
import { useView } from '../state/store.ts';
import type { ViewName } from '../state/view-state.ts';
import { DetailPanel } from '../features/detail-panel/DetailPanel.tsx';
import { CellPanel } from '../features/decision-matrix/CellPanel.tsx';
import { DecisionMatrix } from '../features/decision-matrix/DecisionMatrix.tsx';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { GraphView } from '../features/graph-canvas/GraphView.tsx';
import { OrgChart } from '../features/org-chart/OrgChart.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { TimeControl } from '../features/time-control/TimeControl.tsx';
import { CoverageView } from '../features/workshop/CoverageView.tsx';
import { RuleChecksView } from '../features/rule-checks/RuleChecksView.tsx';
import { GlossaryView } from '../features/glossary/GlossaryView.tsx';
import { HandoutView } from '../features/handout/HandoutView.tsx';
import { QuizView } from '../features/quiz/QuizView.tsx';
import { TourView } from '../features/tours/TourView.tsx';
import { CountryBar } from '../features/country/CountryBar.tsx';
import { ChooseMunicipality } from '../features/country/ChooseMunicipality.tsx';
import { useCountryScope } from '../features/country/municipalities-api.ts';
import { queryClient } from './first-questions.ts';
import { ViewTabs, type ViewTab } from './ViewTabs.tsx';
import './app.css';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Shell />
    </QueryClientProvider>
  );
}

const VIEWS: ViewTab[] = [
  { name: 'graph', key: 'viewGraph' },
  { name: 'table', key: 'viewTable' },
  { name: 'org', key: 'viewOrg' },
  { name: 'matrix', key: 'viewMatrix' },
  { name: 'tours', key: 'viewTours' },
  { name: 'quiz', key: 'viewQuiz' },
  { name: 'coverage', key: 'viewCoverage' },
  { name: 'checks', key: 'viewChecks' },
  { name: 'glossary', key: 'viewGlossary' },
  { name: 'handout', key: 'viewHandout' },
];

/** Views that show the organisation as of the chosen date; the others are about the instruction as it stands or carry their own dates (a tour step). */
const DATED_VIEWS: readonly ViewName[] = ['graph', 'table', 'org', 'matrix', 'checks', 'handout'];
/** Views of one municipality's organisation: on a data set of many, they ask which first. */
const MUNICIPAL_VIEWS: readonly ViewName[] = ['org', 'matrix', 'checks', 'handout'];
/** Views the filters apply to: the canvas and its table. */
const FILTERED_VIEWS: readonly ViewName[] = ['graph', 'table'];

function Shell() {
  const t = useT();
  const lang = useView((s) => s.lang);
  const view = useView((s) => s.view);
  const cell = useView((s) => s.cell);
  const selected = useView((s) => s.selected);
  const pathsOpen = useView((s) => s.paths);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const about = useAbout(lang === 'en' ? 'EN' : 'SV');
  const country = useCountryScope(lang === 'en' ? 'EN' : 'SV');
  const choose = country.national && !country.municipality && MUNICIPAL_VIEWS.includes(view);
  const name = about.data?.name;
  useTermTabStops();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The tab's title names the municipality the data set is about.
  useEffect(() => {
    if (name) document.title = `${t('appName')} – ${name}`;
  }, [name, t]);

  const panelOpen = !!(cell && view === 'matrix') || !!selected;
  const dated = DATED_VIEWS.includes(view);
  const filtered = FILTERED_VIEWS.includes(view);

  return (
    <div
      className={`app view-${view}${panelOpen ? ' has-panel' : ''}${filtersOpen ? ' filters-open' : ''}${dated ? '' : ' no-subbar'}${searchOpen ? ' search-open' : ''}`}
    >
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <svg viewBox="0 0 32 32" width="30" height="30" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#ffffff" opacity="0.12" />
            <circle cx="16" cy="8" r="4" fill="#fff" />
            <circle cx="8" cy="23" r="4" fill="#8fc1ff" />
            <circle cx="24" cy="23" r="4" fill="#ffd27a" />
            <path d="M16 12 9 20M16 12l7 8" stroke="#fff" strokeWidth="2" />
          </svg>
          <div className="brand-text">
            <h1>{t('appName')}</h1>
            <p data-testid="tagline">{name ? t('tagline', { name }) : ''}</p>
          </div>
        </div>
        <ViewTabs views={VIEWS} current={view} onSelect={setView} />
        <button
          type="button"
          className="topbar-button search-toggle"
          aria-expanded={searchOpen}
          aria-controls="topbar-search"
          onClick={() => setSearchOpen((o) => !o)}
          aria-label={t('searchLabel')}
          title={t('searchLabel')}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
        <div className="topbar-search" id="topbar-search">
          <SearchBox />
        </div>
        <div className="topbar-actions">
          <button
            type="button"
            className="topbar-button"
            aria-pressed={pathsOpen && view === 'graph'}
            onClick={() => openPathFinder(!(pathsOpen && view === 'graph'))}
            data-testid="open-path-finder"
          >
            {t('pathFinder')}
          </button>
          <button
            type="button"
            className="topbar-button"
            onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}
            aria-label={t('switchLanguageLabel')}
            lang={lang === 'sv' ? 'en' : 'sv'}
            data-testid="lang-switch"
          >
            {t('switchLanguage')}
          </button>
        </div>
      </header>
      {dated && (
        <div className="subbar">
          {filtered && (
            <button
              type="button"
              className="button button-quiet filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="filters"
              onClick={() => setFiltersOpen((o) => !o)}
            >
              {t('filters')}
            </button>
          )}
          <TimeControl />
          <DatasetLine />
        </div>
      )}
      <CountryBar />
      <LinkNotice />
      <div className="workspace">
        {filtered && (
          <aside id="filters" className="sidebar" aria-label={t('filters')}>
            <FilterPanel />
          </aside>
        )}
        <main id="main" className="main" tabIndex={-1}>
          {view === 'graph' && <GraphView />}
          {view === 'table' && <TableView />}
          {choose && <ChooseMunicipality />}
          {view === 'org' && !choose && <OrgChart />}
          {view === 'matrix' && !choose && <DecisionMatrix />}
          {view === 'tours' && <TourView />}
          {view === 'quiz' && <QuizView />}
          {view === 'coverage' && <CoverageView />}
          {view === 'checks' && !choose && <RuleChecksView />}
          {view === 'glossary' && <GlossaryView />}
          {view === 'handout' && !choose && <HandoutView />}
        </main>
        {cell && view === 'matrix' && !selected ? <CellPanel /> : <DetailPanel />}
      </div>
    </div>
  );
}

function DatasetLine() {
  const t = useT();
  const lang = useApiLang();
  const about = useAbout(lang);
  if (!about.data) return null;
  return (
    <p className="dataset-line">
      {t('dataset')}: {about.data.name} · {about.data.version}
    </p>
  );
}
