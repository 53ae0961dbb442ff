import { useSyncExternalStore } from 'react';
import { linkProblems, parseViewState, serializeViewState, type LinkProblem, type ViewState } from './view-state.ts';

/**
 * The view store: a ViewState kept in the address bar. Components read it
 * with useView(selector) and change it only through update(); the browser's
 * back and forward buttons move through views like any other page.
 */
type Listener = () => void;

export interface ViewStore {
  get(): ViewState;
  /** What the link the page was opened with asked for but could not be shown; cleared once read out and dismissed. */
  problems: () => readonly LinkProblem[];
  dismissProblems(): void;
  /** Steps back through the changes made with `undoable` (filters, hidden and pinned entities, expansions), not through views. */
  undo(): void;
  canUndo: () => boolean;
  subscribe: (listener: Listener) => () => void;
  /** Push a new history entry (a navigation) or replace the current one (typing, panning). */
  update(change: Partial<ViewState> | ((state: ViewState) => Partial<ViewState>), options?: { replace?: boolean; undoable?: boolean }): void;
}

export interface Location {
  search: string;
  push(search: string): void;
  replace(search: string): void;
  onChange(listener: Listener): () => void;
}

export function browserLocation(): Location {
  const url = (search: string) => `${window.location.pathname}${search}${window.location.hash}`;
  return {
    get search() {
      return window.location.search;
    },
    push: (search) => window.history.pushState(null, '', url(search)),
    replace: (search) => window.history.replaceState(null, '', url(search)),
    onChange(listener) {
      window.addEventListener('popstate', listener);
      return () => window.removeEventListener('popstate', listener);
    },
  };
}

/** How many view changes can be undone. */
const UNDO_DEPTH = 50;

export function createViewStore(location: Location): ViewStore {
  let state = parseViewState(location.search);
  let problems: readonly LinkProblem[] = linkProblems(location.search);
  // A link with parts that cannot be shown is rewritten without them, so that copying the address gives what is on screen.
  if (problems.length > 0) location.replace(serializeViewState(state));
  const undoStack: string[] = [];
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());
  location.onChange(() => {
    state = parseViewState(location.search);
    emit();
  });
  const store: ViewStore = {
    get: () => state,
    problems: () => problems,
    dismissProblems() {
      if (problems.length === 0) return;
      problems = [];
      emit();
    },
    canUndo: () => undoStack.length > 0,
    undo() {
      const previous = undoStack.pop();
      if (previous === undefined) return;
      location.push(previous);
      state = parseViewState(previous);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change, options = {}) {
      const patch = typeof change === 'function' ? change(state) : change;
      // Parsing what was written keeps the state exactly what a reload of the link would give.
      const search = serializeViewState({ ...state, ...patch });
      const before = serializeViewState(state);
      if (search === before) return;
      if (options.undoable) {
        undoStack.push(before);
        if (undoStack.length > UNDO_DEPTH) undoStack.shift();
      }
      if (options.replace) location.replace(search);
      else location.push(search);
      state = parseViewState(search);
      emit();
    },
  };
  return store;
}

let store: ViewStore | null = null;

/** The app's one store, bound to the browser's address bar. */
export function viewStore(): ViewStore {
  store ??= createViewStore(browserLocation());
  return store;
}

/** For tests: a store bound to another location. */
export function setViewStore(next: ViewStore): void {
  store = next;
}

export function useView<T>(selector: (state: ViewState) => T): T {
  const s = viewStore();
  return useSyncExternalStore(
    s.subscribe,
    () => selector(s.get()),
    () => selector(s.get()),
  );
}

export const update: ViewStore['update'] = (change, options) => viewStore().update(change, options);

/** The problems of the link the page was opened with (see linkProblems). */
export function useLinkProblems(): readonly LinkProblem[] {
  const s = viewStore();
  return useSyncExternalStore(s.subscribe, s.problems, s.problems);
}

export function useCanUndo(): boolean {
  const s = viewStore();
  return useSyncExternalStore(s.subscribe, s.canUndo, s.canUndo);
}
