import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { CanvasController, type CanvasHandlers, type Highlight } from './controller.ts';
import { neighbourInDirection, type ArrowKey } from './keyboard-nav.ts';
import type { Arrangement } from './layouts.ts';

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  /** The layout chosen, or the country's overview rings. */
  layout: Arrangement;
  highlight: Highlight;
  handlers: CanvasHandlers;
  label: string;
  onReady: (controller: CanvasController | null) => void;
  onDrawn: (info: { nodes: number; edges: number; first: boolean }) => void;
  onLayoutStart?: (info: { nodes: number; edges: number; large: boolean }) => void;
  /** Whether everything asked for the view has arrived (default true): only a picture seen whole keeps its places as an expansion adds to it. */
  complete?: boolean;
  /** The selected entity, where the keyboard starts. */
  selectedId?: string | null;
  /** What a screen reader hears when the keyboard lands on an entity: its name and kind, and the relation walked to reach it. */
  describe?: (id: string, via: { label: string; source: string; target: string } | null) => string;
  /** Enter on an entity: open its details (and move focus to them). */
  onOpen?: (id: string) => void;
  /** The context-menu key (or Shift+F10) on an entity: its menu. */
  onMenu?: (id: string, at: { x: number; y: number }) => void;
}

/**
 * The Cytoscape canvas as a React component. One controller per mount; props
 * flow into it through effects. The container reports what is drawn in
 * data attributes (data-nodes, data-edges, data-state), which tests and
 * assistive status lines read.
 */
export function GraphCanvas({
  elements,
  stylesheet,
  layout,
  highlight,
  handlers,
  label,
  onReady,
  onDrawn,
  onLayoutStart,
  complete = true,
  selectedId = null,
  describe,
  onOpen,
  onMenu,
}: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<CanvasController | null>(null);
  const [spoken, setSpoken] = useState('');
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
      onContextMenu: (target) => handlersRef.current.onContextMenu?.(target),
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
    // A call that a later one took over says nothing about the picture: the later one's layout may still run.
    void controller.show(elements, layout, complete).then((done) => {
      if (done && container.current && container.current.dataset.state === 'layout') {
        container.current.dataset.state = 'ready';
        container.current.dataset.nodes = String(controller.cy.nodes().length);
        container.current.dataset.edges = String(controller.cy.edges().length);
      }
    });
  }, [controller, elements, layout, complete]);

  useEffect(() => {
    controller?.highlight(highlight);
  }, [controller, highlight, elements]);

  const land = (id: string, via: { label: string; source: string; target: string } | null) => {
    controller?.activate(id);
    setSpoken(describe ? describe(id, via) : id);
  };

  /**
   * The keyboard walks the graph: the arrow keys go from an entity to the
   * neighbour in that direction along a relation (the first press lands on
   * the selection or the top of the organisation), Enter opens it, the
   * context-menu key (or Shift+F10) opens its menu, Home goes back to the
   * top. Shift with an arrow pans; + and − zoom; 0 shows everything.
   */
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!controller) return;
    const active = controller.activeId;
    const step = 60;
    const key = event.key;
    const act = (): boolean => {
      if (key.startsWith('Arrow') && event.shiftKey) {
        const pan: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
        controller.panBy(...pan[key]!);
        return true;
      }
      if (key.startsWith('Arrow')) {
        if (!active) {
          const start = controller.startingPoint(selectedId);
          if (start) land(start, null);
          return true;
        }
        const here = controller.cy.getElementById(active);
        const around = controller.neighbours(active);
        const next = neighbourInDirection(here.position(), around, key as ArrowKey);
        if (next) land(next, around.find((n) => n.id === next)!.relation);
        else setSpoken(describe ? `${describe(active, null)} ·` : active);
        return true;
      }
      if (key === 'Home') {
        const start = controller.startingPoint(null);
        if (start) land(start, null);
        return true;
      }
      if (key === 'Enter' && active) {
        (onOpen ?? handlersRef.current.onSelectNode)(active);
        return true;
      }
      if ((key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) && active) {
        const p = controller.cy.getElementById(active).renderedPosition();
        onMenu?.(active, { x: p.x, y: p.y });
        return true;
      }
      if (key === '+' || key === '=') controller.zoomBy(1.2);
      else if (key === '-') controller.zoomBy(1 / 1.2);
      else if (key === '0') controller.fit();
      else if (key === 'Escape') {
        controller.activate(null);
        setSpoken('');
        handlersRef.current.onClear();
      } else return false;
      return true;
    };
    if (act()) event.preventDefault();
  };

  // The live region sits beside the container, not in it: Cytoscape owns the container's children, and
  // destroying an instance (as React's StrictMode does once in development) takes them with it.
  return (
    <>
      <div
        ref={container}
        className="graph-canvas"
        data-testid="graph-canvas"
        data-state="loading"
        role="application"
        aria-roledescription="graf"
        aria-label={label}
        tabIndex={0}
        aria-describedby={describe ? 'canvas-help' : undefined}
        onKeyDown={onKeyDown}
      />
      <p className="visually-hidden" aria-live="polite" data-testid="canvas-spoken">
        {spoken}
      </p>
    </>
  );
}
