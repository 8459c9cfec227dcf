import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/platform/problem.ts';
import {
  AccessWithdrawn,
  Conflict,
  type FieldError,
  Forbidden,
  InvalidRequest,
  isStoreUnavailable,
  NotFound,
  PreconditionRequired,
  Unauthorized,
  Unavailable,
  Unprocessable,
  UnsupportedMediaType,
} from './errors.ts';
import type { Logger } from './logger.ts';

const TYPE_BASE = 'https://portal.example/problems/';

export function problemResponse(
  c: Context,
  problem: Omit<Problem, 'type'> & { type?: string },
  headers: Record<string, string> = {},
): Response {
  const body: Problem = {
    type: problem.type ?? `${TYPE_BASE}${problem.status}`,
    ...problem,
    instance: problem.instance ?? new URL(c.req.url).pathname,
    requestId: c.get('requestId'),
  };
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** The one error path: every failure becomes problem+json; a raw error never reaches a body. */
export function renderError(error: Error, c: Context, logger: Logger): Response {
  if (error instanceof InvalidRequest) {
    return problemResponse(c, {
      type: `${TYPE_BASE}invalid-request`,
      title: 'Your request has errors',
      status: 400,
      detail: describeFieldErrors(error.errors),
      errors: error.errors,
    });
  }
  if (error instanceof Unauthorized) {
    return problemResponse(
      c,
      { type: `${TYPE_BASE}unauthorized`, title: 'Sign in to continue', status: 401, detail: error.message },
      { 'www-authenticate': 'Bearer' },
    );
  }
  if (error instanceof AccessWithdrawn) {
    return problemResponse(c, {
      type: `${TYPE_BASE}${error.reason}`,
      title: error.title,
      status: 403,
      detail: error.message,
    });
  }
  if (error instanceof Forbidden) {
    return problemResponse(c, {
      type: `${TYPE_BASE}forbidden`,
      title: 'You do not have access to this',
      status: 403,
      detail: error.message,
    });
  }
  if (error instanceof NotFound) {
    return problemResponse(c, {
      type: `${TYPE_BASE}not-found`,
      title: 'Not found',
      status: 404,
      detail: error.message,
    });
  }
  if (error instanceof Conflict) {
    const body = {
      type: `${TYPE_BASE}conflict`,
      title: 'Someone else changed this',
      status: 409,
      detail: error.message,
      ...(error.current === undefined ? {} : { current: error.current }),
    };
    return problemResponse(c, body as Problem);
  }
  if (error instanceof Unprocessable) {
    return problemResponse(c, {
      type: `${TYPE_BASE}unprocessable`,
      title: 'This cannot be done',
      status: 422,
      detail: error.message,
      ...(error.errors.length ? { errors: error.errors } : {}),
    });
  }
  if (error instanceof UnsupportedMediaType) {
    return problemResponse(c, {
      type: `${TYPE_BASE}unsupported-media-type`,
      title: 'Send the request as JSON',
      status: 415,
      detail: error.message,
      errors: [{ field: 'content-type', reason: 'must be application/json' }],
    });
  }
  if (error instanceof PreconditionRequired) {
    return problemResponse(c, {
      type: `${TYPE_BASE}precondition-required`,
      title: 'Send the version you are changing',
      status: 428,
      detail: error.message,
    });
  }
  if (error instanceof Unavailable || isStoreUnavailable(error)) {
    const retryAfter = error instanceof Unavailable ? error.retryAfterSeconds : 2;
    logger.log('warn', 'store unavailable', { requestId: c.get('requestId'), error: error.name });
    return problemResponse(
      c,
      {
        type: `${TYPE_BASE}unavailable`,
        title: 'The service is busy',
        status: 503,
        detail: 'Nothing was saved. Try again in a moment.',
      },
      { 'retry-after': String(retryAfter) },
    );
  }
  if (error instanceof HTTPException) {
    // Hono's own refusals: malformed JSON (400), an oversize body (413).
    const status = error.status;
    const title =
      status === 413 ? 'The request is too large' : status === 400 ? 'The request is malformed' : 'Error';
    return problemResponse(c, {
      title,
      status,
      detail: status === 400 ? 'The body is not valid JSON' : undefined,
    });
  }
  // The message may quote input, so only the error's name and its stack frames are logged.
  logger.log('error', 'unhandled error', {
    requestId: c.get('requestId'),
    error: error.name,
    stack: error.stack?.split('\n').slice(1, 6).join(' | '),
  });
  return problemResponse(c, { title: 'Something went wrong', status: 500, detail: 'Nothing was saved.' });
}

function describeFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
}
