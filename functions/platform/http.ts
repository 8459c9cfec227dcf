import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import type { Area } from '../../shared/deployment/tables.ts';
import type { Role } from '../../shared/platform/roles.ts';
import type { AccessCheck } from './access.ts';
import type { AuditEvent, AuditWriter } from './audit.ts';
import { Forbidden, InvalidRequest, PreconditionRequired, Unauthorized } from './errors.ts';
import { bearerToken, type Principal, requireRole, type TokenVerifier } from './identity.ts';
import type { Logger } from './logger.ts';
import { type MetricWriter, noMetrics } from './metrics.ts';
import type { CursorCodec } from './pagination.ts';
import { problemResponse, renderError } from './problem.ts';

/** What every area app is given besides its own store. */
export interface PlatformDeps {
  verifyToken: TokenVerifier;
  /** Whether a verified caller may still use the portal (their agency active, they not suspended). */
  access: AccessCheck;
  audit: AuditWriter;
  clock: () => Date;
  logger: Logger;
  cursors: CursorCodec;
  /** Per-request metrics (EMF); none unless given: the Lambda entries give one (lambda.ts). */
  metrics?: MetricWriter;
}

export type AppEnv = {
  Variables: { requestId: string; principal: Principal | null };
  // In Lambda, hono/aws-lambda puts the API Gateway event here.
  Bindings: { event?: { requestContext?: { requestId?: string; http?: { sourceIp?: string } } } };
};
export type AppContext = Context<AppEnv>;

/** Bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The shared shell of every area's Hono app: request ids, security headers, the body limit,
 * request logging, token verification and the caller's standing, and the one error path to problem+json.
 */
export type AreaApp = Hono<AppEnv>;

export function createAreaApp(deps: PlatformDeps, area: Area): AreaApp {
  const app = new Hono<AppEnv>();
  const metrics = deps.metrics ?? noMetrics;

  app.use(
    requestId({
      // A client-sent id is not trusted into the audit trail; API Gateway's own id is used in AWS.
      headerName: '',
      generator: (c) =>
        (c.env as AppEnv['Bindings'] | undefined)?.event?.requestContext?.requestId ?? crypto.randomUUID(),
    }),
  );
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    c.header('x-request-id', c.get('requestId'));
    const route = routePattern(c);
    const status = c.res.status;
    const durationMs = Math.round(performance.now() - started);
    deps.logger.log('info', 'request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route,
      status,
      durationMs,
    });
    // One EMF line per request, by area and route pattern: what the dashboards and alarms read.
    metrics(
      {
        Requests: 1,
        Errors: status >= 500 ? 1 : 0,
        ClientErrors: status >= 400 && status < 500 ? 1 : 0,
        Latency: durationMs,
      },
      { dimensions: { Area: area, Route: `${c.req.method} ${route}` }, units: { Latency: 'Milliseconds' } },
    );
  });
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use(async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        problemResponse(c, {
          title: 'The request is too large',
          status: 413,
          detail: `Send at most ${MAX_BODY_BYTES / 1024} KB`,
        }),
    }),
  );
  app.use(async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('principal', null);
    } else {
      const token = bearerToken(header);
      if (!token) throw new Unauthorized('Send the token as "Authorization: Bearer <token>"');
      const verified = await deps.verifyToken(token);
      // Set before the check, so a refusal is audited with who was refused.
      c.set('principal', verified);
      // On every request, public routes too: a valid signature is not enough once access is withdrawn.
      c.set('principal', await deps.access.standing(verified));
    }
    await next();
  });

  app.onError(async (error, c) => {
    // A refused attempt is part of the trail too: who tried what, and that it was denied.
    const principal = c.get('principal');
    if (error instanceof Forbidden && principal) {
      await deps.audit
        .append(
          auditEvent(
            c,
            principal,
            `${c.req.method} ${c.req.routePath}`,
            { type: 'route', id: c.req.routePath },
            {
              outcome: 'denied',
              detail: error.message,
            },
          ),
        )
        .catch((auditError: unknown) =>
          deps.logger.log('error', 'could not audit a denied attempt', {
            requestId: c.get('requestId'),
            error: auditError instanceof Error ? auditError.name : 'unknown',
          }),
        );
    }
    return renderError(error, c, deps.logger);
  });
  app.notFound((c) =>
    problemResponse(c, { title: 'Not found', status: 404, detail: 'There is nothing at this address' }),
  );
  return app;
}

/** What a route the app has no handler for is counted and logged under. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route pattern a request was for (`/api/referrals/:id`), never its concrete path, which can
 * hold an id. The handler that answered, or, when a middleware answered first (a 401 before the
 * route ran), the last route the path matched; a path no route matches is `UNMATCHED_ROUTE`.
 */
export function routePattern(c: AppContext): string {
  const isRoute = (path: string) => path !== '' && path !== '*' && path !== '/*';
  const current = routePath(c);
  if (isRoute(current)) return current;
  const last = routePath(c, -1);
  return isRoute(last) ? last : UNMATCHED_ROUTE;
}

/** The caller, who must be signed in. */
export function signedIn(c: AppContext): Principal {
  const principal = c.get('principal');
  if (!principal) throw new Unauthorized('Sign in to continue');
  return principal;
}

/** The caller, who must be signed in and hold one of `roles`. */
export function signedInAs(c: AppContext, ...roles: Role[]): Principal {
  const me = signedIn(c);
  requireRole(me, ...roles);
  return me;
}

/**
 * An audit entry for what the caller did on this request: who, under which request id and from
 * where. Allowed, unless `extra` says otherwise; `extra` adds the entry's own fields.
 */
export function auditEvent(
  c: AppContext,
  actor: Principal,
  action: string,
  entity: AuditEvent['entity'],
  extra: Partial<Pick<AuditEvent, 'outcome' | 'detail' | 'reason' | 'subjectKey' | 'ids'>> = {},
): AuditEvent {
  return {
    action,
    entity,
    outcome: 'allowed',
    actor,
    requestId: c.get('requestId'),
    sourceIp: sourceIp(c),
    ...extra,
  };
}

export function sourceIp(c: AppContext): string | undefined {
  return (c.env as AppEnv['Bindings'] | undefined)?.event?.requestContext?.http?.sourceIp;
}

/** `ETag` value for a record version. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The version an edit was made against, from `If-Match`. */
export function ifMatchVersion(c: AppContext): number {
  const header = c.req.header('if-match');
  if (!header) throw new PreconditionRequired('Send If-Match with the version you read (its ETag)');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match?.[1]) throw new InvalidRequest([{ field: 'If-Match', reason: 'must be an ETag such as "3"' }]);
  return Number(match[1]);
}
