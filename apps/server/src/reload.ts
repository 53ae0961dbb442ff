import { formatIssue, loadDataset, type Dataset, type ValidationIssue } from '@styrgraf/model';
import { createMemoryStore, STORE_METHODS, type Store } from '@styrgraf/store';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
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
/** How often the watched directory itself is checked for having been deleted or replaced. */
const ROOT_CHECK_MS = 1_000;
/** A directory that has not changed for this long is taken to be written in full. */
const QUIET_MS = 250;

/** Every data file's path, size and time of change: equal twice in a row, nothing is being written. */
function treeSignature(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => GRAPH_FILE.test(e.name))
      .map((e) => {
        const path = join(e.parentPath, e.name);
        const stats = statSync(path, { throwIfNoEntry: false });
        return `${path}:${stats?.size}:${stats?.mtimeMs}`;
      })
      .sort()
      .join('\n');
  } catch {
    return '';
  }
}

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
    log.log(
      `[styrgraf] reloaded ${dir}: digest ${result.dataset.digest}, ${result.dataset.entities.length} entities, ${result.dataset.relations.length} relations`,
    );
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
          status = {
            ...status,
            state: 'invalid',
            lastError: { at: new Date().toISOString(), issues: [{ code: 'IO', file: dir, line: 0, field: '', message }] },
          };
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
  let rootCheck: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };
  /**
   * The watched directory's identity. A directory deleted and made again
   * (rsync, a checkout) is another directory, which the old watcher never
   * hears from; it may even get the same inode number back (tmpfs does), so
   * its birth time is part of it.
   */
  const rootId = () => {
    const stats = statSync(dir, { throwIfNoEntry: false });
    return stats?.isDirectory() ? `${stats.dev}:${stats.ino}:${stats.birthtimeMs}` : null;
  };
  let watchedRoot: string | null = null;
  const startWatching = async (untilReady: boolean) => {
    const previous = watcher;
    watcher = null;
    watchedRoot = rootId();
    // chokidar shares its fs.watch handles between watchers of one path: the old watcher must be closed before a new one starts, or the new one inherits a handle on the deleted directory and never hears a thing.
    await previous?.close();
    if (!watchedRoot) return;
    const next = watch(dir, { ignoreInitial: true, ignored: (path, stats) => !!stats?.isFile() && !GRAPH_FILE.test(path) });
    watcher = next;
    next.on('add', changed).on('change', changed).on('unlink', changed);
    next.on('unlinkDir', (path) => {
      // The directory itself went: whatever comes back in its place is watched afresh (the root check below).
      if (resolvePath(path) === resolvePath(dir)) watchedRoot = null;
      changed();
    });
    next.on('error', (error) => log.warn(`[styrgraf] watching ${dir}: ${error instanceof Error ? error.message : String(error)}`));
    if (untilReady) await new Promise<void>((resolve) => next.once('ready', () => resolve()));
  };
  /** The first watcher is awaited (a caller may edit as soon as the store is made); a restarted one is not waited on for longer than this. */
  const readyWithin = (ms: number) => Promise.race([startWatching(true), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  /** Waits until the directory stops changing (a copy or checkout in progress), so that the new watcher starts on the finished tree. */
  const quiet = async () => {
    for (let before = treeSignature(dir); ;) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      const after = treeSignature(dir);
      if (after === before) return;
      before = after;
    }
  };
  if (options.watch ?? true) {
    await startWatching(true);
    // Once a second: has the directory gone, or come back as a new one? Then watch afresh and load what is there (nothing, while it is gone: the last good graph stays).
    let restarting = false;
    rootCheck = setInterval(() => {
      if (restarting || rootId() === watchedRoot) return;
      restarting = true;
      void quiet()
        .then(() => readyWithin(5_000))
        .catch((error: unknown) => log.warn(`[styrgraf] watching ${dir} again: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          restarting = false;
          changed();
        });
    }, ROOT_CHECK_MS);
    rootCheck.unref();
  }

  // Every Store method answers from the store in service when it is called.
  const delegate = {} as Record<string, unknown>;
  for (const method of STORE_METHODS) {
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
      clearInterval(rootCheck);
      await watcher?.close();
      await running;
      await current.close();
    },
  };
}
