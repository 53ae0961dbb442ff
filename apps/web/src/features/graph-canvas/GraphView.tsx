import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearFocus, clearSelection, selectEntity, selectRelation, setDepth, setLayout } from '../../state/actions.ts';
import { useView, viewStore } from '../../state/store.ts';
import { useApiLang, useT } from '../../i18n/use-t.ts';
import { useVocabulary } from '../../api/vocabulary.ts';
import { ErrorNotice, Loading } from '../status/ErrorNotice.tsx';
import { PathFinder } from '../path-finder/PathFinder.tsx';
import { usePaths } from '../path-finder/use-paths.ts';
import { todayIso, useChanges } from '../time-control/use-changes.ts';
import type { CanvasController, Highlight } from './controller.ts';
import { toElements } from './elements.ts';
import { exportFilename, exportPng, exportSvg } from './export.ts';
import { GraphCanvas } from './GraphCanvas.tsx';
import { buildStylesheet } from './stylesheet.ts';
import { useGraphData } from './use-graph-data.ts';
import type { FocusDepth, LayoutName } from '../../state/view-state.ts';
import './graph.css';

let firstDrawMarked = false;

const LAYOUTS: { name: LayoutName; key: 'layoutHierarchy' | 'layoutForce' | 'layoutTree' }[] = [
  { name: 'hierarchy', key: 'layoutHierarchy' },
  { name: 'tree', key: 'layoutTree' },
  { name: 'force', key: 'layoutForce' },
];

/** The graph view: canvas, its toolbar, the focus banner and the path finder over it. */
export function GraphView() {
  const t = useT();
  const lang = useApiLang();
  const state = useView((s) => s);
  const vocabulary = useVocabulary(lang);
  const graph = useGraphData({ asOf: state.date, families: state.families, kinds: state.kinds, lang, focus: state.focus, depth: state.depth, expanded: state.expanded });
  const paths = usePaths({ from: state.pathFrom, to: state.pathTo, all: state.pathAll, asOf: state.date, families: state.families, lang });
  const today = todayIso();
  const changes = useChanges(lang, today);
  const controller = useRef<CanvasController | null>(null);
  const fromCanvas = useRef(false);
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState<{ nodes: number; edges: number } | null>(null);
  // Only a large view's layout is announced: a small one is done before the words could be read.
  const [arranging, setArranging] = useState<{ nodes: number } | null>(null);

  const stylesheet = useMemo(() => (vocabulary.data ? buildStylesheet(vocabulary.data) : null), [vocabulary.data]);
  const elements = useMemo(() => (graph.subgraph && vocabulary.data ? toElements(graph.subgraph, vocabulary.data) : null), [graph.subgraph, vocabulary.data]);

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

  const handlers = useMemo(
    () => ({
      onSelectNode: (id: string) => {
        fromCanvas.current = viewStore().get().selected?.id !== id;
        selectEntity(id);
      },
      onSelectEdge: (id: string, source: string) => {
        fromCanvas.current = viewStore().get().selected?.id !== id;
        selectRelation(id, source);
      },
      onClear: () => clearSelection(),
      onHover: setHover,
    }),
    [],
  );

  // A selection made elsewhere (search, the detail panel) is brought into view; a tap on the canvas is already there, and a link opens on the whole picture.
  const selectedId = state.selected?.id ?? null;
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

  const onLayoutStart = useCallback((info: { nodes: number; large: boolean }) => setArranging(info.large ? { nodes: info.nodes } : null), []);
  const onDrawn = useCallback((info: { nodes: number; edges: number; first: boolean }) => {
    setArranging(null);
    setDrawn({ nodes: info.nodes, edges: info.edges });
    if (info.first && !firstDrawMarked && info.nodes > 0) {
      firstDrawMarked = true;
      performance.mark('styrgraf:first-graph-drawn');
    }
  }, []);
  const onReady = useCallback((c: CanvasController | null) => {
    controller.current = c;
    // The live canvas, for the browser tests and for anyone debugging in the console (as Cytoscape's own demos do).
    window.styrgrafCanvas = c?.cy ?? null;
  }, []);

  const focusName = state.focus ? (graph.subgraph?.nodes.find((n) => n.id === state.focus)?.name ?? state.focus) : null;
  const hoverNode = hover ? graph.subgraph?.nodes.find((n) => n.id === hover.id) : undefined;
  const kindLabel = (kind: string) => vocabulary.data?.entityKinds.find((k) => k.kind === kind)?.label ?? kind;
  const error = vocabulary.error ?? graph.error;
  const arrangingLabel = arranging ? t('arranging', { nodes: arranging.nodes.toLocaleString(lang === 'EN' ? 'en-GB' : 'sv-SE') }) : null;
  const countLabel = drawn ? t('drawn', drawn) : t('loadingGraph');

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
          <button type="button" className="button button-quiet" onClick={() => controller.current?.fit()}>
            {t('fit')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => void controller.current?.relayout()} title={t('relayoutHelp')}>
            {t('relayout')}
          </button>
        </div>
        <div className="toolbar-group toolbar-end" role="group" aria-label={t('exportLabel')}>
          <DownloadIcon />
          <button type="button" className="button button-quiet" data-testid="export-png" title={t('exportLabel')} onClick={() => controller.current && exportPng(controller.current.cy, exportFilename(state.date, 'png', today))}>
            {t('exportPng')}
          </button>
          <button type="button" className="button button-quiet" data-testid="export-svg" title={t('exportLabel')} onClick={() => controller.current && void exportSvg(controller.current.cy, exportFilename(state.date, 'svg', today))}>
            {t('exportSvg')}
          </button>
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
            layout={state.layout}
            highlight={highlight}
            handlers={handlers}
            label={`${t('viewGraph')}: ${countLabel}`}
            onReady={onReady}
            onDrawn={onDrawn}
            onLayoutStart={onLayoutStart}
          />
        )}
        {hover && hoverNode && (
          <div className="canvas-tooltip" style={{ left: hover.x, top: hover.y + 22 }} role="presentation">
            <strong>{hoverNode.name}</strong>
            {hoverNode.nameEn !== hoverNode.name && <span lang="en">{hoverNode.nameEn}</span>}
            <span className="tooltip-kind">
              {kindLabel(hoverNode.kind)}
              {hoverNode.subtype ? ` · ${hoverNode.subtype}` : ''}
            </span>
          </div>
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
        {!error && elements && elements.length === 0 && (
          <div className="canvas-overlay">
            <p className="empty">{t('emptyGraph')}</p>
          </div>
        )}
        {!error && (
          <p className="canvas-status" aria-live="polite" data-testid="graph-count">
            {graph.isFetching && drawn ? t('loading') : (arrangingLabel ?? countLabel)}
          </p>
        )}
        {state.paths && <PathFinder />}
      </div>
    </section>
  );
}

function DownloadIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="toolbar-icon">
      <path d="M8 2v8m0 0 3.2-3.2M8 10 4.8 6.8M2.5 12.5v1h11v-1" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
