import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { ANSWERED } from './plugins/query-timeout.ts';
import { RequestWork } from './request-work.ts';

describe('cancelling a request', () => {
  it('uses a reason made once for every request as it is, so that ending an answered request makes no error', async () => {
    const work = new RequestWork();
    const queued = work.later(() => 'ran');
    work.cancel(ANSWERED);
    expect(work.cancelled).toBe(ANSWERED);
    expect(work.signal.aborted).toBe(true);
    expect(work.signal.reason).toBe(ANSWERED);
    await expect(queued).rejects.toBe(ANSWERED);
  });

  it('gives a reason without a path one, keeping its message and code, and the first reason stays', async () => {
    const work = new RequestWork();
    const reason = createGraphQLError('Too slow.', { extensions: { code: 'QUERY_TIMEOUT' } });
    work.cancel(reason);
    work.cancel(ANSWERED);
    expect(work.cancelled).not.toBe(reason);
    expect(work.cancelled?.message).toBe('Too slow.');
    expect(work.cancelled?.extensions.code).toBe('QUERY_TIMEOUT');
    expect(work.cancelled?.path).toEqual([]);
    await expect(work.later(() => 'ran')).rejects.toBe(work.cancelled);
  });

  it('the client going away cancels with CLIENT_CLOSED_REQUEST', () => {
    const client = new AbortController();
    const work = new RequestWork(client.signal);
    client.abort();
    expect(work.cancelled?.extensions.code).toBe('CLIENT_CLOSED_REQUEST');
  });
});
