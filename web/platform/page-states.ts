/**
 * The states a page shows before it has what it is for, written once: loading (its heading and what it
 * is loading, announced), a failed request (what happened and what to do), either of them as the page
 * draws them until it has loaded, and "show more" at the foot of a paged list.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { AccessWithdrawnMessage } from './access-withdrawn.ts';
import { ApiError, isAccessWithdrawn } from './api.ts';
import { signInUrl } from './auth.ts';
import { Button, Loading, PageHeading } from './ui-basics.ts';

/** What a person sees when a request failed: what happened and what they can do. */
export function ProblemState(props: { error: unknown; what: string; onRetry?: () => void }): VNode {
  const error = props.error instanceof ApiError ? props.error : null;
  if (error && isAccessWithdrawn(error)) return html`<${AccessWithdrawnMessage} error=${error} />`;
  if (error?.status === 401) {
    return html`
      <p class="govuk-body">Your sign-in has ended, so ${props.what} could not be shown.</p>
      <p class="govuk-body"><a class="govuk-link" href=${signInUrl()}>Sign in again</a></p>
    `;
  }
  if (error?.status === 403) {
    return html`<p class="govuk-body">You do not have permission to see ${props.what}. If you think you should, ask your portal administrator.</p>`;
  }
  const unreachable = error?.status === 0;
  return html`
    <p class="govuk-body">
      ${unreachable ? 'The portal could not be reached' : 'Sorry, there is a problem with the service'}, so ${props.what} could not be shown.
    </p>
    <p class="govuk-body">${unreachable ? 'Check your internet connection and try again.' : 'Try again in a few minutes.'}</p>
    ${props.onRetry ? html`<${Button} text="Try again" type="button" variant="secondary" onClick=${props.onRetry} />` : null}
  `;
}

/** The page's heading, as the page draws it once it has loaded, so nothing moves. */
interface Heading {
  heading: string;
  caption?: string;
  size?: 'xl' | 'l';
  /** Above the heading (a banner the page keeps showing). */
  before?: ComponentChildren;
  /** Below the heading (the page's introduction). */
  after?: ComponentChildren;
}

function Top(props: Heading & { children: ComponentChildren }): VNode {
  return html`${props.before}<${PageHeading} caption=${props.caption} text=${props.heading} size=${props.size} />${props.after}${props.children}`;
}

/** A page still loading what it shows: its heading and what it is loading. */
export function LoadingPage(props: Heading & { text: string }): VNode {
  return html`<${Top} ...${props}><${Loading} text=${props.text} /></${Top}>`;
}

/** A page that could not load what it shows: its heading and the problem, with "Try again". */
export function ProblemPage(props: Heading & { error: unknown; what: string; onRetry?: () => void }): VNode {
  return html`<${Top} ...${props}><${ProblemState} error=${props.error} what=${props.what} onRetry=${props.onRetry} /></${Top}>`;
}

/**
 * A page until it has what it shows: still loading (its heading and what it is loading), or failed
 * (its heading and the problem, with "Try again"). Who may see it is the page's to say.
 */
export function PendingPage(
  props: Heading & {
    state: { kind: 'loading' } | { kind: 'failed'; error: unknown };
    /** "Loading the action…" */
    loading: string;
    /** What could not be shown: "the action". */
    what: string;
    onRetry: () => void;
  },
): VNode {
  const { state, caption, heading, size, after } = props;
  // The way back shows once loading has failed: until then, the loading page as the server drew it.
  if (state.kind === 'failed') {
    return html`<${ProblemPage} before=${props.before} caption=${caption} heading=${heading} size=${size} after=${after} error=${state.error} what=${props.what} onRetry=${props.onRetry} />`;
  }
  return html`<${LoadingPage} caption=${caption} heading=${heading} size=${size} after=${after} text=${props.loading} />`;
}

/**
 * "Show more" under a paged list, while there is more. A failure to load the next page is said above
 * the button, or (`announce`, the referral lists) announced below it.
 */
export function ShowMore(props: {
  hasMore: boolean;
  text: string;
  busy: boolean;
  failed: boolean;
  failedText: string;
  announce?: boolean;
  onClick: () => void;
}): VNode {
  const button = html`<${Button}
    type="button"
    variant="secondary"
    text=${props.busy ? 'Loading…' : props.text}
    disabled=${props.busy}
    onClick=${props.onClick}
  />`;
  if (props.announce) {
    return html`${props.hasMore ? button : null}
      ${props.failed ? html`<p class="govuk-body" role="alert">${props.failedText}</p>` : null}`;
  }
  return html`${props.hasMore ? html`${props.failed ? html`<p class="govuk-body">${props.failedText}</p>` : null}${button}` : null}`;
}
