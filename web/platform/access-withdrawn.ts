/**
 * The one message for a caller whose agency has been deactivated or whose own access has been
 * withdrawn (the API's `agency-deactivated` and `access-suspended` problems, api.ts).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ApiError } from './api.ts';
import { signInUrl, signOut } from './auth.ts';

/** A token from before the person's access changed: refused, though the person may sign in again. */
const needsNewSignIn = (error: ApiError) =>
  !error.type.endsWith('/agency-deactivated') && /sign in again/i.test(error.detail ?? '');

/** The message's heading, also the page's title. */
export function accessWithdrawnHeading(error: ApiError): string {
  if (error.type.endsWith('/agency-deactivated')) return 'Your agency no longer has access to the portal';
  return needsNewSignIn(error) ? 'Sign in again to continue' : 'Your access to the portal has been withdrawn';
}

/**
 * What a person sees, on any page, once their agency has been deactivated or their own access
 * withdrawn: what happened and what to do, instead of a generic error.
 */
export function AccessWithdrawnMessage(props: { error: ApiError }): VNode {
  const agency = props.error.type.endsWith('/agency-deactivated');
  const signInAgain = needsNewSignIn(props.error);
  return html`
    <h1 class="govuk-heading-l">${accessWithdrawnHeading(props.error)}</h1>
    <p class="govuk-body">${props.error.detail}</p>
    ${
      agency
        ? html`<p class="govuk-body">This happens when an agency closes, merges with another or leaves the partnership. Nothing your agency sent has been deleted: the front door still has its referrals.</p>
            <p class="govuk-body">If you have moved to another agency, ask its safeguarding lead to arrange your access.</p>`
        : null
    }
    <p class="govuk-body">
      ${
        signInAgain
          ? html`<a class="govuk-link" href=${signInUrl()} onClick=${(event: Event) => {
              event.preventDefault();
              void signOut().then(() => window.location.assign(signInUrl()));
            }}>Sign in again</a>`
          : html`<a class="govuk-link" href="/sign-in/?signedOut=1" onClick=${(event: Event) => {
              event.preventDefault();
              void signOut();
            }}>Sign out</a>`
      }
    </p>
  `;
}
