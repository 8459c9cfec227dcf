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
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionView } from '../../../shared/board/schema.ts';
import type { Me } from '../../../shared/directory/me.ts';
import { ApiError, apiGet } from '../../platform/api.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import { Loading, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import { type AgencyName, currentAction, loadAgencies } from '../api.ts';
import { describeChanges } from '../banners.ts';
import type { ActionWithUpdates } from '../labels.ts';
import { actionUrl, canEditBoard, canReadBoard, NotAllowed } from '../views.ts';
import { CloseForm } from './action/close-form.ts';
import { DetailsForm } from './action/details-form.ts';
import { DueForm } from './action/due-form.ts';
import type { Conflict, Flash, FormProps, ForView } from './action/form-helpers.ts';
import { BackToAction, go, type Route, readRoute, type Step } from './action/navigation.ts';
import { ProgressForm } from './action/progress-form.ts';
import { RagForm } from './action/rag-form.ts';
import { ActionDetails } from './action/summary.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | { kind: 'missing' }
  | { kind: 'loaded'; me: Me; agencies: AgencyName[]; action: ActionWithUpdates }
  | { kind: 'failed'; error: unknown };

function ActionPage(): VNode {
  const [route, setRoute] = useState<Route>(readRoute);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [navigations, setNavigations] = useState(0);
  const navigated = useRef(0);
  const [flashFor, setFlash] = useState<ForView<Flash> | null>(() =>
    new URLSearchParams(window.location.search).get('added') === '1'
      ? { heading: 'Action added to the plan', at: 0 }
      : null,
  );
  const [conflictFor, setConflict] = useState<ForView<Conflict> | null>(null);
  const flash = flashFor?.at === navigations ? flashFor : null;
  const conflict = conflictFor?.at === navigations ? conflictFor : null;

  useEffect(() => {
    const onPop = () => {
      navigated.current += 1;
      setRoute(readRoute());
      setNavigations(navigated.current);
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', onPop);
    if (new URLSearchParams(window.location.search).has('added')) {
      window.history.replaceState(null, '', actionUrl(readRoute().id));
    }
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const me = await loadMe();
        if (!canReadBoard(me) || !me) {
          if (live) setState({ kind: 'not-allowed', me });
          return;
        }
        if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(route.id)) {
          if (live) setState({ kind: 'missing' });
          return;
        }
        const [action, agencies] = await Promise.all([
          apiGet<ActionWithUpdates>(`/board/actions/${route.id}`),
          loadAgencies(),
        ]);
        if (live) setState({ kind: 'loaded', me, agencies, action });
      } catch (error) {
        if (!live) return;
        setState(
          error instanceof ApiError && error.status === 404 ? { kind: 'missing' } : { kind: 'failed', error },
        );
      }
    })();
    return () => {
      live = false;
    };
  }, [route.id, attempt]);

  if (state.kind === 'loading')
    return html`<${PageHeading} text="Action" size="l" /><${Loading} text="Loading the action…" />`;
  if (state.kind === 'not-allowed')
    return html`<${NotAllowed} me=${state.me} heading="Action" what="the board's action plan" />`;
  if (state.kind === 'missing') {
    setTitle('Action not found');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="Action not found" size="l" />
      <p class="govuk-body">There is no action at this address. Check the link, or find the action in the plan.</p>
      <p class="govuk-body"><a class="govuk-link" href="/board/">Go to the action plan</a></p>
    `;
  }
  if (state.kind === 'failed') {
    setTitle('Action');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="Action" size="l" />
      <${ProblemState} error=${state.error} what="the action" onRetry=${() => {
        setState({ kind: 'loading' });
        setAttempt((n) => n + 1);
      }} />
    `;
  }

  const { me, agencies, action } = state;
  const refresh = async (fallback: ActionView): Promise<ActionWithUpdates> => {
    try {
      return await apiGet<ActionWithUpdates>(`/board/actions/${action.id}`);
    } catch {
      return { ...fallback, updates: action.updates };
    }
  };

  const send: FormProps['send'] = async (what, request, describe) => {
    try {
      const saved = await request(action.version);
      const fresh = await refresh(saved);
      setConflict(null);
      setFlash({ ...describe(saved), at: navigated.current + 1 });
      setState({ kind: 'loaded', me, agencies, action: fresh });
      go(action.id, null);
      return 'saved';
    } catch (error) {
      const current = currentAction(error);
      if (!current) return error;
      const fresh = await refresh(current);
      const closed = fresh.status === 'complete';
      setFlash(null);
      setConflict({
        what,
        changes: describeChanges(action, fresh),
        at: navigated.current + (closed ? 1 : 0),
      });
      setState({ kind: 'loaded', me, agencies, action: fresh });
      // A closed action cannot take the change at all: back to the action, with the message.
      if (closed) go(action.id, null, true);
      return 'conflict';
    }
  };

  const focus = navigations > 0;
  const step = route.step;
  if (step && (!canEditBoard(me) || action.status === 'complete')) {
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
    default:
      return html`<${ActionDetails} action=${p.action} me=${p.me} agencies=${p.agencies} flash=${props.flash} conflict=${props.conflict} focus=${p.focus} />`;
  }
}

boot();
mount(html`<${ActionPage} />`);
