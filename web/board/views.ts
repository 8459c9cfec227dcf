/**
 * What the board's pages show alike (/board/, /board/action/, /board/new/, /dashboard/): RAG and
 * status tags, an action's address and due date, who may see and change the plan, what someone who
 * may not sees instead, and the page before its data has loaded.
 *
 * The plan's fixed lists and their words are in board-labels.ts, what the pages read from the API in
 * board-api.ts, the "someone else changed this" message in board-banners.ts and the form checks in
 * board-forms.ts.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { type ActionStatus, RAG_LABELS, type Rag, STATUS_LABELS } from '../../shared/board/labels.ts';
import type { Me } from '../../shared/directory/me.ts';
import { signInUrl } from '../platform/auth.ts';
import type { SignedInState } from '../platform/signed-in.ts';
import {
  ButtonLink,
  formatDate,
  PageHeading,
  PendingPage,
  setTitle,
  Tag,
  type TagColour,
} from '../platform/ui.ts';

const RAG_TAG: Record<Rag, TagColour> = { red: 'red', amber: 'orange', green: 'green' };
const STATUS_TAG: Record<ActionStatus, TagColour> = {
  not_started: 'grey',
  in_progress: 'blue',
  blocked: 'purple',
  complete: 'green',
};

// Tags ------------------------------------------------------------------------------------------------

/** "Red", "Amber" or "Green" as a coloured tag: the word is always there, never the colour alone. */
export function RagTag(props: { rag: Rag; classes?: string }): VNode {
  return html`<${Tag} text=${RAG_LABELS[props.rag]} colour=${RAG_TAG[props.rag]} classes=${props.classes} />`;
}

export function StatusTag(props: { status: ActionStatus; classes?: string }): VNode {
  return html`<${Tag} text=${STATUS_LABELS[props.status]} colour=${STATUS_TAG[props.status]} classes=${props.classes} />`;
}

export function EscalatedTag(): VNode {
  return html`<${Tag} text="Escalated" colour="red" classes="app-tag--inline app-board-escalated" />`;
}

// An action in words ------------------------------------------------------------------------------------

export function actionUrl(id: string, extra = ''): string {
  return `/board/action/?id=${encodeURIComponent(id)}${extra}`;
}

/** The date an action is judged against, with the original when it was revised. */
export function dueText(action: { dueDate: string; effectiveDueDate: string }): string {
  return action.effectiveDueDate === action.dueDate
    ? formatDate(action.dueDate)
    : `${formatDate(action.effectiveDueDate)} (revised from ${formatDate(action.dueDate)})`;
}

/** Today's date in the UK, as the API judges RAG by it. */
export function ukToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

// Who may see and change the plan -------------------------------------------------------------------------

export function canReadBoard(me: Me | null): boolean {
  return !!me && (me.roles.includes('board') || me.roles.includes('triage'));
}

export function canEditBoard(me: Me | null): boolean {
  return !!me && me.roles.includes('board');
}

/** The independent chair, who challenges the plan's actions. */
export function canChallenge(me: Me | null): boolean {
  return !!me && me.roles.includes('board-chair');
}

/** A second board member may verify an update: never its author, and only once. */
export function canVerifyUpdate(
  me: Me | null,
  update: { by: { userId: string }; verified?: unknown },
): boolean {
  return canEditBoard(me) && !!me && update.by.userId !== me.userId && !update.verified;
}

/** A board member of the owner agency, not the challenger, responds to an open challenge. */
export function canRespondTo(
  me: Me | null,
  action: { ownerAgencyId: string },
  challenge: { by: { userId: string }; response?: unknown },
): boolean {
  return (
    canEditBoard(me) &&
    !!me &&
    !challenge.response &&
    challenge.by.userId !== me.userId &&
    me.agency?.id === action.ownerAgencyId
  );
}

/**
 * A board page until it has what it shows: loading, not for this person (or nobody signed in), or
 * failed with "Try again". The heading is drawn as the loaded page draws it.
 */
export function BoardPageState(props: {
  state: Exclude<SignedInState<object>, { kind: 'loaded' }>;
  heading: string;
  caption?: string;
  size?: 'xl' | 'l';
  /** Above the heading once loading has failed: the way back, as the loaded page has it. */
  before?: ComponentChildren;
  /** "Loading the action plan…" */
  loading: string;
  /** What could not be shown: "the action plan". */
  what: string;
  /** What only board members and the Front Door see: "the board's action plan". */
  readers: string;
  onRetry: () => void;
}): VNode {
  const { state, heading } = props;
  if (state.kind === 'signed-out' || state.kind === 'not-allowed') {
    return html`<${NotAllowed} me=${state.kind === 'not-allowed' ? state.me : null} heading=${heading} what=${props.readers} />`;
  }
  if (state.kind === 'failed') setTitle(heading);
  return html`<${PendingPage} ...${props} state=${state} />`;
}

/** What someone who may not see the page sees instead: sign in, or who can. */
function NotAllowed(props: { me: Me | null; heading: string; what: string }): VNode {
  useEffect(() => setTitle(props.me ? 'You cannot see this page' : props.heading), [props.heading, props.me]);
  if (!props.me) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${props.heading} />
        <p class="govuk-body">Safeguarding partnership board members and the Children's Front Door can see ${props.what}.</p>
        <p class="govuk-body">Sign in to see it.</p>
        <${ButtonLink} href=${signInUrl()} text="Sign in" />
      </div></div>
    `;
  }
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} text="You cannot see this page" />
      <p class="govuk-body">
        Only safeguarding partnership board members and the Children's Front Door can see ${props.what}. You are signed in
        as ${props.me.name}, who is neither.
      </p>
      <p class="govuk-body">If you think you should be able to, ask your portal administrator.</p>
      <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
    </div></div>
  `;
}
