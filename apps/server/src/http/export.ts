import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_FORMAT_IDS, ExportFilterError, exportFileName, exportFormat, parseExportFilter, selectFromStore } from '@styrgraf/export';
import { StoreError, type Store } from '@styrgraf/store';
import { isReloadingStore } from '../reload.ts';

export const EXPORT_PATH = '/export/';

/**
 * The most entities and relations one HTTP export writes. Rendering is
 * synchronous work on the server's one thread: the whole national set
 * (~66,000 elements) takes seconds to tens of seconds per format, during
 * which nothing else is answered. Larger cuts are for `styrgraf export`.
 */
export const MAX_EXPORT_ELEMENTS = 20_000;

/**
 * `GET /export/{format}?asOf=&families=&kinds=`: the data set in an open
 * format, as a download named after the data set and the date. One export
 * runs at a time: rendering the national set is seconds of the server's one
 * thread, and a second would only queue behind it, so it is told to come back.
 */
export function createExportHandler(
  store: Store,
  { maxElements = MAX_EXPORT_ELEMENTS }: { maxElements?: number } = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let running = false;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const id = decodeURIComponent(url.pathname.slice(EXPORT_PATH.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return answerError(res, 405, 'METHOD_NOT_ALLOWED', 'An export is fetched with GET.', { allow: 'GET, HEAD' });
    const format = exportFormat(id);
    if (!format) return answerError(res, 404, 'NOT_FOUND', `No export format "${id}"; use one of ${EXPORT_FORMAT_IDS.join(', ')}.`);
    let filter;
    try {
      filter = parseExportFilter({ asOf: url.searchParams.get('asOf'), families: url.searchParams.get('families'), kinds: url.searchParams.get('kinds') });
    } catch (error) {
      if (error instanceof ExportFilterError) return answerError(res, 400, error.code, error.message);
      throw error;
    }
    if (running) return answerError(res, 503, 'OVERLOADED', 'Another export is being written; try again in a moment.', { 'retry-after': '2' });
    running = true;
    // The client going away stops the store's work.
    const abort = new AbortController();
    res.on('close', () => abort.abort(new Error('client closed the connection')));
    try {
      const pinned = isReloadingStore(store) ? store.snapshot() : store;
      const selection = await selectFromStore(pinned, filter, { signal: abort.signal });
      const elements = selection.entities.length + selection.relations.length;
      if (elements > maxElements) {
        return answerError(
          res,
          413,
          'EXPORT_TOO_LARGE',
          `This cut holds ${selection.entities.length} entities and ${selection.relations.length} relations, over the ${maxElements} an export over HTTP writes; narrow it with families or kinds, or run \`styrgraf export ${format.id}\`.`,
        );
      }
      const body = await format.render(selection);
      res.writeHead(200, {
        'content-type': format.contentType,
        'content-length': Buffer.byteLength(body),
        'content-disposition': `attachment; filename="${exportFileName(selection, format)}"`,
        'cache-control': 'no-cache',
        'x-styrgraf-digest': selection.dataset.digest,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof StoreError) {
        if (error.code === 'STORE_UNAVAILABLE')
          return answerError(res, 503, error.code, 'The data store cannot be reached; try again shortly.', { 'retry-after': '5' });
        return answerError(res, error.code === 'LIMIT_EXCEEDED' ? 422 : 400, error.code, error.message);
      }
      console.error('[styrgraf] export failed:', error);
      answerError(res, 500, 'INTERNAL_SERVER_ERROR', 'The export failed.');
    } finally {
      running = false;
    }
  };
}

function answerError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers }).end(body);
}
