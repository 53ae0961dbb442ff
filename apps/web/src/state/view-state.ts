import { QuizTopic as QuizTopics } from '../api/generated/enums.ts';
import { GOVERNANCE_FAMILIES, GRAPH_KINDS, type EntityKind, type RelationFamily } from '../api/types.ts';

/**
 * Everything a user sees is described by a ViewState, and every ViewState is
 * a URL: the URL is the source of truth, so a link restores the view.
 */
export type ViewName = 'graph' | 'table' | 'org' | 'matrix' | 'tours' | 'quiz' | 'coverage' | 'checks' | 'glossary' | 'handout';
export type UiLang = 'sv' | 'en';
export type LayoutName = 'hierarchy' | 'force' | 'tree';
export type Selection = { type: 'entity'; id: string } | { type: 'relation'; id: string; from: string };
export type FocusDepth = 1 | 2 | 3;
/** The quiz's topics in the API's order (the SDL's enum, through the generated module). */
export const QUIZ_TOPICS: readonly QuizTopic[] = Object.values(QuizTopics);
export type QuizTopic = (typeof QuizTopics)[keyof typeof QuizTopics];
/** The API takes a 32-bit seed; links keep to the positive half so they stay short and readable. */
export const MAX_QUIZ_SEED = 2_147_483_647;

export interface ViewState {
  view: ViewName;
  lang: UiLang;
  /** The organisation as of this date (YYYY-MM-DD); null is today. */
  date: string | null;
  /**
   * The municipality (the id of its kommun entity) the views are scoped to on
   * a data set of many; null is the whole country's overview there, and
   * means nothing on a data set of one municipality.
   */
  kommun: string | null;
  families: RelationFamily[];
  kinds: EntityKind[];
  layout: LayoutName;
  selected: Selection | null;
  /** Show only this entity's neighbourhood… */
  focus: string | null;
  depth: FocusDepth;
  /**
   * …plus the direct neighbours of these entities, expanded one step at a
   * time: each is an entity id, or `id~family` for its neighbours through one
   * family of relations (which may be one the filters leave out).
   */
  expanded: string[];
  /** Entities taken off the canvas one by one. */
  hidden: string[];
  /** Entities kept on the canvas whatever the filters leave them connected to. */
  pinned: string[];
  /** Show the entities the filters leave without any relation (off by default: they only clutter the picture). */
  lonely: boolean;
  pathFrom: string | null;
  pathTo: string | null;
  /** Which of the found paths is highlighted. */
  pathIndex: number;
  pathAll: boolean;
  /** The path finder panel is open. */
  paths: boolean;
  /** The org chart's root; null is the data set's own top (the entity most of the line management hangs from). */
  orgRoot: string | null;
  collapsed: string[];
  /** The decision matrix cell whose provisions are shown: area and actor. */
  cell: { area: string; actor: string } | null;
  matrixText: string;
  /** The guided tour being played, and its step (1 is the first). */
  tour: string | null;
  step: number;
  /** A quiz under way is its seed and topics: the same link gives the same questions. Empty topics are all. */
  quizSeed: number | null;
  quizTopics: QuizTopic[];
}

export const DEFAULT_VIEW: ViewState = {
  view: 'graph',
  lang: 'sv',
  date: null,
  kommun: null,
  families: [...GOVERNANCE_FAMILIES],
  kinds: [...GRAPH_KINDS],
  layout: 'hierarchy',
  selected: null,
  focus: null,
  depth: 1,
  expanded: [],
  hidden: [],
  pinned: [],
  lonely: false,
  pathFrom: null,
  pathTo: null,
  pathIndex: 0,
  pathAll: false,
  paths: false,
  orgRoot: null,
  collapsed: [],
  cell: null,
  matrixText: '',
  tour: null,
  step: 1,
  quizSeed: null,
  quizTopics: [],
};

