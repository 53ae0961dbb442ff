import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fileSlug, useAbout } from '../../api/about.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { formatDate, useApiLang, useT } from '../../i18n/use-t.ts';
import { useCountryScope } from '../country/municipalities-api.ts';
import { CapNotice } from '../country/CapNotice.tsx';
import {
  clearFocus,
  clearSelection,
  openMunicipality,
  selectEntity,
  selectRelation,
  setDepth,
  setLayout,
  setLonely,
  undoViewChange,
} from '../../state/actions.ts';
import { useCanUndo, useView, viewStore } from '../../state/store.ts';
import type { FocusDepth, LayoutName } from '../../state/view-state.ts';
import { describeView, exportFilename } from '../export/describe-view.ts';
import { OpenDataMenu } from '../open-data/OpenDataMenu.tsx';
import { NodeMenu, type NodeMenuTarget } from '../node-menu/NodeMenu.tsx';
import { PathFinder } from '../path-finder/PathFinder.tsx';
import { usePaths } from '../path-finder/use-paths.ts';
import { StartCard, startDismissed } from '../start/StartCard.tsx';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { todayInSweden } from '@styrgraf/text/dates';
import { useChanges } from '../time-control/use-changes.ts';
import type { CanvasController, Highlight } from './controller.ts';
import { toElements } from './elements.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { LARGE_VIEW_ELEMENTS } from './layouts.ts';
import { buildStylesheet } from './stylesheet.ts';
import { useGraphData } from './use-graph-data.ts';
import { graphScopeOf } from './graph-scope.ts';
import { visibleSubgraph } from './visible.ts';
import './graph.css';

let firstDrawMarked = false;

/** The menu opens beside the entity, but never past the canvas's right edge. */
function menuX(x: number): number {
  const width = document.querySelector('[data-testid="graph-canvas"]')?.clientWidth ?? 600;
  return Math.max(0, Math.min(x, width - 270));
}

const LAYOUTS: { name: LayoutName; key: 'layoutHierarchy' | 'layoutForce' | 'layoutTree' }[] = [
  { name: 'hierarchy', key: 'layoutHierarchy' },
  { name: 'tree', key: 'layoutTree' },
  { name: 'force', key: 'layoutForce' },
];

