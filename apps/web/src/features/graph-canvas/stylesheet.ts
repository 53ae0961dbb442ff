import type { StylesheetJson } from 'cytoscape';
import type { Vocabulary } from '../../api/types.ts';
import { evidenceKeysOf } from '../evidence/evidence.ts';
import { arrowFor, evidenceStyle, familyStyle, HIGHLIGHT, kindStyle } from './theme.ts';

/**
 * The canvas's stylesheet, derived from the API's vocabulary: one selector
 * per entity kind, relation family and relation kind, so a kind the data
 * adds is styled without code here. Per-element styling never happens.
 */
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * A label is drawn only when it is at least this big on the screen: zooming
 * out hides the less important labels (drawn smaller) first instead of
 * shrinking every label into an unreadable smudge.
 */
export const MIN_LABEL_PX = 10;
/** Label sizes by the node's importance (see elements.ts): the tops of the organisation, bodies and branches, the rest. */
export const LABEL_SIZES = { 1: 16, 2: 13, 3: 11.5 } as const;

export function buildStylesheet(vocabulary: Pick<Vocabulary, 'families' | 'relationKinds' | 'entityKinds' | 'evidenceStatuses'>): StylesheetJson {
  const base: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT,
        'font-size': LABEL_SIZES[3],
        'font-weight': 500,
        'min-zoomed-font-size': MIN_LABEL_PX,
        color: HIGHLIGHT.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        'transition-property': 'opacity, border-width, underlay-opacity',
        'transition-duration': 150,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'arrow-scale': 0.9,
        // The lines off the hierarchy (oversight of every nämnd, rights, consultation) stay in the background until something is selected.
        opacity: 0.32,
        'font-family': FONT,
        'font-size': 9.5,
        color: '#334155',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'transition-property': 'opacity, width',
        'transition-duration': 150,
      },
    },
  ];

  const kinds: StylesheetJson = vocabulary.entityKinds.map(({ kind }) => {
    const k = kindStyle(kind);
    return { selector: `node[kind = "${kind}"]`, style: { shape: k.shape, 'background-color': k.fill, 'border-color': k.border } };
  });

  const families: StylesheetJson = vocabulary.families.map(({ family }) => {
    const f = familyStyle(family);
    return {
      selector: `edge[family = "${family}"]`,
      style: {
        'line-color': f.colour,
        'target-arrow-color': f.colour,
        'mid-target-arrow-color': f.colour,
        'line-style': f.line,
        width: f.width,
        'line-dash-pattern': f.line === 'dashed' ? [6, 4] : [1, 3],
      },
    };
  });

  // How sure each relation is: a badge in the middle of the line, by evidence status (and a weak source apart), from the vocabulary's statuses.
  const evidence: StylesheetJson = evidenceKeysOf(vocabulary.evidenceStatuses.map((e) => e.status)).map((key) => {
    const e = evidenceStyle(key);
    return {
      selector: `edge[evidence = "${key}"]`,
      style: { 'mid-target-arrow-shape': e.mark, 'mid-target-arrow-fill': e.fill, ...(e.colour ? { 'mid-target-arrow-color': e.colour } : {}) },
    };
  });

  const relationKinds: StylesheetJson = vocabulary.relationKinds.map(({ kind, family }) => ({
    selector: `edge[kind = "${kind}"]`,
    style: { 'target-arrow-shape': arrowFor(kind, family) },
  }));

  const importance: StylesheetJson = [
    { selector: 'node[importance = 2]', style: { 'font-size': LABEL_SIZES[2], 'font-weight': 600 } },
    { selector: 'node[importance = 1]', style: { 'font-size': LABEL_SIZES[1], 'font-weight': 700 } },
  ];

  // A body with parts, or a company group, is a box around them, its name on top; the lines that would say "part of" or "owns" inside it are left out, the box says it.
  const compounds: StylesheetJson = [
    ...vocabulary.entityKinds.map(({ kind }) => {
      const k = kindStyle(kind);
      return { selector: `node[kind = "${kind}"]:parent`, style: { 'background-color': k.fill, 'border-color': k.border } };
    }),
    {
      selector: 'node:parent',
      style: {
        shape: 'round-rectangle',
        'background-opacity': 0.07,
        'border-width': 1.5,
        'border-style': 'solid',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'text-max-width': '320px',
        'text-wrap': 'ellipsis',
        padding: '12px',
        'corner-radius': '10',
      },
    },
    { selector: 'edge[?contained]', style: { display: 'none' } },
  ];

  // A large view (see controller.ts) is first seen whole, far out: labels are drawn only once they are big enough to read, and lines are straight, which is cheaper to draw than curves.
  const crowded: StylesheetJson = [
    { selector: 'node.crowded', style: { 'min-zoomed-font-size': MIN_LABEL_PX } },
    { selector: 'edge.crowded', style: { 'curve-style': 'straight', 'min-zoomed-font-size': MIN_LABEL_PX } },
  ];

  // Emphasis comes last so it wins over kind and family.
  const states: StylesheetJson = [
    // The lines of the hierarchy carry the picture; the rest stay quieter until something is selected.
    { selector: 'edge[rank = "down"], edge[rank = "up"]', style: { opacity: 0.85 } },
    { selector: 'node:active, edge:active', style: { 'overlay-opacity': 0.08 } },
    { selector: 'node.hover', style: { 'underlay-color': HIGHLIGHT.underlay, 'underlay-opacity': 0.8, 'underlay-padding': 6 } },
    { selector: 'edge.neighbour', style: { opacity: 0.95, 'z-index': 10 } },
    { selector: 'edge.hover, edge.show-label, edge.on-path', style: { label: 'data(label)', opacity: 1, 'z-index': 10 } },
    { selector: '.dim', style: { opacity: 0.14 } },
    { selector: 'edge.dim', style: { opacity: 0.06 } },
    { selector: 'node.neighbour', style: { opacity: 1 } },
    {
      selector: 'node:selected, node.selected',
      style: {
        'border-width': 4,
        'border-color': HIGHLIGHT.selected,
        'underlay-color': HIGHLIGHT.underlay,
        'underlay-opacity': 1,
        'underlay-padding': 8,
        'font-weight': 700,
        'z-index': 20,
      },
    },
    {
      selector: 'edge:selected, edge.selected',
      style: { label: 'data(label)', width: 4, opacity: 1, 'underlay-color': HIGHLIGHT.underlay, 'underlay-opacity': 1, 'underlay-padding': 4, 'z-index': 20 },
    },
    {
      selector: 'node.on-path',
      style: {
        'border-width': 4,
        'border-color': HIGHLIGHT.path,
        'underlay-color': HIGHLIGHT.underlay,
        'underlay-opacity': 1,
        'underlay-padding': 7,
        opacity: 1,
        'font-weight': 700,
      },
    },
    {
      selector: 'edge.on-path',
      style: { width: 5, opacity: 1, 'line-style': 'solid', 'underlay-color': HIGHLIGHT.path, 'underlay-opacity': 0.45, 'underlay-padding': 4, 'z-index': 30 },
    },
    {
      selector: 'node.spotlight',
      style: {
        'border-width': 4,
        'border-color': HIGHLIGHT.selected,
        'underlay-color': HIGHLIGHT.underlay,
        'underlay-opacity': 1,
        'underlay-padding': 7,
        opacity: 1,
        'font-weight': 700,
        'z-index': 20,
      },
    },
    { selector: 'edge.spotlight', style: { label: 'data(label)', width: 4, opacity: 1, 'z-index': 25 } },
    // The tree runs left to right: labels beside their nodes keep the columns narrow.
    {
      selector: 'node.label-right',
      style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 5, 'text-margin-y': 0, 'text-max-width': '170px', 'text-wrap': 'ellipsis' },
    },
    // What is lit (selected, on a path, a tour step's subject) keeps its label however far out the view is.
    { selector: 'node.selected, node.on-path, node.spotlight, node.neighbour.show-label, node.kbd-active, node.hover', style: { 'min-zoomed-font-size': 0 } },
    // Where the keyboard is: a thick ring that does not depend on colour alone.
    { selector: 'node.kbd-active', style: { 'outline-width': 4, 'outline-color': '#0b1f3a', 'outline-offset': 3, 'outline-style': 'solid', 'z-index': 40 } },
    { selector: 'edge.layout-helper', style: { opacity: 0, events: 'no', label: '' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#0b1f3a' } },
    { selector: 'node.is-new', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#0b1f3a' } },
  ];

  return [...base, ...kinds, ...importance, ...families, ...relationKinds, ...evidence, ...compounds, ...crowded, ...states];
}
