/**
 * The action page's views, one address each (`&do=`), so Back works: links between them change the
 * address without reloading.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { type RecordRoute, recordAddresses } from '../../../platform/record-forms.ts';
import { actionUrl } from '../../views.ts';

export type Step = 'progress' | 'details' | 'due' | 'rag' | 'close' | 'verify' | 'challenge' | 'respond';
const STEPS: Step[] = ['progress', 'details', 'due', 'rag', 'close', 'verify', 'challenge', 'respond'];

/** The part of the action a form is about (`&update=` to verify, `&challenge=` to respond to). */
export type Part = 'update' | 'challenge';
const partUrl = (id: string, step: Step, part: Part, partId: string) =>
  actionUrl(id, `&do=${step}&${part}=${encodeURIComponent(partId)}`);

export function readPart(part: Part): string {
  return new URLSearchParams(window.location.search).get(part) ?? '';
}

/** A link to a form about one update or challenge: the address changes without reloading, as StepLink's. */
export function PartLink(props: {
  id: string;
  step: Step;
  part: Part;
  partId: string;
  children: unknown;
  classes?: string;
}): VNode {
  const href = partUrl(props.id, props.step, props.part, props.partId);
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    window.history.pushState(null, '', href);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  return html`<a class=${props.classes ?? 'govuk-link'} href=${href} onClick=${onClick}>${props.children}</a>`;
}

export type Route = RecordRoute<Step>;

export const ADDRESSES = recordAddresses(actionUrl, STEPS);
export const { readRoute, go, StepLink } = ADDRESSES;

export function BackToAction(props: { action: ActionView }): VNode {
  return html`<${ADDRESSES.BackLink} id=${props.action.id} reference=${props.action.reference} />`;
}
