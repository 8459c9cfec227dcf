/**
 * What every page runs first: GOV.UK Frontend's components, and the account line in the service
 * navigation ("Signed in as … (agency) · Sign out", or "Sign in").
 */
import { initAll } from 'govuk-frontend';
import { html } from 'htm/preact';
import { render } from 'preact';
import type { Me } from '../../shared/me.ts';
import { ApiError, apiGet } from './api.ts';
import { getToken, signInUrl, signOut } from './auth.ts';

let mePromise: Promise<Me | null> | undefined;

/** The signed-in user, or null when nobody is signed in (or the sign-in has ended). */
export function loadMe(): Promise<Me | null> {
  mePromise ??= (async () => {
    if (!getToken()) return null;
    try {
      return await apiGet<Me>('/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  })();
  return mePromise;
}

function onSignOut(event: Event): void {
  event.preventDefault();
  void signOut();
}

function Account(props: { me: Me | null; showSignIn: boolean }) {
  const { me } = props;
  if (!me) {
    return props.showSignIn
      ? html`<p class="govuk-body-s app-account__text"><a class="govuk-link" href=${signInUrl()}>Sign in</a></p>`
      : null;
  }
  return html`
    <p class="govuk-body-s app-account__text">
      Signed in as <strong>${me.name}</strong>${me.agency ? ` (${me.agency.name})` : ''}
      <span aria-hidden="true"> · </span>
      <a class="govuk-link" href="/sign-in/?signedOut=1" onClick=${onSignOut}>Sign out</a>
    </p>
  `;
}

/** Starts the page: GOV.UK Frontend's components, then the account line. */
export function boot(options: { showSignIn?: boolean } = {}): void {
  initAll();
  const slot = document.getElementById('app-account');
  if (!slot) return;
  loadMe().then(
    (me) => render(html`<${Account} me=${me} showSignIn=${options.showSignIn ?? true} />`, slot),
    () => render(html`<${Account} me=${null} showSignIn=${options.showSignIn ?? true} />`, slot),
  );
}
