import { describe, expect, it } from 'vitest';
import { closeTour, leaveQuiz, openTour, startQuiz } from './actions.ts';
import { createViewStore, setViewStore, type Location } from './store.ts';

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

describe('training actions', () => {
  it('each tour step is a history entry: Back returns to the step before, and closing the tour keeps the view', () => {
    const location = memoryLocation('');
    const store = createViewStore(location);
    setViewStore(store);
    openTour('kommunens-bolag');
    openTour('kommunens-bolag', 2);
    openTour('kommunens-bolag', 3);
    expect(location.search).toBe('?view=tours&tour=kommunens-bolag&step=3');
    location.back();
    expect(store.get()).toMatchObject({ view: 'tours', tour: 'kommunens-bolag', step: 2 });
    closeTour();
    expect(location.search).toBe('?view=tours');
  });

  it('starting a quiz draws a seed into the link (random unless given); leaving it clears the seed but keeps the topics', () => {
    const location = memoryLocation('?view=quiz&topics=hearing');
    const store = createViewStore(location);
    setViewStore(store);
    startQuiz(4711);
    expect(location.search).toBe('?view=quiz&seed=4711&topics=hearing');
    startQuiz();
    const seed = store.get().quizSeed;
    expect(Number.isInteger(seed) && seed! >= 0).toBe(true);
    expect(location.search).toBe(`?view=quiz&seed=${seed}&topics=hearing`);
    leaveQuiz();
    expect(location.search).toBe('?view=quiz&topics=hearing');
  });
});
