/**
 * /board/action/?id=: one action of the board's plan. Everything about it in a summary
 * list, its RAG with the reason (and, when the board overrode it, the override and the rules' own
 * rating), and its progress updates, newest first, with their evidence. Board members change it
 * through one question page each (`&do=`): add a progress update, change the details, revise the due
 * date, override the RAG or clear the override, close it with evidence and a sign-off. The front door
 * reads it only.
 *
 * Every change sends the version read (If-Match). When someone else changed the action in between, the
 * API refuses with 409 and the action as it now is: the page says so, lists what changed, shows the
 * action as it is now, and keeps what was typed so it can be sent again.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ActionView } from '../../../shared/board/schema.ts';
import { type AgencyName, loadAgencies } from '../../platform/agencies.ts';
import { apiGet, orNotFound } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { useRecordPage } from '../../platform/record-forms.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { mount, PageHeading, setTitle } from '../../platform/ui.ts';
import { currentAction } from '../api.ts';
import { describeChanges } from '../banners.ts';
import type { ActionWithUpdates } from '../labels.ts';
import { actionUrl, BoardPageState, canEditBoard, canReadBoard } from '../views.ts';
import { ChallengeForm, RespondForm } from './action/challenge-form.ts';
import { CloseForm } from './action/close-form.ts';
import { DetailsForm } from './action/details-form.ts';
import { DueForm } from './action/due-form.ts';
import type { Conflict, Flash, FormProps } from './action/form-helpers.ts';
import { ADDRESSES, BackToAction, readRoute, type Step } from './action/navigation.ts';
import { ProgressForm } from './action/progress-form.ts';
import { RagForm } from './action/rag-form.ts';
import { ActionDetails } from './action/summary.ts';
import { VerifyForm } from './action/verify-form.ts';

/** The action in the address, with the agencies' names; no action when there is none at that address. */
async function loadAction(id: string): Promise<{ action: ActionWithUpdates | null; agencies: AgencyName[] }> {
  const found = /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)
    ? await orNotFound(Promise.all([apiGet<ActionWithUpdates>(`/board/actions/${id}`), loadAgencies()]))
    : null;
  return { action: found?.[0] ?? null, agencies: found?.[1] ?? [] };
}

function ActionPage(): VNode {
  const page = useRecordPage<Step, Conflict>(ADDRESSES, () =>
    new URLSearchParams(window.location.search).get('added') === '1'
      ? { heading: 'Action added to the plan' }
      : null,
  );
  const { route, navigations, flash, conflict } = page;
  const { state, retry, replace } = useSignedInLoad(canReadBoard, () => loadAction(route.id), {
    deps: [route.id],
  });

  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('added')) {
      window.history.replaceState(null, '', actionUrl(readRoute().id));
    }
  }, []);

  if (state.kind !== 'loaded') {
    return html`<${BoardPageState}
      state=${state}
      heading="Action"
      size="l"
      before=${html`<a class="govuk-back-link" href="/board/">Back to the action plan</a>`}
      loading="Loading the action…"
      what="the action"
      readers="the board's action plan"
      onRetry=${retry}
    />`;
  }
  const { me, agencies } = state;
  const action = state.action;
  if (!action) {
    setTitle('Action not found');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="Action not found" size="l" />
      <p class="govuk-body">There is no action at this address. Check the link, or find the action in the plan.</p>
      <p class="govuk-body"><a class="govuk-link" href="/board/">Go to the action plan</a></p>
    `;
  }

  const refresh = async (fallback: ActionView): Promise<ActionWithUpdates> => {
    try {
      return await apiGet<ActionWithUpdates>(`/board/actions/${action.id}`);
    } catch {
      return { ...fallback, updates: action.updates, challenges: action.challenges };
    }
  };

  const send: FormProps['send'] = async (what, request, describe) => {
    try {
      const saved = await request(action.version);
      replace({ agencies, action: await refresh(saved) });
      page.saved(action.id, describe(saved));
      return 'saved';
    } catch (error) {
      const current = currentAction(error);
      if (!current) return error;
      const fresh = await refresh(current);
      replace({ agencies, action: fresh });
      // A closed action cannot take the change at all: back to the action, with the message.
      page.conflicted(
        action.id,
        { what, changes: describeChanges(action, fresh) },
        fresh.status === 'complete',
      );
      return 'conflict';
    }
  };

  const focus = navigations > 0;
  const step = route.step;
  // The chair may challenge a closed action, and its owner respond: how it was closed is fair game.
  const closedOk = step === 'challenge' || step === 'respond';
  if (step && (!canEditBoard(me) || (action.status === 'complete' && !closedOk))) {
    setTitle(action.status === 'complete' ? 'This action is closed' : 'You cannot change the action plan');
    return html`
      <${BackToAction} action=${action} />
      <${PageHeading} text=${action.status === 'complete' ? 'This action is closed' : 'You cannot change the action plan'} size="l" />
      <p class="govuk-body">
        ${
          action.status === 'complete'
            ? 'A closed action cannot be changed.'
            : 'Only safeguarding partnership board members can change the action plan. You can read it.'
        }
      </p>
    `;
  }
  const formProps: FormProps = { action, me, agencies, focus, conflict, send };
  // Each view is new when arrived at: a form starts empty.
  return html`<${View} key=${`${step ?? 'main'}-${navigations}`} step=${step} formProps=${formProps} flash=${flash} conflict=${conflict} />`;
}

function View(props: {
  step: Step | null;
  formProps: FormProps;
  flash: Flash | null;
  conflict: Conflict | null;
}): VNode {
  const p = props.formProps;
  switch (props.step) {
    case 'progress':
      return html`<${ProgressForm} ...${p} />`;
    case 'details':
      return html`<${DetailsForm} ...${p} />`;
    case 'due':
      return html`<${DueForm} ...${p} />`;
    case 'rag':
      return html`<${RagForm} ...${p} />`;
    case 'close':
      return html`<${CloseForm} ...${p} />`;
    case 'verify':
      return html`<${VerifyForm} ...${p} />`;
    case 'challenge':
      return html`<${ChallengeForm} ...${p} />`;
    case 'respond':
      return html`<${RespondForm} ...${p} />`;
    default:
      return html`<${ActionDetails} action=${p.action} me=${p.me} agencies=${p.agencies} flash=${props.flash} conflict=${props.conflict} focus=${p.focus} />`;
  }
}

boot();
mount(html`<${ActionPage} />`);
