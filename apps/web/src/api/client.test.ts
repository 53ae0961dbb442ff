import { afterEach, describe, expect, it, vi } from 'vitest';
import { ABOUT_QUERY } from './about.ts';
import { ApiError, operation, request } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: unknown) => vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));

describe('the GraphQL client', () => {
  it('refuses a document whose operation is not the name it is typed by', () => {
    expect(() => operation('About', 'query Vocabulary { vocabulary { participationRoles } }')).toThrow('The document named About is not the operation About.');
    expect(() => operation('About', 'query AboutMore { about { version } }')).toThrow();
    expect(operation('About', 'query About($lang: Lang) { about { version } }')).toBe('query About($lang: Lang) { about { version } }');
  });

  it('returns the data', async () => {
    vi.stubGlobal('fetch', answer(200, { data: { about: { version: '2026.1' } } }));
    await expect(request(ABOUT_QUERY, { lang: 'SV' })).resolves.toEqual({ about: { version: '2026.1' } });
  });

  it("keeps the server's error code: STORE_UNAVAILABLE", async () => {
    vi.stubGlobal(
      'fetch',
      answer(200, { data: null, errors: [{ message: 'Neo4j at bolt://db:7687 cannot be reached', extensions: { code: 'STORE_UNAVAILABLE' } }] }),
    );
    const error = await request(ABOUT_QUERY, { lang: 'SV' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('STORE_UNAVAILABLE');
    expect((error as ApiError).message).toContain('cannot be reached');
  });

  it('a lost connection is NETWORK, and so is a proxy page without a GraphQL body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(request(ABOUT_QUERY, { lang: 'SV' })).rejects.toMatchObject({ code: 'NETWORK' });
    vi.stubGlobal('fetch', answer(502, '<html>Bad gateway</html>'));
    await expect(request(ABOUT_QUERY, { lang: 'SV' })).rejects.toMatchObject({ code: 'NETWORK', status: 502 });
  });

  it("keeps NOT_FOUND's suggestion, for the view to offer", async () => {
    vi.stubGlobal(
      'fetch',
      answer(200, {
        data: null,
        errors: [
          { message: 'No entity has the id "socialnamden".', extensions: { code: 'NOT_FOUND', suggestion: { id: 'socialnamnden', name: 'Socialnämnden' } } },
        ],
      }),
    );
    await expect(request(ABOUT_QUERY, { lang: 'SV' })).rejects.toMatchObject({ code: 'NOT_FOUND', suggestion: { id: 'socialnamnden', name: 'Socialnämnden' } });
  });
});
