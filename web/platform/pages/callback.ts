/** /auth/callback/: where Cognito returns after signing in; exchanges the code and moves on. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { completeCognitoSignIn, loadAuthConfig } from '../auth.ts';
import { boot } from '../chrome.ts';
import { LoadingPage, mount, PageHeading, setTitle } from '../ui.ts';

function CallbackPage(): VNode {
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    loadAuthConfig()
      .then((config) => {
        if (config.mode !== 'cognito') throw new Error('This portal does not use single sign-on');
        return completeCognitoSignIn(config, window.location.search);
      })
      .then(
        (next) => window.location.replace(next),
        (error: unknown) => {
          setTitle('Sorry, you could not be signed in');
          setFailure(error instanceof Error ? error.message : 'Signing in failed');
        },
      );
  }, []);

  if (!failure) return html`<${LoadingPage} heading="Signing you in" text="Signing you in…" />`;
  return html`
    <${PageHeading} text="Sorry, you could not be signed in" focus=${true} />
    <p class="govuk-body">${failure}.</p>
    <p class="govuk-body"><a class="govuk-link" href="/sign-in/">Try signing in again</a></p>
  `;
}

boot({ showSignIn: false });
mount(html`<${CallbackPage} />`);