/** The graph view: canvas, its toolbar, the focus banner, the first screen's offer and the path finder over it. */
export function GraphView() {
  const t = useT();
  const lang = useApiLang();
  const state = useView((s) => s);
  const vocabulary = useVocabulary(lang);
  const about = useAbout(lang);
  const country = useCountryScope(lang);
  const scope = graphScopeOf(state, country, lang);
  const onOverview = scope.overview;
  const graph = useGraphData(scope);
  const paths = usePaths({ from: state.pathFrom, to: state.pathTo, all: state.pathAll, asOf: state.date, families: state.families, lang });
  const today = todayInSweden();
  const changes = useChanges(lang, today);
  const canUndo = useCanUndo();
  const controller = useRef<CanvasController | null>(null);
  const fromCanvas = useRef(false);
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState<{ nodes: number; edges: number } | null>(null);
  // Only a large view's layout is announced: a small one is done before the words could be read.
  const [arranging, setArranging] = useState<{ nodes: number } | null>(null);
  const [menu, setMenu] = useState<NodeMenuTarget | null>(null);
  const [start, setStart] = useState<{ open: boolean; focus: boolean }>(() => ({ open: !startDismissed(), focus: false }));

  const selectedId = state.selected?.id ?? null;
  // On a picture of the country the municipalities are the ways in: they stay though the families shown leave them without a line.
  // Told by the answer itself (more than one kommun), not by the view, so that the overview still in hand while a municipality loads keeps them too.
  const municipalityIds = useMemo(() => {
    const ids = graph.subgraph ? graph.subgraph.nodes.filter((n) => n.subtype === 'kommun').map((n) => n.id) : [];
    return ids.length > 1 ? ids : [];
  }, [graph.subgraph]);
  const keep = useMemo(() => [state.focus, selectedId, ...municipalityIds].filter((id): id is string => !!id), [state.focus, selectedId, municipalityIds]);
  const visible = useMemo(
    () => (graph.subgraph ? visibleSubgraph(graph.subgraph, { hidden: state.hidden, pinned: state.pinned, lonely: state.lonely, keep }) : null),
    [graph.subgraph, state.hidden, state.pinned, state.lonely, keep],
  );
  const stylesheet = useMemo(() => (vocabulary.data ? buildStylesheet(vocabulary.data) : null), [vocabulary.data]);
  const elements = useMemo(() => {
    if (!visible || !vocabulary.data) return null;
    const small = visible.subgraph.nodes.length + visible.subgraph.edges.length <= LARGE_VIEW_ELEMENTS;
    const list = toElements(visible.subgraph, vocabulary.data, { compounds: small });
    const pinned = new Set(state.pinned);
    return pinned.size === 0 ? list : list.map((e) => (e.group === 'nodes' && pinned.has(e.data.id!) ? { ...e, classes: 'pinned' } : e));
  }, [visible, vocabulary.data, state.pinned]);

  const path = state.pathFrom && state.pathTo && state.paths ? paths.data?.[state.pathIndex] : undefined;
  const fresh = useMemo(
    () => (state.date && changes.data ? changes.data.filter((c) => c.date === state.date && c.type === 'STARTED' && c.entity).map((c) => c.entity!.id) : []),
    [state.date, changes.data],
  );
  const highlight: Highlight = useMemo(
    () => ({
      selectedNode: state.selected?.type === 'entity' ? state.selected.id : null,
      selectedEdge: state.selected?.type === 'relation' ? state.selected.id : null,
      path: path ? { nodes: path.nodes.map((n) => n.id), edges: path.steps.map((s) => s.relation.id) } : null,
      fresh,
    }),
    [state.selected, path, fresh],
  );

  const nameOf = useCallback((id: string) => graph.subgraph?.nodes.find((n) => n.id === id)?.name ?? id, [graph.subgraph]);
  const handlers = useMemo(
    () => ({
      onSelectNode: (id: string) => {
        // On the country's pictures a municipality is a way in: a click opens its own picture.
        if (country.national && !country.municipality && graph.subgraph?.nodes.find((n) => n.id === id)?.subtype === 'kommun') {
          openMunicipality(id);
          return;
        }
        fromCanvas.current = viewStore().get().selected?.id !== id;
        selectEntity(id);
      },
      onSelectEdge: (id: string, source: string) => {
        fromCanvas.current = viewStore().get().selected?.id !== id;
        selectRelation(id, source);
      },
      onClear: () => clearSelection(),
      onHover: setHover,
      onContextMenu: (target: { id: string; x: number; y: number }) => setMenu({ ...target, x: menuX(target.x), name: nameOf(target.id) }),
    }),
    [nameOf, country.national, country.municipality, graph.subgraph],
  );

  // A selection made elsewhere (search, the detail panel, the table) is brought into view; a tap on the canvas is already there, and a link opens on the whole picture.
  const isDrawn = drawn !== null;
  const linkedSelection = useRef(selectedId);
  useEffect(() => {
    if (fromCanvas.current) {
      fromCanvas.current = false;
      return;
    }
    if (!selectedId || !isDrawn) return;
    if (linkedSelection.current === selectedId) {
      linkedSelection.current = null;
      return;
    }
    controller.current?.centre(selectedId);
  }, [selectedId, isDrawn]);

  const pathKey = path ? path.nodes.map((n) => n.id).join('>') : '';
  useEffect(() => {
    // The path finder's card covers the canvas's left edge.
    if (path && drawn) controller.current?.fitTo([...path.nodes.map((n) => n.id), ...path.steps.map((s) => s.relation.id)], 360);
    // The path's identity is its node sequence.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathKey, drawn]);

  useEffect(() => {
    // With styrgraf:first-graph-drawn, this splits the time to the first picture into fetching and laying out.
    if (elements && performance.getEntriesByName('styrgraf:first-graph-data').length === 0) performance.mark('styrgraf:first-graph-data');
  }, [elements]);

  // Ctrl+Z (⌘Z) undoes the last change to what is shown, wherever focus is outside a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'z' &&
        !(event.target as HTMLElement)?.closest?.('input, textarea, [contenteditable]')
      ) {
        event.preventDefault();
        undoViewChange();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onLayoutStart = useCallback((info: { nodes: number; large: boolean }) => setArranging(info.large ? { nodes: info.nodes } : null), []);
  const onDrawn = useCallback((info: { nodes: number; edges: number; first: boolean }) => {
    setArranging(null);
    setDrawn({ nodes: info.nodes, edges: info.edges });
    if (info.first && !firstDrawMarked) {
      firstDrawMarked = true;
      // The mark says the first answer is on screen: the laid-out picture once Cytoscape has painted it (its next frame, which measures every label),
      // or, for a view the filters leave empty, the notice saying so, already rendered. What was drawn goes with the mark, so a measurement can tell the two apart.
      const mark = () => performance.mark('styrgraf:first-graph-drawn', { detail: { nodes: info.nodes, edges: info.edges } });
      if (controller.current && info.nodes > 0) controller.current.cy.one('render', mark);
      else mark();
    }
  }, []);
  // The first screen's card covers the canvas's left edge (on a wide screen): the first picture is framed beside it.
  const startOpen = start.open;
  useEffect(() => {
    if (controller.current) controller.current.coveredLeft = startOpen ? 430 : 0;
  }, [startOpen]);
  const onReady = useCallback((c: CanvasController | null) => {
    if (c) c.coveredLeft = startDismissed() ? 0 : 430;
    controller.current = c;
    // The live canvas, for the browser tests and for anyone debugging in the console (as Cytoscape's own demos do).
    window.styrgrafCanvas = c?.cy ?? null;
  }, []);

  const kindLabel = useCallback((kind: string) => vocabulary.data?.entityKinds.find((k) => k.kind === kind)?.label ?? kind, [vocabulary.data]);
  const describe = useCallback(
    (id: string, via: { label: string; source: string; target: string } | null) => {
      const node = graph.subgraph?.nodes.find((n) => n.id === id);
      const count = controller.current?.neighbours(id).length ?? 0;
      const here = t('canvasNode', { name: node?.name ?? id, kind: kindLabel(node?.kind ?? ''), n: count });
      return via ? `${t('canvasVia', { from: nameOf(via.source), label: via.label, to: nameOf(via.target) })} ${here}` : here;
    },
    [graph.subgraph, kindLabel, nameOf, t],
  );
  const onOpen = useCallback((id: string) => {
    fromCanvas.current = viewStore().get().selected?.id !== id;
    selectEntity(id, { focusPanel: true });
  }, []);
  const onMenu = useCallback((id: string, at: { x: number; y: number }) => setMenu({ id, name: nameOf(id), x: menuX(at.x), y: at.y }), [nameOf]);
  const closeMenu = useCallback((restoreFocus: boolean) => {
    setMenu(null);
    if (restoreFocus) document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.focus();
  }, []);

  const exportAs = async (format: 'png' | 'svg' | 'pdf') => {
    const c = controller.current;
    if (!c || !vocabulary.data || !visible) return;
    const cy = c.cy;
    const names = new Map(graph.subgraph?.nodes.map((n) => [n.id, n.name]) ?? []);
    const date = state.date ?? today;
    const sheet = describeView(
      t,
      state,
      vocabulary.data,
      about.data,
      {
        kinds: [...new Set(cy.nodes().map((n) => String(n.data('kind'))))],
        families: [...new Set(cy.edges().map((e) => String(e.data('family'))))],
        evidence: [...new Set(cy.edges(':visible').map((e) => String(e.data('evidence'))))],
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        lonelyHidden: visible.lonelyCount,
        hasBoxes: cy.nodes(':parent').nonempty(),
        names,
      },
      formatDate(date, state.lang),
    );
    const filename = exportFilename(fileSlug(about.data?.datasetId), date, format);
    const { exportPdf, exportPng, exportSvg } = await import('../export/render.ts');
    await { png: exportPng, svg: exportSvg, pdf: exportPdf }[format](cy, sheet, filename);
  };

  const focusName = state.focus ? nameOf(state.focus) : null;
  const hoverNode = hover ? graph.subgraph?.nodes.find((n) => n.id === hover.id) : undefined;
  const error = vocabulary.error ?? graph.error;
  const arrangingLabel = arranging ? t('arranging', { nodes: arranging.nodes.toLocaleString(lang === 'EN' ? 'en-GB' : 'sv-SE') }) : null;
  const countLabel = drawn ? t('drawn', drawn) : t('loadingGraph');
  const lonelyLabel = visible && visible.lonelyCount > 0 ? t('lonelyHidden', { n: visible.lonelyCount }) : null;
  // The overview holds only what the municipalities share; ties that lie within each (a municipality's own companies) are not in it.
  const noLinesLabel =
    onOverview && visible && visible.subgraph.nodes.length > 0 && visible.subgraph.edges.length === 0 && vocabulary.data
      ? t('overviewNoLines', { families: familyNames(state.families, vocabulary.data.families) })
      : null;

  return (
    <section className="graph-view" aria-label={t('viewGraph')}>
      <div className="graph-toolbar" role="toolbar" aria-label={t('layout')}>
        <div className="segmented" role="group" aria-label={t('layout')}>
          {LAYOUTS.map(({ name, key }) => (
            <button key={name} type="button" className="segment" aria-pressed={state.layout === name} onClick={() => setLayout(name)} data-layout={name}>
              {t(key)}
            </button>
          ))}
        </div>
        <div className="toolbar-group">
          <button type="button" className="icon-button" onClick={() => controller.current?.zoomBy(1.25)} aria-label={t('zoomIn')} title={t('zoomIn')}>
            +
          </button>
          <button type="button" className="icon-button" onClick={() => controller.current?.zoomBy(0.8)} aria-label={t('zoomOut')} title={t('zoomOut')}>
            −
          </button>
          <button type="button" className="button button-quiet" onClick={() => controller.current?.fit()} data-testid="fit">
            {t('fit')}
          </button>
          <button type="button" className="button button-quiet hide-narrow" onClick={() => void controller.current?.relayout()} title={t('relayoutHelp')}>
            {t('relayout')}
          </button>
          <button type="button" className="button button-quiet" onClick={undoViewChange} disabled={!canUndo} title={t('undoHelp')} data-testid="undo">
            {t('undo')}
          </button>
          {!start.open && (
            <button type="button" className="button button-quiet" onClick={() => setStart({ open: true, focus: true })} data-testid="start-again">
              {t('startAgain')}
            </button>
          )}
        </div>
        <div className="toolbar-group toolbar-end" role="group" aria-label={t('exportLabel')}>
          <DownloadIcon />
          {(['png', 'svg', 'pdf'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button button-quiet"
              data-testid={`export-${format}`}
              title={t('exportLabel')}
              onClick={() => void exportAs(format)}
            >
              {format.toUpperCase()}
            </button>
          ))}
          <OpenDataMenu testId="graph-open-data" />
        </div>
      </div>

      {state.focus && (
        <div className="focus-banner" data-testid="focus-banner">
          <span className="focus-text">{t('focusBanner', { name: focusName ?? '', depth: state.depth })}</span>
          <div className="segmented segmented-small" role="group" aria-label={t('focusDepth')}>
            {([1, 2, 3] as FocusDepth[]).map((d) => (
              <button key={d} type="button" className="segment" aria-pressed={state.depth === d} onClick={() => setDepth(d)}>
                {d}
              </button>
            ))}
          </div>
          <CapNotice omitted={graph.omitted} />
          <button type="button" className="button button-quiet" onClick={clearFocus}>
            {t('clearFocus')}
          </button>
        </div>
      )}

      <div className="canvas-wrap">
        {stylesheet && elements && (
          <GraphCanvas
            elements={elements}
            stylesheet={stylesheet}
            layout={onOverview && !state.focus && state.layout === 'hierarchy' ? 'overview' : state.layout}
            highlight={highlight}
            handlers={handlers}
            label={`${t('viewGraph')}: ${countLabel}`}
            onReady={onReady}
            onDrawn={onDrawn}
            onLayoutStart={onLayoutStart}
            complete={!graph.isFetching}
            selectedId={selectedId}
            describe={describe}
            onOpen={onOpen}
            onMenu={onMenu}
          />
        )}
        <p id="canvas-help" className="visually-hidden">
          {t('canvasHelp')}
        </p>
        {hover && hoverNode && !menu && (
          <div className="canvas-tooltip" style={{ left: hover.x, top: hover.y + 22 }} role="presentation">
            <strong>{hoverNode.name}</strong>
            {hoverNode.nameEn !== hoverNode.name && <span lang="en">{hoverNode.nameEn}</span>}
            <span className="tooltip-kind">
              {kindLabel(hoverNode.kind)}
              {hoverNode.subtype ? ` · ${hoverNode.subtype}` : ''}
            </span>
          </div>
        )}
        {menu && <NodeMenu target={menu} onClose={closeMenu} />}
        {start.open && !error && (
          <StartCard
            takeFocus={start.focus}
            onClose={() => {
              setStart({ open: false, focus: false });
              document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.focus();
            }}
          />
        )}
        {!error && (graph.isLoading || vocabulary.isPending) && (
          <div className="canvas-overlay">
            <Loading label={t('loadingGraph')} />
          </div>
        )}
        {/* A large view takes seconds to arrange, during which the page cannot respond: say so before it starts. */}
        {!error && !graph.isLoading && arrangingLabel && (
          <div className="canvas-overlay" data-testid="arranging">
            <Loading label={arrangingLabel} />
          </div>
        )}
        {error && (
          <div className="canvas-overlay">
            <ErrorNotice
              error={error}
              onRetry={() => {
                void vocabulary.refetch();
                graph.refetch();
              }}
            />
          </div>
        )}
        {!error && noLinesLabel && (
          <p className="overview-no-lines" role="status" data-testid="overview-no-lines">
            {noLinesLabel}
          </p>
        )}
        {!error && elements && elements.length === 0 && (
          <div className="canvas-overlay">
            <p className="empty">{t('emptyGraph')}</p>
          </div>
        )}
        {!error && (
          <div className="canvas-status">
            <p aria-live="polite" data-testid="graph-count">
              {graph.isFetching && drawn ? t('loading') : (arrangingLabel ?? countLabel)}
            </p>
            {lonelyLabel && (
              <button type="button" className="link-button" onClick={() => setLonely(true)} data-testid="lonely-hidden" title={t('lonelyToggle')}>
                {lonelyLabel}
              </button>
            )}
          </div>
        )}
        {state.paths && <PathFinder />}
      </div>
    </section>
  );
}

/** The families shown, by their labels: all of them when none is chosen. */
function familyNames(chosen: readonly string[], families: readonly { family: string; label: string }[]): string {
  const shown = chosen.length > 0 ? families.filter((f) => chosen.includes(f.family)) : families;
  return shown.map((f) => f.label).join(', ');
}

function DownloadIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="toolbar-icon">
      <path
        d="M8 2v8m0 0 3.2-3.2M8 10 4.8 6.8M2.5 12.5v1h11v-1"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
