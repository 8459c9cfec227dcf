import { Hono } from 'hono';
import type { AppEnv } from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import { servicesCsv } from './csv.ts';
import { openReferralPage, openReferralService } from './open-referral.ts';
import type { ServiceExportDeps } from './ports.ts';
import { exportCsv, exportOpenReferral } from './routes.ts';

/**
 * The published directory for other systems: Open Referral UK JSON, which councils' directories and
 * DfE's "Find support for your family" read, a page at a time; and CSV for a spreadsheet. Both are
 * public, as the directory is, and hold published entries only.
 */
export function createServiceExportRoutes(deps: ServiceExportDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  bindRoute(app, exportOpenReferral, async (c) => {
    const { per_page: limit = 100, cursor } = c.req.valid('query');
    const [page, needs] = await Promise.all([
      deps.find({}, { limit, ...(cursor !== undefined ? { cursor } : {}) }),
      deps.needs(),
    ]);
    const services = page.items.map(({ service }) => openReferralService(service, needs));
    return c.json(openReferralPage(services, { first: !cursor, nextCursor: page.nextCursor ?? null }), 200);
  });

  bindRoute(app, exportCsv, async (c) => {
    const views = [];
    for await (const view of deps.allPublished()) views.push(view);
    const day = deps.today();
    return c.body(servicesCsv(views, await deps.needs()), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="services-directory-${day}.csv"`,
    }) as never;
  });

  return app;
}
