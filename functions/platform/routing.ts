import type { Context, Env, Hono, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import { ProblemSchema } from '../../shared/platform/problem.ts';
import * as z from '../../shared/platform/zod.ts';
import { type FieldError, InvalidRequest, UnsupportedMediaType } from './errors.ts';

/**
 * Routes are declared once, as data (method, path, request schemas, responses): `bindRoute` binds a
 * handler to each, validating with zod through Hono's validator, and the OpenAPI document is
 * generated from the same declarations (openapi-document.ts), so what is validated is what is documented.
 */
type Schema = $ZodType;
export interface MediaContent {
  readonly [mediaType: string]: { readonly schema: Schema };
}
export interface ResponseDeclaration {
  readonly description: string;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema?: Schema }>>;
  readonly content?: MediaContent;
}
export interface RouteDeclaration {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/referrals/{id}`. */
  readonly path: string;
  readonly tags?: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly request?: {
    readonly params?: Schema;
    readonly query?: Schema;
    readonly headers?: Schema;
    readonly body?: {
      readonly required?: boolean;
      readonly description?: string;
      readonly content: MediaContent;
    };
  };
  readonly responses: Readonly<Record<number, ResponseDeclaration>>;
}

export function createRoute<const R extends RouteDeclaration>(route: R): R {
  return route;
}

type Out<S> = S extends Schema ? output<S> : undefined;
type Request<R extends RouteDeclaration> = NonNullable<R['request']>;
type JsonBody<R extends RouteDeclaration> =
  Request<R> extends {
    body: { content: { 'application/json': { schema: infer S } } };
  }
    ? S
    : undefined;

/** What a bound handler reads with `c.req.valid(...)`: each part of the request, as its schema's output. */
export type RouteInput<R extends RouteDeclaration> = {
  out: {
    param: Out<Request<R>['params']>;
    query: Out<Request<R>['query']>;
    header: Out<Request<R>['headers']>;
    json: Out<JsonBody<R>>;
  };
};
export type RouteHandler<R extends RouteDeclaration, E extends Env> = (
  c: Context<E, string, RouteInput<R>>,
) => Response | Promise<Response>;

/** Turns zod's failures into field errors a person can act on. */
export function fieldErrors(error: $ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [path, key].filter(Boolean).join('.'),
        reason: 'is not a field this request accepts',
      }));
    }
    return [{ field: path || '(body)', reason: issue.message }];
  });
}

// Fields are named as the caller sent them (`name`, `limit`, `version`), whatever part of the request held them.
const validate = (target: 'param' | 'query' | 'header' | 'json', schema: Schema): MiddlewareHandler =>
  validator(target, (value) => {
    const result = z.safeParse(schema, value);
    if (!result.success) throw new InvalidRequest(fieldErrors(result.error));
    return result.data as object;
  });

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Hono's json validator reads a body of any other type as `{}`: a form or plain text sent to
 * `POST /api/referrals` would make an empty draft. A route that takes JSON refuses any other body
 * (a request with no body at all is still read as `{}`, for writes whose fields are all optional).
 */
const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type');
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  if (type === undefined ? hasBody : !JSON_TYPE.test(type)) {
    throw new UnsupportedMediaType('This takes a JSON body, sent with Content-Type: application/json');
  }
  await next();
};

/** Whether a route takes a JSON body (and so refuses any other with 415). */
export function takesJson(route: RouteDeclaration): boolean {
  return route.request?.body?.content['application/json'] !== undefined;
}

/** Binds a handler to its declaration on an app: the request is validated before the handler runs. */
export function bindRoute<E extends Env, R extends RouteDeclaration>(
  app: Hono<E>,
  route: R,
  handler: RouteHandler<R, E>,
): void {
  const request = route.request;
  const validators: MiddlewareHandler[] = [];
  if (request?.params) validators.push(validate('param', request.params));
  if (request?.query) validators.push(validate('query', request.query));
  if (request?.headers) validators.push(validate('header', request.headers));
  const json = request?.body?.content['application/json'];
  if (json) validators.push(requireJsonBody, validate('json', json.schema));
  const path = route.path.replace(/\{([^}]+)\}/g, ':$1');
  app.on([route.method.toUpperCase()], [path], ...validators, handler as unknown as MiddlewareHandler);
}

// The pieces every area's declarations are made of, written once.

/** An error response: problem+json, with what it means on this route. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** A JSON response with its schema. */
export const json = <T extends Schema>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body with its schema. */
export const jsonBody = <T extends Schema>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The route needs a signed-in caller's access token. */
export const bearer = [{ bearerAuth: [] }];

/** A path whose one parameter, `id`, matches `pattern`; `what` names it in the refusal ("is not an agency id"). */
export const idParams = (pattern: RegExp, what: string) =>
  z.object({ id: z.string().check(z.regex(pattern, `is not ${what}`)) });

/** A path whose one parameter, `id`, is a record's ULID ("is not an action id"). */
export const ulidParams = (what: string) => idParams(/^[0-9A-HJKMNP-TV-Z]{26}$/, what);

/** The version a write is conditional on (428 without it, where the route requires it). */
export const ifMatchHeaders = z.object({ 'if-match': z.optional(z.string()) });

/**
 * What a write to one record sent with If-Match answers: the record as it now stands (its ETag its
 * version), or why not. The area words its own refusals: who may not, what is missing, what conflicts.
 */
export const versionedWriteResponses = <T extends Schema>(
  record: { description: string; schema: T },
  refusals: { forbidden: string; notFound: string; conflict: string },
) => ({
  200: json(record.description, record.schema),
  400: problem('Invalid fields'),
  401: problem('Not signed in'),
  403: problem(refusals.forbidden),
  404: problem(refusals.notFound),
  409: problem(refusals.conflict),
  422: problem('It breaks a rule: the problems are listed'),
  428: problem('If-Match missing'),
});
