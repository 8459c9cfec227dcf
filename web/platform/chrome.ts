/**
 * What every page runs first: GOV.UK Frontend's components, the account line in the service
 * navigation ("Signed in as … (agency) · Sign out", or "Sign in"), the warning before the sign-in
 * ends, and putting back what was typed on this page before it did.
 */
import { initAll } from 'govuk-frontend';
import { html } from 'htm/preact';
import { render } from 'preact';
import type { Me } from '../../shared/directory/me.ts';
import { AccessWithdrawnMessage, accessWithdrawnHeading } from './access-withdrawn.ts';
import { ApiError, apiGet, isAccessWithdrawn, onAccessWithdrawn, onSignInEnded } from './api.ts';
import { getToken, signInUrl, signOut } from './auth.ts';
import { keepAnswersOnThisPage, restoreKeptAnswers } from './kept-answers.ts';
import { stopSessionTimeout, watchSessionTimeout } from './session-timeout.ts';
import { mount, setTitle } from './ui.ts';

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

function Account(props: { me: Me | null; showSignIn: boolean; withdrawn?: boolean }) {
  const { me } = props;
  if (props.withdrawn) {
    // Still holding a token, but no longer signed in to anything: only the way out.
    return html`
      <p class="govuk-body-s app-account__text">
        <a class="govuk-link" href="/sign-in/?signedOut=1" onClick=${onSignOut}>Sign out</a>
      </p>
    `;
  }
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

/**
 * Shows the navigation items meant for the signed-in user's roles (layout.ts renders them hidden),
 * the first of each key only; and the number of new messages beside "Messages".
 */
function showRoleNavigation(me: Me | null): void {
  if (!me) return;
  const shown = new Set<string>();
  for (const item of document.querySelectorAll<HTMLElement>('[data-app-roles]')) {
    const key = item.dataset.appNav ?? '';
    const roles = (item.dataset.appRoles ?? '').split(' ');
    if (shown.has(key) || !roles.some((role) => (me.roles as string[]).includes(role))) continue;
    shown.add(key);
    item.hidden = false;
    if (key === 'messages') void showMessageCount(item, me);
  }
}

/** Where the time this user last opened Messages is kept (the notifications page sets it). */
export function messagesSeenKey(me: Me): string {
  return `portal.messagesSeenAt.${me.userId}`;
}

async function showMessageCount(item: HTMLElement, me: Me): Promise<void> {
  const link = item.querySelector('a');
  if (!link || window.location.pathname.startsWith('/notifications')) return;
  try {
    const { items } = await apiGet<{ items: { at: string }[] }>('/notifications');
    const seen = localStorage.getItem(messagesSeenKey(me)) ?? '';
    const count = items.filter((n) => n.at > seen).length;
    if (count === 0) return;
    const badge = document.createElement('span');
    badge.className = 'app-nav-count';
    badge.textContent = String(count);
    const hidden = document.createElement('span');
    hidden.className = 'govuk-visually-hidden';
    hidden.textContent = count === 1 ? ' new message' : ' new messages';
    badge.append(hidden);
    link.append(' ', badge);
  } catch {
    // The count is a convenience: without it, Messages still works.
  }
}

/** Starts the page: GOV.UK Frontend's components, then the account line. */
export function boot(options: { showSignIn?: boolean } = {}): void {
  initAll();
  restoreKeptAnswers();
  watchSessionTimeout();
  loadMe().then(showRoleNavigation, () => {});
  const slot = document.getElementById('app-account');
  let withdrawn = false;
  // A save refused because the sign-in ended: keep what was typed, and stop saying who is signed in.
  onSignInEnded(() => {
    keepAnswersOnThisPage();
    stopSessionTimeout();
    if (slot && !withdrawn)
      render(html`<${Account} me=${null} showSignIn=${options.showSignIn ?? true} />`, slot);
    for (const item of document.querySelectorAll<HTMLElement>('[data-app-roles]')) item.hidden = true;
  });
  // Whichever request meets it first, the page says once what happened, in place of its content.
  onAccessWithdrawn((error) => {
    withdrawn = true;
    if (slot) render(html`<${Account} me=${null} showSignIn=${false} withdrawn=${true} />`, slot);
    for (const item of document.querySelectorAll<HTMLElement>('[data-app-roles]')) item.hidden = true;
    if (document.getElementById('app')) {
      mount(html`<${AccessWithdrawnMessage} error=${error} />`);
      setTitle(accessWithdrawnHeading(error));
    }
  });
  if (!slot) return;
  loadMe().then(
    (me) => {
      if (!withdrawn) render(html`<${Account} me=${me} showSignIn=${options.showSignIn ?? true} />`, slot);
    },
    (error: unknown) => {
      if (!isAccessWithdrawn(error))
        render(html`<${Account} me=${null} showSignIn=${options.showSignIn ?? true} />`, slot);
    },
  );
}
