import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import { Hono, type MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { $ZodError } from 'zod/v4/core';
import { type FieldError, InvalidRequest, UnsupportedMediaType } from './errors.ts';

/**
 * Routes are declared once, as data (method, path, request schemas, responses): the app binds a
 * handler to each, validating with zod through Hono's validator, and the OpenAPI document is
 * generated from the same declarations (functions/directory/openapi.ts).
 *
 * Only TYPES come from @hono/zod-openapi: its runtime extends the whole of zod, which would put
 * ~350 KB into every function's bundle and its cold start.
 */
export function createRoute<const R extends RouteConfig>(route: R): R {
  return route;
}

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

/**
 * Made on the route's first request: zValidator looks into its schema when it is made, and the
 * schemas are built on first use (shared/platform/lazy-schema.ts), so a cold start builds none of them.
 */
const validate = (target: 'param' | 'query' | 'header' | 'json', schema: unknown): MiddlewareHandler => {
  let validator: MiddlewareHandler | undefined;
  return (c, next) => {
    validator ??= zValidator(target, schema as ZodType, (result) => {
      // Fields are named as the caller sent them (`name`, `limit`, `version`), whatever part of the request held them.
      if (!result.success) throw new InvalidRequest(fieldErrors(result.error));
    }) as unknown as MiddlewareHandler;
    return validator(c, next);
  };
};

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

/** A Hono app whose routes are bound to their declarations, validated before the handler runs. */
export class RoutedApp<E extends object> extends Hono<E & { Variables: object }> {
  openapi<R extends RouteConfig>(route: R, handler: RouteHandler<R, E & { Variables: object }>): this {
    const request = route.request;
    const validators: MiddlewareHandler[] = [];
    if (request?.params) validators.push(validate('param', request.params));
    if (request?.query) validators.push(validate('query', request.query));
    if (request?.headers) validators.push(validate('header', request.headers));
    const json = request?.body?.content?.['application/json'];
    if (json && 'schema' in json) validators.push(requireJsonBody, validate('json', json.schema));
    const path = route.path.replace(/\{([^}]+)\}/g, ':$1');
    this.on([route.method.toUpperCase()], [path], ...validators, handler as unknown as MiddlewareHandler);
    return this;
  }
}
