import { formatIssue, loadDataset, type Dataset, type ValidationIssue } from '@styrgraf/model';
import { createMemoryStore, type Store } from '@styrgraf/store';
import { watch, type FSWatcher } from 'chokidar';

/**
 * Live data editing (`pnpm start --watch`): a Store that answers from the
 * data set last loaded from `dir`, and when a file under it changes, loads
 * the directory afresh and swaps to the new store in one assignment. A bad
 * edit keeps the last good graph in service and its problems are reported
 * (logged, and in `reloadStatus()` for /health) until an edit fixes them.
 *
 * Atomic for a request, not just for a call: a GraphQL request makes several
 * store calls (one per DataLoader batch), so the server asks for
 * `snapshot()` once per request and keeps that store for all of them. A
 * request under way during a swap finishes on the old graph; the next one
 * sees the new graph, whole.
 */

export interface ReloadStatus {
  /** `ok` while the data on disk is what is served; `invalid` after an edit that did not validate (the last good graph is still served). */
  state: 'ok' | 'invalid';
  dir: string;
  /** Digest of the data set being served. */
  digest: string;
  /** When the data set being served was loaded (ISO time). */
  loadedAt: string;
  /** How many times a changed directory was loaded into service since start. */
  reloads: number;
  /** The last reload that failed, while it is the latest word on the data: cleared by the next good one. */
  lastError: { at: string; issues: ValidationIssue[] } | null;
}

export interface ReloadingStore extends Store {
  /** The store that answers now; hold it for the length of one request. */
  snapshot(): Store;
  reloadStatus(): ReloadStatus;
  /** Loads the directory now (the watcher calls this after a quiet spell); true when a new graph went into service. */
  reload(): Promise<boolean>;
}

export interface ReloadOptions {
  /** The data set already loaded from `dir` at start. */
  initial: Dataset;
  /** Builds the store for a data set (default: the embedded memory store). */
  createStore?: (dataset: Dataset) => Store;
  /** Waits this long after the last change before loading, so that an editor's save (or a git checkout) is loaded once. */
  debounceMs?: number;
  /** Watch the directory (default true); tests may drive `reload()` themselves. */
  watch?: boolean;
  log?: Pick<Console, 'log' | 'warn'>;
}

const GRAPH_FILE = /\.ya?ml$/;

export function isReloadingStore(store: Store): store is ReloadingStore {
  return typeof (store as Partial<ReloadingStore>).snapshot === 'function' && typeof (store as Partial<ReloadingStore>).reloadStatus === 'function';
}

export async function createReloadingStore(dir: string, options: ReloadOptions): Promise<ReloadingStore> {
  const createStore = options.createStore ?? createMemoryStore;
  const log = options.log ?? console;
  const debounceMs = options.debounceMs ?? 250;
  let current = createStore(options.initial);
  let status: ReloadStatus = { state: 'ok', dir, digest: options.initial.digest, loadedAt: new Date().toISOString(), reloads: 0, lastError: null };

  // One load at a time; a change during a load asks for one more after it.
  let running: Promise<boolean> | null = null;
  let again = false;
  const loadOnce = async (): Promise<boolean> => {
    const result = await loadDataset(dir);
    const at = new Date().toISOString();
    if (!result.ok) {
      status = { ...status, state: 'invalid', lastError: { at, issues: result.issues } };
      log.warn(
        `[styrgraf] ${dir} changed but is invalid (${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}); still serving digest ${status.digest}:\n  ${result.issues.slice(0, 50).map(formatIssue).join('\n  ')}`,
      );
      return false;
    }
    if (result.dataset.digest === status.digest) {
      status = { ...status, state: 'ok', lastError: null };
      return false;
    }
    const previous = current;
    current = createStore(result.dataset);
    status = { state: 'ok', dir, digest: result.dataset.digest, loadedAt: at, reloads: status.reloads + 1, lastError: null };
    log.log(`[styrgraf] reloaded ${dir}: digest ${result.dataset.digest}, ${result.dataset.entities.length} entities, ${result.dataset.relations.length} relations`);
    // Requests still holding the previous store finish on it; its caches go once they are done.
    setTimeout(() => void previous.close(), 30_000).unref();
    return true;
  };
  const reload = (): Promise<boolean> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let swapped = false;
      do {
        again = false;
        try {
          swapped = (await loadOnce()) || swapped;
        } catch (error) {
          // loadDataset reports bad data as values; this is the unexpected (a directory that vanished mid-read).
          const message = error instanceof Error ? error.message : String(error);
          status = { ...status, state: 'invalid', lastError: { at: new Date().toISOString(), issues: [{ code: 'IO', file: dir, line: 0, field: '', message }] } };
          log.warn(`[styrgraf] reloading ${dir} failed: ${message}`);
        }
      } while (again);
      running = null;
      return swapped;
    })();
    return running;
  };

  let watcher: FSWatcher | null = null;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch ?? true) {
    watcher = watch(dir, { ignoreInitial: true, ignored: (path, stats) => !!stats?.isFile() && !GRAPH_FILE.test(path) });
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), debounceMs);
    };
    watcher.on('add', changed).on('change', changed).on('unlink', changed).on('unlinkDir', changed);
    watcher.on('error', (error) => log.warn(`[styrgraf] watching ${dir}: ${error instanceof Error ? error.message : String(error)}`));
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  }

  // Every Store method answers from the store in service when it is called.
  const delegate = {} as Record<string, unknown>;
  for (const method of ['info', 'getEntities', 'listEntities', 'search', 'relationsOf', 'citedBy', 'neighbourhood', 'graph', 'paths', 'orgChart', 'decisionAreas', 'provisions', 'workshopQuestions', 'glossary', 'changes', 'tours'] as const) {
    delegate[method] = (...args: unknown[]) => (current[method] as (...a: unknown[]) => unknown).apply(current, args);
  }
  return {
    ...(delegate as unknown as Omit<Store, 'engine' | 'close'>),
    get engine() {
      return current.engine;
    },
    snapshot: () => current,
    reloadStatus: () => structuredClone(status),
    reload,
    async close() {
      clearTimeout(timer);
      await watcher?.close();
      await running;
      await current.close();
    },
  };
}
