/**
 * The one way pages talk to the API: same-origin JSON under /api, with the bearer token when signed
 * in, and problem+json errors turned into `ApiError`.
 */
import { clearToken, getToken } from './auth.ts';

export interface FieldError {
  /** A dotted path, e.g. `name` or `child.dateOfBirth`. */
  field: string;
  reason: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The whole problem document, for anything else it carries (e.g. the current record on a 409). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = typeof problem.title === 'string' ? problem.title : 'Something went wrong';
    const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    super(detail ?? title);
    this.status = status;
    this.type = typeof problem.type === 'string' ? problem.type : 'about:blank';
    this.title = title;
    this.detail = detail;
    this.fieldErrors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (e): e is FieldError =>
            typeof e === 'object' &&
            e !== null &&
            typeof e.field === 'string' &&
            typeof e.reason === 'string',
        )
      : [];
    this.problem = problem;
  }

  /** The reason for one field, if the API refused it. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.reason;
  }
}

/** The problem types the API answers when the caller's agency is deactivated or their access withdrawn. */
const ACCESS_WITHDRAWN = /\/problems\/(?:agency-deactivated|access-suspended)$/;

/** True when the API refused the caller because they may no longer use the portal at all. */
export function isAccessWithdrawn(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && ACCESS_WITHDRAWN.test(error.type);
}

let withdrawn: ApiError | undefined;
const withdrawnListeners = new Set<(error: ApiError) => void>();

/**
 * Calls `listener` once the API says the caller's access has ended (at once if it already has): the
 * page chrome shows one message for it, whatever request met it.
 */
export function onAccessWithdrawn(listener: (error: ApiError) => void): void {
  withdrawnListeners.add(listener);
  if (withdrawn) listener(withdrawn);
}

const signInEndedListeners = new Set<() => void>();

/**
 * Calls `listener` each time the API answers 401: the sign-in has ended, so the page chrome keeps
 * what was typed and stops saying who is signed in.
 */
export function onSignInEnded(listener: () => void): void {
  signInEndedListeners.add(listener);
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The record version for `If-Match`, quoted as an entity tag. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The headers every request sends: what it accepts, the bearer token when signed in, and its body's type. */
function requestHeaders(
  accept: string,
  hasBody: boolean,
  extra?: Record<string, string>,
): Record<string, string> {
  const headers: Record<string, string> = { accept, ...extra };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

/** Fetches `/api${path}`; a network failure becomes an `ApiError` with status 0 (an abort stays an abort). */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`/api${path}`, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'The portal could not be reached',
      detail: 'Check your internet connection and try again.',
    });
  }
}

/** A refused response's problem document, or its status text when the body is not one. */
function problemOf(response: Response, body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null
    ? (body as Record<string, unknown>)
    : { title: response.statusText || 'Something went wrong' };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sends a request to `/api${path}`. Throws `ApiError` for any failure, including the network. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers = requestHeaders('application/json', options.body !== undefined, options.headers);
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  const response = await send(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  const body = parseJson(await response.text());
  if (!response.ok) {
    if (response.status === 401) {
      clearToken();
      for (const listener of signInEndedListeners) listener();
    }
    const error = new ApiError(response.status, problemOf(response, body));
    if (isAccessWithdrawn(error) && !withdrawn) {
      withdrawn = error;
      for (const listener of withdrawnListeners) listener(error);
    }
    throw error;
  }
  return { data: body as T, status: response.status, etag: response.headers.get('etag') };
}

/**
 * Downloads a file from `/api${path}` and saves it. The API needs the bearer token, which a plain link
 * cannot send, so the file is fetched, then saved through a temporary object URL on an <a download>
 * (no inline script). Returns the file's name: the API's, or `fallbackName`.
 */
export async function apiDownload(
  path: string,
  options: { accept: string; fallbackName: string; method?: 'GET' | 'POST'; body?: unknown },
): Promise<string> {
  const response = await send(path, {
    method: options.method ?? 'GET',
    headers: requestHeaders(options.accept, options.body !== undefined),
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  if (!response.ok)
    throw new ApiError(response.status, problemOf(response, parseJson(await response.text())));
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? options.fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await apiRequest<T>(path, signal ? { signal } : {})).data;
}

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  return (await apiRequest<T>(path, { method: 'POST', body })).data;
}

export async function apiPatch<T>(path: string, body: unknown, ifMatch: number | string): Promise<T> {
  return (await apiRequest<T>(path, { method: 'PATCH', body, ifMatch })).data;
}

/** What a request gives, or null when the API answers 404: the address names nothing there is. */
export async function orNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
