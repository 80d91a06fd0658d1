import { Area, HomeSummary, Me, PublicInfo, User } from '@marac/shared';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, ApiRequestError, isUnauthenticated, isVersionConflict, setCsrfToken } from '../../../web/src/lib/api-client';
import { fieldErrorsFromFailure } from '../../../web/src/lib/field-errors';
import { signOut } from '../../../web/src/features/auth/api/sign-out';
import { buildArea, buildMe, buildPublicInfo } from '../factories';
import { apiErrorResponse, versionConflict } from '../handlers';
import { server } from '../msw-server';

describe('api client', () => {
  it('returns the body parsed by the schema', async () => {
    const me = buildMe();
    server.use(http.get('/api/auth/me', () => HttpResponse.json(me)));

    await expect(api.get('/api/auth/me', Me)).resolves.toEqual(me);
  });

  it('throws when a successful reply breaks the shared contract', async () => {
    const { id: _dropped, ...withoutId } = buildArea();
    server.use(http.get('/api/admin/areas/broken', () => HttpResponse.json(withoutId)));

    const error = await api.get('/api/admin/areas/broken', Area).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 200, code: 'unexpected_response' });
    // The schema's complaint is kept for debugging, never shown to the person.
    expect((error as ApiRequestError).cause).toHaveProperty('issues');
  });

  it('carries the ApiError body of a refusal: status, code, message, fields and request id', async () => {
    server.use(
      http.post('/api/admin/users', () =>
        apiErrorResponse(409, 'conflict', 'Another account already uses that e-mail address', [
          { field: 'email', message: 'An account with this e-mail address already exists' },
        ]),
      ),
    );

    const error = (await api.post('/api/admin/users', User, { email: 'x@example.org' }).catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Another account already uses that e-mail address');
    expect(error.fields).toEqual([{ field: 'email', message: 'An account with this e-mail address already exists' }]);
    expect(error.requestId).toMatch(/^req-/);
  });

  it('reports an error reply that is not in the ApiError shape without showing its text', async () => {
    server.use(http.get('/api/home', () => new HttpResponse('<h1>Bad Gateway</h1>', { status: 502 })));

    const error = (await api.get('/api/home', HomeSummary).catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('unexpected_response');
    expect(error.message).not.toContain('Bad Gateway');
  });

  it('tells a change refused because someone else changed the record first from other refusals, and words it for the whole form', async () => {
    server.use(
      http.put('/api/meetings/m/minutes', () => versionConflict('these minutes')),
      http.post('/api/admin/users', () => apiErrorResponse(409, 'conflict', 'Another account already uses that e-mail address', [{ field: 'email', message: 'Already in use' }])),
    );

    const stale = await api.put('/api/meetings/m/minutes', User, {}).catch((caught: unknown) => caught);
    expect(isVersionConflict(stale)).toBe(true);
    // No field holds the version: the message goes to the error summary as a problem with the whole form.
    expect(fieldErrorsFromFailure(stale)).toEqual([
      { field: '', message: 'Someone else changed these minutes since you opened it: their version is shown; check it, then make your change again' },
    ]);
    const taken = await api.post('/api/admin/users', User, {}).catch((caught: unknown) => caught);
    expect(isVersionConflict(taken)).toBe(false);
    expect(fieldErrorsFromFailure(taken)).toEqual([{ field: 'email', message: 'Already in use' }]);
  });

  it('recognises the end of a session', async () => {
    server.use(http.get('/api/home', () => apiErrorResponse(401, 'unauthenticated', 'Sign in to continue')));

    const error = await api.get('/api/home', HomeSummary).catch((caught: unknown) => caught);
    expect(isUnauthenticated(error)).toBe(true);
    expect(isUnauthenticated(new Error('other'))).toBe(false);
  });

  it('sends the CSRF token on changes but not on reads, and JSON only when there is a body', async () => {
    setCsrfToken('token-123');
    const seen: { method: string; csrf: string | null; type: string | null; query: string }[] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push({
        method: request.method,
        csrf: request.headers.get('x-csrf-token'),
        type: request.headers.get('content-type'),
        query: new URL(request.url).search,
      });
      return HttpResponse.json(buildPublicInfo());
    };
    server.use(http.get('/api/thing', record), http.post('/api/thing', record), http.patch('/api/thing', record));

    await api.get('/api/thing', PublicInfo, { query: { q: 'smith', role: undefined, status: '', limit: 25 } });
    await api.post('/api/thing', PublicInfo);
    await api.patch('/api/thing', PublicInfo, { name: 'New' });

    expect(seen).toEqual([
      { method: 'GET', csrf: null, type: null, query: '?q=smith&limit=25' },
      { method: 'POST', csrf: 'token-123', type: null, query: '' },
      { method: 'PATCH', csrf: 'token-123', type: 'application/json', query: '' },
    ]);
  });

  it('turns a network failure into a message for the person', async () => {
    server.use(http.get('/api/home', () => HttpResponse.error()));

    const error = (await api.get('/api/home', HomeSummary).catch((caught: unknown) => caught)) as ApiRequestError;
    expect(error.code).toBe('network_failure');
    expect(error.status).toBe(0);
  });

  it('accepts the empty reply to sign-out', async () => {
    server.use(http.post('/api/auth/logout', () => new HttpResponse(null, { status: 204 })));

    await expect(signOut()).resolves.toBeUndefined();
  });
});
