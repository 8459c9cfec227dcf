/**
 * The threshold guidance's pages: the public guidance and the checker, which the guidance function
 * renders on the server, and the versions and the editor, which the build writes like every other page.
 */
import { loading, type PageDefinition, type ServerRenderedPage } from './page-table.ts';

/** The addresses functions/platform/area-routes.ts sends to the guidance function, with their modules. */
export const GUIDANCE_SERVER_PAGES: ServerRenderedPage[] = [
  { path: '/guidance/', entry: 'guidance' },
  { path: '/check/', entry: 'check' },
  { path: '/check/answer/', entry: 'check' },
];

export const GUIDANCE_PAGES: PageDefinition[] = [
  {
    path: '/guidance/versions/',
    title: 'Versions of the threshold guidance',
    nav: 'guidance',
    entry: 'guidance-versions',
    mainHtml: loading('Versions and what changed', 'Loading the versions…'),
  },
  {
    path: '/guidance/version/',
    title: 'Threshold guidance version',
    nav: 'guidance',
    entry: 'guidance-version',
    mainHtml: loading('Threshold guidance version', 'Loading this version of the guidance…'),
  },
  ...['', 'draft/', 'compare/', 'publish/'].map(
    (sub): PageDefinition => ({
      path: `/guidance/edit/${sub}`,
      title: 'Edit the threshold guidance',
      nav: 'guidance',
      entry: 'guidance-editor',
      mainHtml: loading('Edit the threshold guidance', 'Loading…'),
    }),
  ),
];