export const VIEWS: readonly ViewName[] = ['graph', 'table', 'org', 'matrix', 'tours', 'quiz', 'coverage', 'checks', 'glossary', 'handout'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FAMILY_TOKENS = new Set(GOVERNANCE_FAMILIES.map((f) => f.toLowerCase()));

/** A date that exists in the calendar (2026-13-45 has the right shape but does not). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}
/** Ids in graph/ are lowercase words with hyphens; anything else in a link is ignored, not sent to the API. */
const ID = /^[a-z0-9][a-z0-9._-]{0,119}$/;

const list = (value: string | null) => (value ? value.split(',').filter((v) => v !== '') : []);
const ids = (value: string | null) => list(value).filter((v) => ID.test(v));
const id = (value: string | null) => (value && ID.test(value) ? value : null);
/** An expansion: an entity id, or `id~family` for one family of its relations. */
const isExpansion = (token: string) => {
  const [entity, family, ...rest] = token.split('~');
  return rest.length === 0 && ID.test(entity!) && (family === undefined || FAMILY_TOKENS.has(family));
};

function members<T extends string>(value: string | null, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (value === null) return [...fallback];
  const wanted = new Set(list(value).map((v) => v.toUpperCase()));
  return allowed.filter((a) => wanted.has(a));
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function parseSelection(value: string | null): Selection | null {
  if (!value) return null;
  // A relation is written r:<from>:<relation id>; its source entity lets the panel fetch it.
  const relation = /^r:([^:]+):(.+)$/.exec(value);
  if (relation) {
    const from = id(relation[1]!);
    const rid = id(relation[2]!);
    return from && rid ? { type: 'relation', id: rid, from } : null;
  }
  const entity = id(value);
  return entity ? { type: 'entity', id: entity } : null;
}

export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const depth = Number(p.get('depth'));
  const date = p.get('date');
  const cell = /^([^~]+)~(.+)$/.exec(p.get('cell') ?? '');
  const pathIndex = Number(p.get('path'));
  const tour = id(p.get('tour'));
  const step = Number(p.get('step'));
  const seedText = p.get('seed') ?? '';
  const seed = /^\d{1,10}$/.test(seedText) ? Number(seedText) : NaN;
  return {
    view: VIEWS.includes(view as ViewName) ? (view as ViewName) : 'graph',
    lang: p.get('lang') === 'en' ? 'en' : 'sv',
    date: date && isCalendarDate(date) ? date : null,
    kommun: id(p.get('kommun')),
    families: members(p.get('families'), GOVERNANCE_FAMILIES, DEFAULT_VIEW.families),
    kinds: members(p.get('kinds'), GRAPH_KINDS, DEFAULT_VIEW.kinds),
    layout: p.get('layout') === 'force' || p.get('layout') === 'tree' ? (p.get('layout') as LayoutName) : 'hierarchy',
    selected: parseSelection(p.get('sel')),
    focus: id(p.get('focus')),
    depth: depth === 2 || depth === 3 ? depth : 1,
    expanded: list(p.get('expand')).filter(isExpansion),
    hidden: ids(p.get('hide')),
    pinned: ids(p.get('pin')),
    lonely: p.get('lonely') === '1',
    pathFrom: id(p.get('from')),
    pathTo: id(p.get('to')),
    pathIndex: Number.isInteger(pathIndex) && pathIndex > 0 && pathIndex < 50 ? pathIndex : 0,
    pathAll: p.get('all') === '1',
    paths: p.get('paths') === '1' || p.has('from') || p.has('to'),
    orgRoot: id(p.get('root')),
    collapsed: ids(p.get('collapsed')),
    cell: cell && id(cell[1]!) && id(cell[2]!) ? { area: cell[1]!, actor: cell[2]! } : null,
    matrixText: (p.get('q') ?? '').slice(0, 100),
    tour,
    step: tour && Number.isInteger(step) && step > 1 && step < 1000 ? step : 1,
    quizSeed: seed <= MAX_QUIZ_SEED ? seed : null,
    quizTopics: p.has('topics') ? members(p.get('topics'), QUIZ_TOPICS, []) : [],
  };
}

/** The URL query for a view: only what differs from the default, in a stable order, so links stay short and comparable. */
export function serializeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_VIEW;
  if (state.view !== d.view) p.set('view', state.view);
  if (state.lang !== d.lang) p.set('lang', state.lang);
  if (state.date) p.set('date', state.date);
  if (state.kommun) p.set('kommun', state.kommun);
  if (!sameSet(state.families, d.families)) p.set('families', state.families.map((f) => f.toLowerCase()).join(','));
  if (!sameSet(state.kinds, d.kinds)) p.set('kinds', state.kinds.map((k) => k.toLowerCase()).join(','));
  if (state.layout !== d.layout) p.set('layout', state.layout);
  if (state.selected) p.set('sel', state.selected.type === 'entity' ? state.selected.id : `r:${state.selected.from}:${state.selected.id}`);
  if (state.focus) {
    p.set('focus', state.focus);
    if (state.depth !== 1) p.set('depth', String(state.depth));
  }
  if (state.expanded.length > 0) p.set('expand', state.expanded.join(','));
  if (state.hidden.length > 0) p.set('hide', state.hidden.join(','));
  if (state.pinned.length > 0) p.set('pin', state.pinned.join(','));
  if (state.lonely) p.set('lonely', '1');
  if (state.paths && !state.pathFrom && !state.pathTo) p.set('paths', '1');
  if (state.pathFrom) p.set('from', state.pathFrom);
  if (state.pathTo) p.set('to', state.pathTo);
  if (state.pathAll) p.set('all', '1');
  if (state.pathIndex > 0) p.set('path', String(state.pathIndex));
  if (state.orgRoot) p.set('root', state.orgRoot);
  if (state.collapsed.length > 0) p.set('collapsed', state.collapsed.join(','));
  if (state.cell) p.set('cell', `${state.cell.area}~${state.cell.actor}`);
  if (state.matrixText) p.set('q', state.matrixText);
  if (state.tour) {
    p.set('tour', state.tour);
    if (state.step > 1) p.set('step', String(state.step));
  }
  if (state.quizSeed !== null) p.set('seed', String(state.quizSeed));
  if (state.quizTopics.length > 0) p.set('topics', state.quizTopics.map((t) => t.toLowerCase()).join(','));
  const query = p.toString().replace(/%2C/g, ',').replace(/%7E/gi, '~').replace(/%3A/gi, ':');
  return query ? `?${query}` : '';
}

