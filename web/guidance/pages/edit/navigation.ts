/**
 * The editor's addresses, and moving between its pages without reloading: a link to another of the
 * editor's pages is followed in place (keeping focus management), and a page can leave a success
 * banner for the next one.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';

export type Route =
  | { page: 'list' }
  | { page: 'draft'; version: number; query: string }
  | { page: 'indicator'; version: number; id: string }
  | { page: 'remove'; version: number; id: string }
  | { page: 'add'; version: number }
  | { page: 'compare'; version: number }
  | { page: 'publish'; version: number }
  | { page: 'not-found' };

export type VersionRoute = Exclude<Route, { page: 'list' } | { page: 'not-found' }>;

export function readRoute(): Route {
  const path = window.location.pathname.replace(/\/?$/, '/');
  const params = new URLSearchParams(window.location.search);
  if (path === '/guidance/edit/') return { page: 'list' };
  const raw = params.get('v') ?? '';
  if (!/^[1-9]\d{0,5}$/.test(raw)) return { page: 'not-found' };
  const version = Number(raw);
  if (path === '/guidance/edit/compare/') return { page: 'compare', version };
  if (path === '/guidance/edit/publish/') return { page: 'publish', version };
  if (path === '/guidance/edit/draft/') {
    const id = params.get('indicator');
    const remove = params.get('remove');
    if (params.get('add')) return { page: 'add', version };
    if (remove) return { page: 'remove', version, id: remove };
    if (id) return { page: 'indicator', version, id };
    return { page: 'draft', version, query: (params.get('q') ?? '').trim().slice(0, 100) };
  }
  return { page: 'not-found' };
}

export const urls = {
  list: () => '/guidance/edit/',
  draft: (v: number, query = '') =>
    `/guidance/edit/draft/?v=${v}${query ? `&q=${encodeURIComponent(query)}` : ''}`,
  indicator: (v: number, id: string) => `/guidance/edit/draft/?v=${v}&indicator=${encodeURIComponent(id)}`,
  remove: (v: number, id: string) => `/guidance/edit/draft/?v=${v}&remove=${encodeURIComponent(id)}`,
  add: (v: number) => `/guidance/edit/draft/?v=${v}&add=1`,
  compare: (v: number) => `/guidance/edit/compare/?v=${v}`,
  publish: (v: number) => `/guidance/edit/publish/?v=${v}`,
};

export interface Flash {
  id: number;
  heading: string;
  body?: string;
}

let pendingFlash: Omit<Flash, 'id'> | null = null;

/** Goes to another of the editor's pages without reloading; `flash` shows there as a success banner. */
export function navigate(url: string, flash?: Omit<Flash, 'id'>): void {
  pendingFlash = flash ?? null;
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function NavLink(props: { href: string; children: ComponentChildren; classes?: string }): VNode {
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.href);
  };
  return html`<a class=${props.classes ?? 'govuk-link'} href=${props.href} onClick=${onClick}>${props.children}</a>`;
}

export function BackLink(props: { href: string; text: string }): VNode {
  return html`<${NavLink} href=${props.href} classes="govuk-back-link">${props.text}</${NavLink}>`;
}

/** The banner the last navigation left for the page it went to, if any; taken once. */
export function takePendingFlash(): Omit<Flash, 'id'> | null {
  const flash = pendingFlash;
  pendingFlash = null;
  return flash;
}
