import { ApiError, CSRF_HEADER, type ErrorCode, type FieldError } from '@marac/shared';
import type { z } from 'zod';

/** Codes the client raises itself, for failures that never produced an ApiError body. */
export type ClientErrorCode = 'unexpected_response' | 'network_failure';

/**
 * Every failed call, whether the server refused it or answered something this page cannot read.
 * Forms read `fields` to mark inputs; pages show `message`, which is written for the person using them.
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: readonly FieldError[];
  readonly requestId: string | null;

  constructor(
    status: number,
    body: { code: ErrorCode | ClientErrorCode; message: string; fields?: readonly FieldError[]; requestId?: string | null },
    options?: { cause?: unknown },
  ) {
    super(body.message, options);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId ?? null;
  }
}

export const isApiRequestError = (error: unknown): error is ApiRequestError => error instanceof ApiRequestError;

/**
 * The server refused a change made from a version of the record someone else has changed since: the
 * record should be read again and shown, and what the person typed kept.
 */
export const isVersionConflict = (error: unknown): boolean =>
  isApiRequestError(error) && error.status === 409 && error.fields.some((field) => field.field === 'version');

/** The session has ended on the server (idle or absolute limit, sign-out elsewhere, account disabled). */
export const isUnauthenticated = (error: unknown): boolean => isApiRequestError(error) && error.status === 401;

const UNEXPECTED =
  'The service sent a reply this page could not understand. Try again later; if it keeps happening, tell your administrator.';

// The CSRF token belongs to the session, which outlives any one component; the session code sets it
// whenever it learns who is signed in and clears it on sign-out.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: QueryParams | undefined): URL {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    // Empty filters are left out so the server applies its own defaults rather than matching "".
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  return url;
}

// Stands in for a body that is not JSON, so it fails every schema, including ones that accept undefined.
const UNREADABLE_BODY = Symbol('unreadable body');

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return UNREADABLE_BODY;
  }
}

async function request<S extends z.ZodType>(method: Method, path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const headers = new Headers({ accept: 'application/json' });
  // A body-less POST must not claim to be JSON: the server rejects an empty JSON body.
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set(CSRF_HEADER, csrfToken);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(
      0,
      { code: 'network_failure', message: 'The service could not be reached. Check your connection and try again.' },
      { cause: error },
    );
  }

  const body = await readJson(response);
  const requestId = response.headers.get('x-request-id');

  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data);
    throw new ApiRequestError(response.status, { code: 'unexpected_response', message: UNEXPECTED, requestId });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A reply that breaks the shared contract is a fault, not data: showing half-understood records
    // about people at risk would be worse than showing none.
    throw new ApiRequestError(response.status, { code: 'unexpected_response', message: UNEXPECTED, requestId }, { cause: parsed.error });
  }
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'body'>) => request('GET', path, schema, options),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown, options?: RequestOptions) =>
    request('POST', path, schema, { ...options, body }),
  patch: <S extends z.ZodType>(path: string, schema: S, body: unknown, options?: RequestOptions) =>
    request('PATCH', path, schema, { ...options, body }),
  put: <S extends z.ZodType>(path: string, schema: S, body: unknown, options?: RequestOptions) =>
    request('PUT', path, schema, { ...options, body }),
  delete: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'body'>) => request('DELETE', path, schema, options),
};
