import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '../test/render';
import { api, call } from './client';
import { ApiError } from './problem';

describe('api client', () => {
  it('sends the CSRF header and same-origin credentials on every request', async () => {
    const calls = mockFetch((req) => (req.method === 'GET' ? json(200, { needed: false }) : new Response(null, { status: 204 })));
    await call(api.GET('/api/v1/setup'));
    await call(api.POST('/api/v1/auth/sign-out'));
    expect(calls).toHaveLength(2);
    for (const req of calls) {
      expect(req.headers.get('X-Cocreate-Csrf')).toBe('1');
      expect(req.credentials).toBe('same-origin');
      expect(new URL(req.url).origin).toBe(window.location.origin);
    }
  });

  it('throws ApiError carrying the problem for non-2xx answers', async () => {
    mockFetch(() => problem(422, 'invalid_argument', { field: 'email', detail: 'Not a valid email address.' }));
    const err = await call(api.POST('/api/v1/auth/sign-in', { body: { email: 'x', password: 'y' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem).toMatchObject({ status: 422, code: 'invalid_argument', field: 'email' });
  });
});
