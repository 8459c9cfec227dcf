import { boardRoutes } from '../board/routes.ts';
import { earlyHelpRoutes } from '../early-help/routes.ts';
import { guidanceRoutes } from '../guidance/routes.ts';
import { openApiDocumentOf } from '../platform/openapi-document.ts';
import { referralRoutes } from '../referrals/routes.ts';
import { servicesRoutes } from '../services/routes.ts';
import { peopleRoutes } from './people-routes.ts';
import { directoryRoutes } from './routes.ts';

/**
 * The API's OpenAPI 3.1 document, generated from the same route declarations (and so the same zod
 * schemas) that validate requests in every area. Built once per process, on first request.
 *
 * The directory app imports this module only when the document is first asked for: it brings every
 * area's schemas, and building those at load would slow every cold start of the directory
 * (`/api/me` on each page) for a document few people read.
 */
let document: unknown;

export function openApiDocument(): unknown {
  document ??= openApiDocumentOf(
    [
      ...directoryRoutes,
      ...peopleRoutes,
      ...guidanceRoutes,
      ...referralRoutes,
      ...boardRoutes,
      ...earlyHelpRoutes,
      ...servicesRoutes,
    ],
    {
      title: 'Partnership portal API',
      version: '1',
      description:
        'Threshold guidance, early-help referrals, early-help episodes, the safeguarding board action plan and the directory of early-help services. Errors are application/problem+json (RFC 9457).',
    },
  );
  return document;
}
