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

/** Sends a request to `/api${path}`. Throws `ApiError` for any failure, including the network. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, {
      title: 'The portal could not be reached',
      detail: 'Check your internet connection and try again.',
    });
  }

  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401) clearToken();
    const problem =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)
        : { title: response.statusText || 'Something went wrong' };
    const error = new ApiError(response.status, problem);
    if (isAccessWithdrawn(error) && !withdrawn) {
      withdrawn = error;
      for (const listener of withdrawnListeners) listener(error);
    }
    throw error;
  }
  return { data: body as T, status: response.status, etag: response.headers.get('etag') };
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
