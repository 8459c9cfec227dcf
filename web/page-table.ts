/**
 * What a row of the page table (pages.ts) is, and the loading state a dynamic page is built with.
 * Each area's page list builds its rows from this module alone; pages.ts puts them in the one table.
 */
import type { NavKey } from '../shared/views/layout.ts';

/** A page the build writes from the one layout, at `path` (a folder address: the file is its index.html). */
export interface PageDefinition {
  /** The address it answers, ending in "/". */
  path: string;
  title: string;
  nav: NavKey;
  /** The module that runs on the page, as a path under web/ without `.ts`: `referrals/pages/view`. */
  entry: string;
  /** Trusted, build-time HTML for <main>. Dynamic pages render into #app, replacing its content. */
  mainHtml: string;
}

/**
 * A page the guidance function renders on the server (functions/guidance/pages.ts): there is no file
 * for it, but its module is built with the rest and listed in the asset manifest.
 */
export interface ServerRenderedPage {
  path: string;
  entry: string;
}

/** The file the build writes for a page's address: "/referrals/" → "referrals/index.html". */
export function pageFile(path: string): string {
  return `${path.slice(1)}index.html`;
}

/**
 * The loading state a dynamic page shows until its module has rendered into #app: the page's heading
 * (the module draws the same one, so nothing moves) and what it is loading.
 */
export function loading(
  heading: string,
  message: string,
  options: { size?: 'xl' | 'l'; caption?: string } = {},
): string {
  const size = options.size ?? 'xl';
  const caption = options.caption
    ? `<span class="govuk-caption-${size}">${options.caption}</span>\n          `
    : '';
  return `        <div id="app">
          ${caption}<h1 class="govuk-heading-${size}">${heading}</h1>
          <p class="govuk-body" role="status">${message}</p>
          <noscript>
            <p class="govuk-body">This page needs JavaScript. Turn it on in your browser's settings, or use a different browser, and reload the page.</p>
          </noscript>
        </div>`;
}
