/**
 * /board/new/: add an action to the board's plan (board members). One form, as the action is one
 * record a business manager types up from a board paper: what it is, where it comes from, who owns
 * it, how success is measured and when it is due. Errors are checked here first, then by the API,
 * and either way shown in an error summary and beside each field.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import { Loading, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import { type AgencyName, loadAgencies, loadAllActions } from '../api.ts';
import { canEditBoard, NotAllowed } from '../views.ts';
import { HEADING, NewActionForm } from './new/form.ts';
import { nextReference } from './new/values.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | { kind: 'read-only'; me: Me }
  | { kind: 'loaded'; agencies: AgencyName[]; reference: string }
  | { kind: 'failed'; error: unknown };

function NewActionPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    (async () => {
      try {
        const me = await loadMe();
        if (!me) return setState({ kind: 'not-allowed', me });
        if (!canEditBoard(me)) {
          return setState(
            me.roles.includes('triage') ? { kind: 'read-only', me } : { kind: 'not-allowed', me },
          );
        }
        const [agencies, actions] = await Promise.all([loadAgencies(), loadAllActions()]);
        setState({ kind: 'loaded', agencies, reference: nextReference(actions.map((a) => a.reference)) });
      } catch (error) {
        setState({ kind: 'failed', error });
      }
    })();
  }, [attempt]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} text=${HEADING} size="l" /><${Loading} text="Loading…" />`;
    case 'not-allowed':
      return html`<${NotAllowed} me=${state.me} heading=${HEADING} what="the board's action plan" />`;
    case 'read-only':
      setTitle('You cannot add actions');
      return html`
        <a class="govuk-back-link" href="/board/">Back to the action plan</a>
        <${PageHeading} text="You cannot add actions" size="l" />
        <p class="govuk-body">Only safeguarding partnership board members can add actions to the plan. You can read it.</p>
      `;
    case 'failed':
      setTitle(HEADING);
      return html`
        <${PageHeading} text=${HEADING} size="l" />
        <${ProblemState} error=${state.error} what="the form" onRetry=${() => {
          setState({ kind: 'loading' });
          setAttempt((n) => n + 1);
        }} />
      `;
    case 'loaded':
      return html`<${NewActionForm} agencies=${state.agencies} reference=${state.reference} />`;
  }
}

boot();
mount(html`<${NewActionPage} />`);
