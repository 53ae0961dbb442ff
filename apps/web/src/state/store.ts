import { useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state.ts';

/**
 * The view store: a ViewState kept in the address bar. Components read it
 * with useView(selector) and change it only through update(); the browser's
 * back and forward buttons move through views like any other page.
 */
type Listener = () => void;

export interface ViewStore {
  get(): ViewState;
  subscribe(listener: Listener): () => void;
  /** Push a new history entry (a navigation) or replace the current one (typing, panning). */
  update(change: Partial<ViewState> | ((state: ViewState) => Partial<ViewState>), options?: { replace?: boolean }): void;
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

export function createViewStore(location: Location): ViewStore {
  let state = parseViewState(location.search);
  const listeners = new Set<Listener>();
  const emit = () => listeners.forEach((l) => l());
  location.onChange(() => {
    state = parseViewState(location.search);
    emit();
  });
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change, options = {}) {
      const patch = typeof change === 'function' ? change(state) : change;
      // Parsing what was written keeps the state exactly what a reload of the link would give.
      const search = serializeViewState({ ...state, ...patch });
      if (search === serializeViewState(state)) return;
      if (options.replace) location.replace(search);
      else location.push(search);
      state = parseViewState(search);
      emit();
    },
  };
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
  return useSyncExternalStore(s.subscribe, () => selector(s.get()), () => selector(s.get()));
}

export const update: ViewStore['update'] = (change, options) => viewStore().update(change, options);
