import { hasMessage, t, type MessageKey } from '../messages';

/** An RFC 9457 problem as the cocreate API sends it (see docs/api-foundation.md). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  field?: string;
  errors?: { field: string; detail: string }[];
  request_id?: string;
}

/** A non-2xx answer from the API. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
}

/** The request never got an answer (offline, server down, aborted). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

const statusCodes: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'failed_precondition',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_argument',
  429: 'resource_exhausted',
  500: 'internal',
  503: 'unavailable',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds a `Problem` from whatever body came back, tolerating non-problem bodies (proxies, HTML). */
export function toProblem(status: number, body: unknown): Problem {
  const fallbackCode = statusCodes[status] ?? (status >= 500 ? 'internal' : 'invalid_argument');
  if (!isRecord(body)) return { status, code: fallbackCode };
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({ field: String(e.field ?? ''), detail: String(e.detail ?? '') }))
    : undefined;
  const problem: Problem = { status: typeof body.status === 'number' ? body.status : status, code: str('code') ?? fallbackCode };
  for (const key of ['type', 'title', 'detail', 'field', 'request_id'] as const) {
    const value = str(key);
    if (value !== undefined) problem[key] = value;
  }
  if (errors) problem.errors = errors;
  return problem;
}

/** Whether an error is the API saying "you are not signed in". */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

/** A sentence for the reader about a problem that is not tied to a form field. */
export function problemMessage(error: unknown): string {
  if (error instanceof NetworkError) return t('problem.network');
  if (!(error instanceof ApiError)) return t('problem.generic');
  const { problem } = error;
  const key = `problem.${problem.code}`;
  // Codes with a message of our own read better (and translate); otherwise trust the server's detail.
  if (hasMessage(key)) return t(key as MessageKey);
  if (problem.detail) return problem.detail;
  if (problem.status >= 500) return t('problem.internal');
  return problem.title ?? t('problem.generic');
}

/** The outcome of matching a problem against the fields of a form. */
export interface ProblemMapping {
  /** Field name → message, for fields the form has. */
  fieldErrors: Record<string, string>;
  /** What could not be shown next to a field (to be shown as a toast), or null. */
  message: string | null;
}

/** "capabilities[1]" and "user.email" name the form fields "capabilities" and "user". */
function baseField(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

/**
 * Splits a failed request into messages for the form fields it names (when the form has
 * them) and one general message for the rest. Pure: the caller decides how to show them.
 */
export function mapProblem(error: unknown, formFields: readonly string[]): ProblemMapping {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, message: problemMessage(error) };
  const { problem } = error;
  const entries: { field: string; detail: string }[] = [...(problem.errors ?? [])];
  if (problem.field && !entries.some((e) => e.field === problem.field)) {
    entries.unshift({ field: problem.field, detail: problem.detail ?? '' });
  }
  const fieldErrors: Record<string, string> = {};
  const leftOver: string[] = [];
  for (const entry of entries) {
    const name = baseField(entry.field);
    const detail = entry.detail || t('problem.field_invalid');
    if (formFields.includes(name)) {
      // The server words field details to follow the field's name ("must be at least 12 characters").
      if (!(name in fieldErrors)) fieldErrors[name] = detail.charAt(0).toUpperCase() + detail.slice(1);
    } else {
      leftOver.push(entry.field ? `${entry.field}: ${detail}` : detail);
    }
  }
  if (entries.length === 0) return { fieldErrors, message: problemMessage(error) };
  return { fieldErrors, message: leftOver.length > 0 ? leftOver.join('\n') : null };
}
