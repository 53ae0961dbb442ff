import { describe, expect, it } from 'vitest';
import { createViewStore, type Location } from './store.ts';

function memoryLocation(initial = '') {
  const history = [initial];
  let index = 0;
  const listeners = new Set<() => void>();
  const location: Location & { history: string[]; back(): void } = {
    get search() {
      return history[index]!;
    },
    push(search) {
      history.splice(index + 1, Infinity, search);
      index = history.length - 1;
    },
    replace(search) {
      history[index] = search;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    history,
    back() {
      index = Math.max(0, index - 1);
      listeners.forEach((l) => l());
    },
  };
  return location;
}

describe('the view store', () => {
  it('reads its state from the address and writes each change back to it', () => {
    const location = memoryLocation('?view=matrix');
    const store = createViewStore(location);
    expect(store.get().view).toBe('matrix');
    store.update({ selected: { type: 'entity', id: 'kommundirektor' } });
    expect(location.search).toBe('?view=matrix&sel=kommundirektor');
    expect(store.get().selected).toEqual({ type: 'entity', id: 'kommundirektor' });
  });

  it('navigations push history, typing replaces it, and Back restores the previous view', () => {
    const location = memoryLocation();
    const store = createViewStore(location);
    let notified = 0;
    store.subscribe(() => notified++);
    store.update({ view: 'org' });
    store.update({ matrixText: 'a' }, { replace: true });
    store.update({ matrixText: 'an' }, { replace: true });
    expect(location.history).toEqual(['', '?view=org&q=an']);
    location.back();
    expect(store.get().view).toBe('graph');
    expect(notified).toBe(4);
  });

  it('does nothing when a change changes nothing', () => {
    const location = memoryLocation();
    const store = createViewStore(location);
    let notified = 0;
    store.subscribe(() => notified++);
    store.update({ view: 'graph' });
    expect(notified).toBe(0);
    expect(location.history).toEqual(['']);
  });
});
