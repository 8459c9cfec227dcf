/**
 * The checker's address, and the controls that carry it. The chosen indicators live in the address, so
 * Back, refresh and sharing a link all work. Every control is a link or a GET form (which works without
 * JavaScript) that the page handles in place when it can.
 *
 *   /check/?indicators=a,b&q=hungry      step 1: search (or ?sub=<sub-domain> to browse) and choose
 *   /check/answer/?indicators=a,b        step 2: the suggested level and what to do now
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';

/** The API takes at most this many indicators in one check. */
export const MAX_CHOSEN = 60;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface Address {
  ids: string[];
  query: string;
  sub: string;
}

/**
 * The checker's address: `indicators` comes as one comma-separated list (links) or repeated (a form's
 * ticked boxes without JavaScript), or both.
 */
export function readAddress(params: URLSearchParams): Address {
  const ids = [
    ...new Set(
      params
        .getAll('indicators')
        .flatMap((value) => value.split(','))
        .map((s) => s.trim())
        .filter((s) => ID.test(s) && s.length <= 80),
    ),
  ];
  return {
    ids,
    query: (params.get('q') ?? '').trim().slice(0, 100),
    sub: params.get('sub') ?? '',
  };
}

/** The address of a step; ids are slugs, so the comma-separated list needs no escaping. */
export function stepUrl(path: '/check/' | '/check/answer/', address: Partial<Address>): string {
  const parts: string[] = [];
  if (address.ids?.length) parts.push(`indicators=${address.ids.join(',')}`);
  if (address.query) parts.push(`q=${encodeURIComponent(address.query)}`);
  else if (address.sub) parts.push(`sub=${encodeURIComponent(address.sub)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** A link the page follows itself (keeping focus management), unless opened in a new tab or window. */
export function followInPage(go: () => void) {
  return (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    go();
  };
}

/** Hidden fields that carry the rest of the address through a GET form (the no-JavaScript path). */
export function AddressFields(props: { ids: string[]; query?: string; sub?: string }): VNode {
  return html`
    ${props.ids.length ? html`<input type="hidden" name="indicators" value=${props.ids.join(',')} />` : null}
    ${props.query ? html`<input type="hidden" name="q" value=${props.query} />` : props.sub ? html`<input type="hidden" name="sub" value=${props.sub} />` : null}
  `;
}

/** Stops a form's own submission when the page handles it in place. */
export function handledInPage(handle: () => void) {
  return (event: Event) => {
    event.preventDefault();
    handle();
  };
}
