import { describe, expect, it } from 'vitest';
import { ApiError, mapProblem, NetworkError, problemMessage, toProblem } from './problem';

const apiError = (status: number, body: unknown) => new ApiError(toProblem(status, body));

describe('toProblem', () => {
  it('keeps the fields of a problem+json body', () => {
    const p = toProblem(422, {
      type: 'https://cocreate.dev/problems/invalid_argument',
      title: 'Invalid argument',
      status: 422,
      code: 'invalid_argument',
      detail: 'Not a valid email address.',
      field: 'email',
      request_id: 'r1',
      errors: [{ field: 'email', detail: 'Not a valid email address.' }],
    });
    expect(p).toMatchObject({ status: 422, code: 'invalid_argument', field: 'email', request_id: 'r1' });
    expect(p.errors).toHaveLength(1);
  });

  it('derives a code from the status when the body is not a problem (a proxy page)', () => {
    expect(toProblem(502, '<html>Bad gateway</html>')).toEqual({ status: 502, code: 'internal' });
    expect(toProblem(429, null)).toEqual({ status: 429, code: 'resource_exhausted' });
    expect(toProblem(404, undefined).code).toBe('not_found');
  });
});

describe('mapProblem', () => {
  it('puts a single field error next to its field', () => {
    const r = mapProblem(apiError(422, { status: 422, code: 'invalid_argument', field: 'email', detail: 'Not a valid email address.' }), [
      'email',
      'password',
    ]);
    expect(r).toEqual({ fieldErrors: { email: 'Not a valid email address.' }, message: null });
  });

  it('maps each entry of errors[] and leaves the rest for a toast', () => {
    const r = mapProblem(
      apiError(422, {
        status: 422,
        code: 'invalid_argument',
        detail: 'Several fields are invalid.',
        errors: [
          { field: 'name', detail: 'Too long.' },
          { field: 'capabilities[1]', detail: 'Unknown capability.' },
          { field: 'nickname', detail: 'Unknown field.' },
        ],
      }),
      ['name', 'capabilities'],
    );
    expect(r.fieldErrors).toEqual({ name: 'Too long.', capabilities: 'Unknown capability.' });
    expect(r.message).toBe('nickname: Unknown field.');
  });

  it('starts a field message with a capital letter', () => {
    const r = mapProblem(apiError(422, { status: 422, code: 'invalid_argument', field: 'password', detail: 'must be at least 12 characters' }), [
      'password',
    ]);
    expect(r.fieldErrors.password).toBe('Must be at least 12 characters');
  });

  it('shows a field the form does not have as a toast', () => {
    const r = mapProblem(apiError(400, { status: 400, code: 'invalid_argument', field: 'nickname', detail: 'Unknown field.' }), ['email']);
    expect(r.fieldErrors).toEqual({});
    expect(r.message).toBe('nickname: Unknown field.');
  });

  it('uses the server detail for problems without a field', () => {
    const r = mapProblem(apiError(409, { status: 409, code: 'already_exists', detail: 'A user with this e-mail exists.' }), ['email']);
    expect(r).toEqual({ fieldErrors: {}, message: 'A user with this e-mail exists.' });
  });

  it('explains network failures', () => {
    expect(mapProblem(new NetworkError(new TypeError('fetch failed')), ['email']).message).toMatch(/cannot be reached/);
  });
});

describe('problemMessage', () => {
  it('prefers our own wording for known codes', () => {
    expect(problemMessage(apiError(401, { status: 401, code: 'invalid_credentials', detail: 'bad' }))).toBe('E-mail or password is wrong');
    expect(problemMessage(apiError(403, { status: 403, code: 'csrf_failed' }))).toMatch(/blocked/);
  });

  it('never shows internals of a 5xx', () => {
    expect(problemMessage(apiError(500, { status: 500, code: 'internal' }))).toMatch(/server ran into a problem/);
  });

  it('has a generic fallback', () => {
    expect(problemMessage(new Error('boom'))).toMatch(/Something went wrong/);
  });
});