/** A part of a link that was left out because it cannot be shown: the parameter, what it said, and why. */
export interface LinkProblem {
  param: string;
  value: string;
  reason: 'unknownView' | 'badDate' | 'badValue';
}

/**
 * What a link asked for that parseViewState had to leave out, so the app can
 * say so instead of silently showing something else (or sending the API a
 * question it cannot answer, as a date like 2026-13-45 would be).
 */
export function linkProblems(search: string): LinkProblem[] {
  const p = new URLSearchParams(search);
  const problems: LinkProblem[] = [];
  const bad = (param: string, reason: LinkProblem['reason'] = 'badValue') => problems.push({ param, value: (p.get(param) ?? '').slice(0, 60), reason });
  const view = p.get('view');
  if (view !== null && !VIEWS.includes(view as ViewName)) bad('view', 'unknownView');
  const date = p.get('date');
  if (date !== null && date !== '' && !isCalendarDate(date)) bad('date', 'badDate');
  for (const param of ['families', 'kinds'] as const) {
    const allowed = param === 'families' ? GOVERNANCE_FAMILIES : GRAPH_KINDS;
    const value = p.get(param);
    if (value && list(value).some((v) => !allowed.includes(v.toUpperCase() as never))) bad(param);
  }
  for (const param of ['kommun', 'sel', 'focus', 'from', 'to', 'root', 'tour']) {
    const value = p.get(param);
    if (value && (param === 'sel' ? parseSelection(value) === null : id(value) === null)) bad(param);
  }
  const depth = p.get('depth');
  if (depth !== null && !['1', '2', '3'].includes(depth)) bad('depth');
  return problems;
}
