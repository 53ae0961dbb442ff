import type { EntityKind, RelationFamily } from '../api/types.ts';
import { requestPanelFocus } from './focus-request.ts';
import { update, viewStore } from './store.ts';
import { MAX_QUIZ_SEED, type FocusDepth, type LayoutName, type QuizTopic, type UiLang, type ViewName } from './view-state.ts';

/** What a user can do, as changes to the view; each is one step back in the browser's history. */

export const selectEntity = (id: string | null, { focusPanel = false }: { focusPanel?: boolean } = {}) => {
  if (id && focusPanel) requestPanelFocus(id);
  update({ selected: id ? { type: 'entity', id } : null, cell: null });
};

export const selectRelation = (id: string, from: string) => update({ selected: { type: 'relation', id, from } });

export const clearSelection = () => update({ selected: null, cell: null });

/** Opens an entity in the graph: it is selected, and the canvas centres it. */
export const showInGraph = (id: string) => update({ view: 'graph', selected: { type: 'entity', id } });

export const focusOn = (id: string, depth: FocusDepth = 1) => update({ view: 'graph', focus: id, depth, expanded: [], selected: { type: 'entity', id } });

export const setDepth = (depth: FocusDepth) => update({ depth }, undoable);

/** Changes to what the canvas shows can be undone one by one (Ångra), apart from the browser's history of views. */
const undoable = { undoable: true } as const;

export const expandNeighbours = (id: string) =>
  update(
    (s) => (s.focus ? { expanded: s.expanded.includes(id) || s.focus === id ? s.expanded : [...s.expanded, id] } : { focus: id, depth: 1, expanded: [] }),
    undoable,
  );

/** Adds an entity's neighbours through one family of relations to the view, whether or not the filters show that family. */
export const expandByFamily = (id: string, family: RelationFamily) =>
  update((s) => {
    const token = `${id}~${family.toLowerCase()}`;
    return { expanded: s.expanded.includes(token) ? s.expanded : [...s.expanded, token], hidden: s.hidden.filter((h) => h !== id) };
  }, undoable);

export const clearFocus = () => update({ focus: null, expanded: [], depth: 1 }, undoable);

export const toggleFamily = (family: RelationFamily) =>
  update((s) => ({ families: s.families.includes(family) ? s.families.filter((f) => f !== family) : [...s.families, family] }), undoable);

export const setFamilies = (families: RelationFamily[]) => update({ families }, undoable);

export const toggleKind = (kind: EntityKind) =>
  update((s) => ({ kinds: s.kinds.includes(kind) ? s.kinds.filter((k) => k !== kind) : [...s.kinds, kind] }), undoable);

export const setKinds = (kinds: EntityKind[]) => update({ kinds }, undoable);

/** Takes one entity off the canvas (and out of the table); it stays listed under "Dolda" to bring back. */
export const hideEntity = (id: string) =>
  update(
    (s) => ({
      hidden: s.hidden.includes(id) ? s.hidden : [...s.hidden, id],
      pinned: s.pinned.filter((p) => p !== id),
      selected: s.selected?.id === id ? null : s.selected,
    }),
    undoable,
  );

export const showEntity = (id: string) => update((s) => ({ hidden: s.hidden.filter((h) => h !== id) }), undoable);

export const showAllHidden = () => update({ hidden: [] }, undoable);

/** A pinned entity stays in the picture even when the filters leave it without a relation. */
export const togglePinned = (id: string) =>
  update((s) => ({ pinned: s.pinned.includes(id) ? s.pinned.filter((p) => p !== id) : [...s.pinned, id], hidden: s.hidden.filter((h) => h !== id) }), undoable);

export const setLonely = (lonely: boolean) => update({ lonely }, undoable);

export const undoViewChange = () => viewStore().undo();

export const setLayout = (layout: LayoutName) => update({ layout });

export const setDate = (date: string | null) => update({ date, pathIndex: 0 });

export const setLang = (lang: UiLang) => update({ lang });

export const setView = (view: ViewName) => update({ view });

export const openPathFinder = (open: boolean) => update(open ? { paths: true, view: 'graph' } : { paths: false, pathFrom: null, pathTo: null, pathIndex: 0 });

export const setPathEnds = (ends: { from?: string | null; to?: string | null }) =>
  update({
    ...(ends.from !== undefined ? { pathFrom: ends.from } : {}),
    ...(ends.to !== undefined ? { pathTo: ends.to } : {}),
    pathIndex: 0,
    paths: true,
    view: 'graph',
  });

export const swapPathEnds = () => update((s) => ({ pathFrom: s.pathTo, pathTo: s.pathFrom, pathIndex: 0 }));

export const setPathIndex = (pathIndex: number) => update({ pathIndex }, { replace: true });

export const setPathAll = (pathAll: boolean) => update({ pathAll, pathIndex: 0 });

export const setOrgRoot = (orgRoot: string | null) => update({ view: 'org', orgRoot, collapsed: [] });

export const toggleCollapsed = (id: string) =>
  update((s) => ({ collapsed: s.collapsed.includes(id) ? s.collapsed.filter((c) => c !== id) : [...s.collapsed, id] }), { replace: true });

export const setCollapsed = (collapsed: string[]) => update({ collapsed }, { replace: true });

export const openCell = (area: string, actor: string) => update({ view: 'matrix', cell: { area, actor }, selected: null });

export const closeCell = () => update({ cell: null });

export const setMatrixText = (matrixText: string) => update({ matrixText }, { replace: true });

/** Opens a guided tour at a step; each step is its own history entry, so Back in the browser goes one step back. */
export const openTour = (tour: string, step = 1) => update({ view: 'tours', tour, step: Math.max(1, step) });

export const closeTour = () => update({ tour: null, step: 1 });

export const setQuizTopics = (quizTopics: QuizTopic[]) => update({ quizTopics }, { replace: true });

/** A quiz is started by drawing a seed; the link then reproduces it for anyone it is shared with. */
export const startQuiz = (seed: number = randomSeed()) => update({ view: 'quiz', quizSeed: seed });

export const leaveQuiz = () => update({ quizSeed: null });

export function randomSeed(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return value! % MAX_QUIZ_SEED;
}

/**
 * Drills into one municipality (or back out to the country with null): what
 * was selected, focused, expanded or hidden belongs to the picture left, and
 * the org chart's root and the matrix cell to the municipality left.
 */
export const openMunicipality = (kommun: string | null, { select = null }: { select?: string | null } = {}) =>
  update({
    kommun,
    selected: select ? { type: 'entity', id: select } : null,
    focus: null,
    depth: 1,
    expanded: [],
    hidden: [],
    pinned: [],
    orgRoot: null,
    collapsed: [],
    cell: null,
  });
