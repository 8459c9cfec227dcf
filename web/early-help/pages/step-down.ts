/**
 * /early-help/step-down/: the front door records a child stepping down from children's social care
 * into early help (the form is step-down/form.ts). For the front door only; anyone else is told so.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { loadAgencies } from '../../platform/agencies.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, setTitle } from '../../platform/ui.ts';
import { EarlyHelpPageState } from '../views.ts';
import { HEADING, StepDownForm } from './step-down/form.ts';

const isFrontDoor = (me: { roles: readonly string[] }) => me.roles.includes('triage');

function StepDownPage(): VNode {
  const { state, retry } = useSignedInLoad(isFrontDoor, async () => ({ agencies: await loadAgencies() }), {
    redirect: true,
  });
  if (state.kind === 'not-allowed') {
    setTitle('You cannot record step-downs');
    return html`
      <a class="govuk-back-link" href="/early-help/">Back to early help</a>
      <${PageHeading} text="You cannot record step-downs" size="l" />
      <p class="govuk-body">Only the Children’s Front Door records a child stepping down from social care. You are signed in as ${state.me.name}.</p>
    `;
  }
  if (state.kind !== 'loaded') {
    return html`<${EarlyHelpPageState} state=${state} heading=${HEADING} loading="Loading the form…" what="the form" onRetry=${retry} />`;
  }
  return html`<${StepDownForm} agencies=${state.agencies} />`;
}

boot();
mount(html`<${StepDownPage} />`);
