/**
 * The threshold guidance's pages: the public guidance and the checker, which the guidance function
 * renders on the server, and the versions and the editor, which the build writes like every other page.
 */
import { SERVER_RENDERED_PAGES } from '../../shared/deployment/routes.ts';
import { loading, type PageDefinition, type ServerRenderedPage } from '../page-table.ts';

/** The addresses shared/deployment/routes.ts sends to the guidance function, with their modules. */
export const GUIDANCE_SERVER_PAGES: ServerRenderedPage[] = SERVER_RENDERED_PAGES.filter((page) =>
  page.module.startsWith('guidance/'),
).map((page) => ({ path: page.path, entry: page.module }));

export const GUIDANCE_PAGES: PageDefinition[] = [
  {
    path: '/guidance/versions/',
    title: 'Versions of the threshold guidance',
    nav: 'guidance',
    entry: 'guidance/pages/versions',
    mainHtml: loading('Versions and what changed', 'Loading the versions…'),
  },
  {
    path: '/guidance/version/',
    title: 'Threshold guidance version',
    nav: 'guidance',
    entry: 'guidance/pages/version',
    mainHtml: loading('Threshold guidance version', 'Loading this version of the guidance…'),
  },
  ...['', 'draft/', 'compare/', 'publish/'].map(
    (sub): PageDefinition => ({
      path: `/guidance/edit/${sub}`,
      title: 'Edit the threshold guidance',
      nav: 'guidance',
      entry: 'guidance/pages/edit',
      mainHtml: loading('Edit the threshold guidance', 'Loading…'),
    }),
  ),
];
