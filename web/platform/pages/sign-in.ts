/** /sign-in/: locally, choose a demo user; in AWS, go to the partnership's sign-in (Cognito). */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isRole, ROLE_LABELS } from '../../../shared/platform/roles.ts';
import {
  type AuthConfig,
  clearToken,
  type DemoUser,
  listDemoUsers,
  loadAuthConfig,
  SignInRefused,
  safeReturnTo,
  signInAsDemoUser,
  startCognitoSignIn,
} from '../auth.ts';
import { boot } from '../chrome.ts';
import { forgetAllKeptAnswers } from '../kept-answers.ts';
import {
  Button,
  ErrorSummary,
  LoadingPage,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemPage,
  Radios,
  setTitle,
} from '../ui.ts';

const params = new URLSearchParams(window.location.search);
const returnTo = safeReturnTo(params.get('returnTo'));
const signedOut = params.get('signedOut') === '1';
const timedOut = params.get('timedOut') === '1';
if (signedOut) {
  clearToken();
  forgetAllKeptAnswers();
}

function describeUser(user: DemoUser): string {
  const roles = user.roles.map((role) => (isRole(role) ? ROLE_LABELS[role] : role)).join(', ');
  const who = [user.jobTitle, user.agency?.name].filter(Boolean).join(', ');
  return who ? `${who}. Role: ${roles}` : `Role: ${roles}`;
}

function LocalSignIn(props: { users: DemoUser[] }): VNode {
  const [username, setUsername] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => setTitle('Sign in', error !== null), [error]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    if (!username) {
      setError('Choose who to sign in as');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await signInAsDemoUser(username);
      window.location.assign(returnTo);
    } catch (caught) {
      setFailed(caught);
      setBusy(false);
    }
  };

  if (props.users.length === 0) {
    return html`
      <${PageHeading} text="Sign in" />
      <p class="govuk-body">There are no demo users to sign in as. Start the portal with its demo data and try again.</p>
    `;
  }
  return html`
    ${error ? html`<${ErrorSummary} key=${submissions} items=${[{ href: '#username', text: error }]} />` : null}
    ${
      failed
        ? html`<${NotificationBanner}
            heading=${failed instanceof SignInRefused && failed.status === 403 ? failed.message : 'Signing in did not work. Try again.'}
          />`
        : null
    }
    <form novalidate onSubmit=${onSubmit}>
      <${Radios}
        idPrefix="username"
        name="username"
        legend="Who do you want to sign in as?"
        legendIsPageHeading=${true}
        legendClasses="govuk-fieldset__legend--l"
        hint="This is the local demonstration, so you can sign in as any of these made-up people. In the real portal you sign in with your own partnership account."
        items=${props.users.map((user) => ({ value: user.username, text: user.name, hint: describeUser(user) }))}
        value=${username}
        error=${error ?? undefined}
        onChange=${(value: string) => {
          setUsername(value);
        }}
      />
      <${Button} text=${busy ? 'Signing in…' : 'Continue'} disabled=${busy} />
    </form>
  `;
}

function CognitoSignIn(props: { config: Extract<AuthConfig, { mode: 'cognito' }> }): VNode {
  const [failed, setFailed] = useState(false);
  useEffect(() => setTitle('Sign in'), []);
  return html`
    <${PageHeading} text="Sign in" />
    ${failed ? html`<${NotificationBanner} heading="The sign-in page could not be opened. Try again." />` : null}
    <p class="govuk-body">Sign in with the account your agency set up for you in the Northshire Safeguarding Partnership.</p>
    <p class="govuk-body">If you do not have an account, ask your agency's portal contact.</p>
    <${Button}
      text="Continue to sign in"
      type="button"
      variant="start"
      onClick=${() => startCognitoSignIn(props.config, returnTo).catch(() => setFailed(true))}
    />
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'local'; users: DemoUser[] }
  | { kind: 'cognito'; config: Extract<AuthConfig, { mode: 'cognito' }> }
  | { kind: 'failed'; error: unknown };

function SignInPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ kind: 'loading' });
    loadAuthConfig()
      .then(
        async (config): Promise<State> =>
          config.mode === 'local'
            ? { kind: 'local', users: await listDemoUsers() }
            : { kind: 'cognito', config },
      )
      .then(setState, (error: unknown) => setState({ kind: 'failed', error }));
  }, [attempt]);

  const banner = signedOut
    ? html`<${NotificationBanner} type="success" heading="You have signed out." />`
    : timedOut
      ? html`<${NotificationBanner} heading="You were signed out to keep the information safe">
          <p class="govuk-body">
            Your sign-in ended. What you had typed on the page you were on is kept in this browser tab: sign in again to
            carry on from there.
          </p>
        </${NotificationBanner}>`
      : null;
  switch (state.kind) {
    case 'loading':
      return html`${banner}<${LoadingPage} heading="Sign in" text="Loading the ways to sign in…" />`;
    case 'failed':
      return html`
        <${ProblemPage} heading="Sign in" error=${state.error} what="the sign-in page" onRetry=${() => setAttempt((n) => n + 1)} />
        <p class="govuk-body">You can still read the <a class="govuk-link" href="/guidance/">threshold guidance</a> without signing in.</p>
      `;
    case 'local':
      return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${banner}<${LocalSignIn} users=${state.users} /></div></div>`;
    case 'cognito':
      return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${banner}<${CognitoSignIn} config=${state.config} /></div></div>`;
  }
}

boot({ showSignIn: false });
mount(html`<${SignInPage} />`);
