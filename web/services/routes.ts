/**
 * The services directory's pages: finding a service and reading one, which the services function
 * renders on the server (so they work without JavaScript), and the directory editors' pages, which the
 * build writes like every other page.
 */
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import type { PageDefinition, ServerRenderedPage } from '../page-table.ts';

/** The addresses shared/deployment/routes.ts sends to the services function, with their modules. */
export const SERVICES_SERVER_PAGES: ServerRenderedPage[] = SERVER_RENDERED_PAGES.filter((page) =>
  page.module.startsWith('services/'),
).map((page) => ({ path: page.path, entry: page.module }));

/** The directory editors' pages (their services, adding and changing one). */
export const SERVICES_PAGES: PageDefinition[] = [];
