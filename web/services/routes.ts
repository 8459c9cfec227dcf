/**
 * The services directory's pages: finding a service and reading one, which the services function
 * renders on the server (so they work without JavaScript), and the directory editors' pages, which the
 * build writes like every other page.
 */
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { loading, type PageDefinition, type ServerRenderedPage } from '../page-table.ts';

/** The addresses shared/deployment/routes.ts sends to the services function, with their modules. */
export const SERVICES_SERVER_PAGES: ServerRenderedPage[] = SERVER_RENDERED_PAGES.filter((page) =>
  page.module.startsWith('services/'),
).map((page) => ({ path: page.path, entry: page.module }));

export const SERVICES_PAGES: PageDefinition[] = [
  {
    path: '/services/mine/',
    title: 'Your services',
    nav: 'services-mine',
    entry: 'services/pages/mine',
    mainHtml: loading('Your services', 'Loading your services…', { caption: 'Services directory' }),
  },
  {
    path: '/services/edit/',
    title: 'Edit a service',
    nav: 'services-mine',
    entry: 'services/pages/edit',
    mainHtml: loading('Edit a service', 'Loading the service…', { size: 'l' }),
  },
  {
    path: '/services/new/',
    title: 'Add a service',
    nav: 'services-mine',
    entry: 'services/pages/edit',
    mainHtml: loading('Add a service', 'Loading…', { size: 'l' }),
  },
];
