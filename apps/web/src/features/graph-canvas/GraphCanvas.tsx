import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { LayoutName } from '../../state/view-state.ts';
import { CanvasController, type CanvasHandlers, type Highlight } from './controller.ts';

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  layout: LayoutName;
  highlight: Highlight;
  handlers: CanvasHandlers;
  label: string;
  onReady(controller: CanvasController | null): void;
  onDrawn(info: { nodes: number; edges: number; first: boolean }): void;
  onLayoutStart?(info: { nodes: number; edges: number; large: boolean }): void;
}

/**
 * The Cytoscape canvas as a React component. One controller per mount; props
 * flow into it through effects. The container reports what is drawn in
 * data attributes (data-nodes, data-edges, data-state), which tests and
 * assistive status lines read.
 */
export function GraphCanvas({ elements, stylesheet, layout, highlight, handlers, label, onReady, onDrawn, onLayoutStart }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<CanvasController | null>(null);
  const handlersRef = useRef(handlers);
  const drawnRef = useRef(onDrawn);
  const layoutStartRef = useRef(onLayoutStart);
  useEffect(() => {
    handlersRef.current = handlers;
    drawnRef.current = onDrawn;
    layoutStartRef.current = onLayoutStart;
  });

  useEffect(() => {
    const el = container.current!;
    const c = new CanvasController(el, stylesheet, {
      onSelectNode: (id) => handlersRef.current.onSelectNode(id),
      onSelectEdge: (id, source) => handlersRef.current.onSelectEdge(id, source),
      onClear: () => handlersRef.current.onClear(),
      onHover: (target) => handlersRef.current.onHover(target),
    });
    c.onLayoutDone = (info) => {
      el.dataset.nodes = String(info.nodes);
      el.dataset.edges = String(info.edges);
      el.dataset.state = 'ready';
      drawnRef.current(info);
    };
    c.onLayoutStart = (info) => {
      el.dataset.state = 'layout';
      layoutStartRef.current?.(info);
    };
    setController(c);
    onReady(c);
    return () => {
      onReady(null);
      c.destroy();
    };
    // The stylesheet and callbacks are applied by the effects below; the instance lives as long as the component.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    controller?.setStyle(stylesheet);
  }, [controller, stylesheet]);

  useEffect(() => {
    if (!controller) return;
    container.current!.dataset.state = 'layout';
    void controller.show(elements, layout).then(() => {
      if (container.current && container.current.dataset.state === 'layout') {
        container.current.dataset.state = 'ready';
        container.current.dataset.nodes = String(controller.cy.nodes().length);
        container.current.dataset.edges = String(controller.cy.edges().length);
      }
    });
  }, [controller, elements, layout]);

  useEffect(() => {
    controller?.highlight(highlight);
  }, [controller, highlight, elements]);

  // Arrow keys pan, + and − zoom, 0 fits: the canvas is usable without a mouse; entities are reached through search and the detail panel.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!controller) return;
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => controller.panBy(step, 0),
      ArrowRight: () => controller.panBy(-step, 0),
      ArrowUp: () => controller.panBy(0, step),
      ArrowDown: () => controller.panBy(0, -step),
      '+': () => controller.zoomBy(1.2),
      '=': () => controller.zoomBy(1.2),
      '-': () => controller.zoomBy(1 / 1.2),
      '0': () => controller.fit(),
      Escape: () => handlersRef.current.onClear(),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph-canvas"
      data-state="loading"
      role="application"
      aria-roledescription="graf"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}
