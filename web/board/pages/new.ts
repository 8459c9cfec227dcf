/**
 * /board/new/: add an action to the board's plan (board members). One form, as the action is one
 * record a business manager types up from a board paper: what it is, where it comes from, who owns
 * it, how success is measured and when it is due. Errors are checked here first, then by the API,
 * and either way shown in an error summary and beside each field.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { loadAgencies } from '../../platform/agencies.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, setTitle } from '../../platform/ui.ts';
import { loadAllActions } from '../api.ts';
import { BoardPageState, canEditBoard, canReadBoard } from '../views.ts';
import { HEADING, NewActionForm } from './new/form.ts';
import { nextReference } from './new/values.ts';

function NewActionPage(): VNode {
  // The Front Door reads the plan but cannot add to it: told so, rather than shown the form.
  const { state, retry } = useSignedInLoad(canReadBoard, async (me) => {
    if (!canEditBoard(me)) return { readOnly: true, agencies: [], reference: '' };
    const [agencies, actions] = await Promise.all([loadAgencies(), loadAllActions()]);
    return { readOnly: false, agencies, reference: nextReference(actions.map((a) => a.reference)) };
  });

  if (state.kind !== 'loaded') {
    return html`<${BoardPageState}
      state=${state}
      heading=${HEADING}
      size="l"
      loading="Loading…"
      what="the form"
      readers="the board's action plan"
      onRetry=${retry}
    />`;
  }
  if (state.readOnly) {
    setTitle('You cannot add actions');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="You cannot add actions" size="l" />
      <p class="govuk-body">Only safeguarding partnership board members can add actions to the plan. You can read it.</p>
    `;
  }
  return html`<${NewActionForm} agencies=${state.agencies} reference=${state.reference} />`;
}

boot();
mount(html`<${NewActionPage} />`);
