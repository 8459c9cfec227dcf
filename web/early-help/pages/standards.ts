/**
 * /early-help/standards/: the partnership's early-help standards, which the board changes (the form
 * is standards/form.ts). For the board only; anyone else is told so.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, setTitle } from '../../platform/ui.ts';
import { EarlyHelpPageState } from '../views.ts';
import { HEADING, StandardsForm } from './standards/form.ts';
import { loadStandards } from './standards/requests.ts';

const isBoard = (me: { roles: readonly string[] }) => me.roles.includes('board');

function StandardsPage(): VNode {
  const { state, retry, replace } = useSignedInLoad(isBoard, async () => ({ read: await loadStandards() }), {
    redirect: true,
  });
  if (state.kind === 'not-allowed') {
    setTitle('You cannot change the standards');
    return html`
      <${PageHeading} text="You cannot change the standards" size="l" />
      <p class="govuk-body">
        Only the safeguarding board changes the partnership’s early help standards. You are signed in as ${state.me.name}.
      </p>
      <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
    `;
  }
  if (state.kind !== 'loaded') {
    return html`<${EarlyHelpPageState} state=${state} heading=${HEADING} loading="Loading the standards…" what="the standards" onRetry=${retry} />`;
  }
  return html`<${StandardsForm} read=${state.read} onRead=${(read: typeof state.read) => replace({ read })} />`;
}

boot();
mount(html`<${StandardsPage} />`);
