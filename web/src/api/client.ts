import createClient from 'openapi-fetch';
import { ApiError, NetworkError, toProblem } from './problem';
import type { paths } from './schema';

type CsrfHeader = 'X-Cocreate-Csrf';
// The contract lists the CSRF header as a required parameter of every write. The client sends it
// on every request itself (below), so callers need not: these types drop it from each operation.
type WithoutCsrf<P> = P extends { header: infer H } ? Omit<P, 'header'> & { header?: Omit<H, CsrfHeader> } : P;
type OperationWithoutCsrf<O> = O extends { parameters: infer P } ? Omit<O, 'parameters'> & { parameters: WithoutCsrf<P> } : O;
/** `paths` as callers of `api` see them: the CSRF header is supplied by the client. */
export type ClientPaths = { [Path in keyof paths]: { [Method in keyof paths[Path]]: OperationWithoutCsrf<paths[Path][Method]> } };

/**
 * The one API client: same-origin, cookies sent, and the CSRF header the server requires on
 * every cookie-authenticated write (sent on reads too, which is harmless and simpler).
 */
export const api = createClient<ClientPaths>({
  // Same origin; spelled out because Request() outside a browser (tests) needs absolute URLs.
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up at call time so tests can stand in for fetch.
  fetch: (request) => globalThis.fetch(request),
  credentials: 'same-origin',
  headers: { 'X-Cocreate-Csrf': '1' },
});

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data; throws `ApiError` (carrying the
 * problem+json body) for any non-2xx answer and `NetworkError` when the server can't be reached.
 */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    throw new ApiError(toProblem(response.status, error));
  }
  return data as T;
}
