/**
 * The episode page's views, one address each (`&do=`), so Back works: links between them change the
 * address without reloading.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type { EpisodeAction } from '../../../../shared/early-help/lifecycle.ts';
import { episodeUrl } from '../../api.ts';

/** Each form's address, and the action the server must allow for it. */
export const STEPS = {
  'ask-lead': 'ask_lead',
  answer: 'answer_lead',
  consent: 'set_consent',
  team: 'set_team',
  assessment: 'record_assessment',
  plan: 'agree_plan',
  review: 'record_review',
  close: 'close',
} as const satisfies Record<string, EpisodeAction>;
export type Step = keyof typeof STEPS;

export interface Route {
  id: string;
  step: Step | null;
}

const isStep = (value: string | null): value is Step => value !== null && Object.hasOwn(STEPS, value);

export function readRoute(): Route {
  const params = new URLSearchParams(window.location.search);
  const step = params.get('do');
  return { id: params.get('id') ?? '', step: isStep(step) ? step : null };
}

export const stepUrl = (id: string, step: Step | null) => episodeUrl(id, step ? `&do=${step}` : '');

export function go(id: string, step: Step | null, replace = false): void {
  if (replace) window.history.replaceState(null, '', stepUrl(id, step));
  else window.history.pushState(null, '', stepUrl(id, step));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A same-page link: the address changes (so Back works) without reloading. */
export function StepLink(props: {
  id: string;
  step: Step | null;
  children: ComponentChildren;
  classes?: string;
  /** GOV.UK's button look, for the next thing to do. */
  button?: boolean;
}): VNode {
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(props.id, props.step);
  };
  // Space presses a link that looks like a button, as it would a button.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!props.button || event.key !== ' ') return;
    event.preventDefault();
    go(props.id, props.step);
  };
  return html`<a
    class=${props.button ? 'govuk-button' : (props.classes ?? 'govuk-link')}
    role=${props.button ? 'button' : undefined}
    draggable=${props.button ? 'false' : undefined}
    href=${stepUrl(props.id, props.step)}
    onClick=${onClick}
    onKeyDown=${onKeyDown}
  >${props.children}</a>`;
}

export function BackToEpisode(props: { id: string; reference: string }): VNode {
  return html`<${StepLink} id=${props.id} step=${null} classes="govuk-back-link">Back to ${props.reference}</${StepLink}>`;
}
