/**
 * The action page's views, one address each (`&do=`), so Back works: links between them change the
 * address without reloading.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { actionUrl } from '../../views.ts';

export type Step = 'progress' | 'details' | 'due' | 'rag' | 'close';
const STEPS: Step[] = ['progress', 'details', 'due', 'rag', 'close'];

export interface Route {
  id: string;
  step: Step | null;
}

export function readRoute(): Route {
  const params = new URLSearchParams(window.location.search);
  const step = params.get('do');
  return {
    id: params.get('id') ?? '',
    step: STEPS.includes(step as Step) ? (step as Step) : null,
  };
}

export function go(id: string, step: Step | null, replace = false): void {
  const url = actionUrl(id, step ? `&do=${step}` : '');
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A same-page link: the address changes (so Back works) without reloading. */
export function StepLink(props: {
  id: string;
  step: Step | null;
  children: ComponentChildren;
  classes?: string;
}): VNode {
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(props.id, props.step);
  };
  return html`<a class=${props.classes ?? 'govuk-link'} href=${actionUrl(props.id, props.step ? `&do=${props.step}` : '')} onClick=${onClick}>${props.children}</a>`;
}

export function BackToAction(props: { action: ActionView }): VNode {
  return html`<${StepLink} id=${props.action.id} step=${null} classes="govuk-back-link">Back to ${props.action.reference}</${StepLink}>`;
}
