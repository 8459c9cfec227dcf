import type { Area } from './tables.ts';

/**
 * Which area's function answers which paths. API Gateway's routes (infra/stacks/api-stack.ts) and the
 * local runtime's dispatcher (infra/local/portal.ts) are both built from this, so a path reaches the
 * same app in both places. Paths keep their `/api` prefix: CloudFront forwards it unchanged. A
 * prefix inside another area's (early help's `/api/stats/episodes` in the referrals' `/api/stats`)
 * wins, as the more specific route does in API Gateway.
 */
export const AREA_PATH_PREFIXES: Record<Area, readonly string[]> = {
  guidance: ['/api/guidance'],
  referrals: ['/api/referrals', '/api/front-door', '/api/consultations', '/api/stats', '/api/notifications'],
  board: ['/api/board'],
  'early-help': ['/api/episodes', '/api/step-downs', '/api/stats/episodes'],
  services: ['/api/services'],
  directory: [
    '/api/me',
    '/api/agencies',
    '/api/people',
    '/api/audit',
    '/api/health',
    '/api/openapi.json',
    '/api/config',
  ],
};

/**
 * Routes API Gateway lets through without its JWT authorizer. The functions still verify any token
 * they are sent (a guidance editor reading a draft), so public here means "a token is optional".
 * `{proxy+}` stands for one or more path segments, as in API Gateway.
 */
export const PUBLIC_ROUTES: readonly { method: 'GET' | 'POST'; path: string }[] = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/config' },
  { method: 'GET', path: '/api/guidance' },
  { method: 'GET', path: '/api/guidance/{proxy+}' },
  { method: 'POST', path: '/api/guidance/check' },
  { method: 'GET', path: '/api/services' },
  { method: 'GET', path: '/api/services/{proxy+}' },
];

/**
 * The public pages the guidance and services functions render on the server, so they read without
 * JavaScript; the area of `apiPath` answers each.
 * CloudFront (infra/stacks/web-stack.ts) and the local runtime (infra/local/portal.ts) both send
 * `path` to the function as `apiPath`, which the public `GET /api/guidance/{proxy+}` route covers.
 */
export const SERVER_RENDERED_PAGES = [
  { path: '/guidance/', apiPath: '/api/guidance/pages/guidance', module: 'guidance/pages/guidance' },
  { path: '/check/', apiPath: '/api/guidance/pages/check', module: 'guidance/pages/check' },
  { path: '/check/answer/', apiPath: '/api/guidance/pages/check-answer', module: 'guidance/pages/check' },
  { path: '/services/', apiPath: '/api/services/pages/find', module: 'services/pages/find' },
  { path: '/services/service/', apiPath: '/api/services/pages/service', module: 'services/pages/service' },
] as const;

/** The area of the longest prefix that matches, as API Gateway prefers the more specific route. */
export function areaForPath(address: string): Area | undefined {
  // A query string is not part of the path it is routed by.
  const path = address.split('?')[0] ?? address;
  let found: { area: Area; length: number } | undefined;
  for (const [area, prefixes] of Object.entries(AREA_PATH_PREFIXES) as [Area, readonly string[]][]) {
    for (const p of prefixes) {
      const matches = path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}.`);
      if (matches && p.length > (found?.length ?? -1)) found = { area, length: p.length };
    }
  }
  return found?.area;
}
