import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ProblemSchema } from '../../shared/platform/problem.ts';
import { boardRoutes } from '../board/routes.ts';
import { guidanceRoutes } from '../guidance/routes.ts';
import { referralRoutes } from '../referrals/routes.ts';
import { peopleRoutes } from './people-routes.ts';
import { directoryRoutes } from './routes.ts';

/**
 * The API's OpenAPI 3.1 document, generated from the same route definitions (and so the same zod
 * schemas) that validate requests in every area. Built once per process, on first request.
 *
 * The directory app imports this module only when the document is first asked for: it brings every
 * area's schemas and the generator, and building those at load would slow every cold start of the
 * directory (`/api/me` on each page) for a document few people read.
 */
let document: unknown;

export function openApiDocument(): unknown {
  if (document) return document;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const routes: RouteConfig[] = [
    ...directoryRoutes,
    ...peopleRoutes,
    ...guidanceRoutes,
    ...referralRoutes,
    ...boardRoutes,
  ];
  for (const route of routes) {
    // Every route that takes a JSON body refuses another type (requireJsonBody in routing.ts).
    const takesJson = Boolean(route.request?.body?.content?.['application/json']);
    registry.registerPath(
      takesJson
        ? {
            ...route,
            responses: {
              ...route.responses,
              415: {
                description: 'The body is not JSON',
                content: { 'application/problem+json': { schema: ProblemSchema } },
              },
            },
          }
        : route,
    );
  }
  document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Partnership portal API',
      version: '1',
      description:
        'Threshold guidance, early-help referrals and the safeguarding board action plan. Errors are application/problem+json (RFC 9457).',
    },
  });
  return document;
}
