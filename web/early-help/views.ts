/**
 * What the early-help pages show alike: the state and "Overdue" tags, what is due next in words, who
 * leads the episode, and the page before its data has loaded (or for someone it is not for).
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../../shared/directory/me.ts';
import {
  EPISODE_STATE_LABELS,
  type EpisodeState,
  type LeadAnswer,
  type TimerKind,
} from '../../shared/early-help/labels.ts';
import type { TimerStatusView } from '../../shared/early-help/schema.ts';
import { countdown } from '../../shared/early-help/timers.ts';
import type { SignedInState } from '../platform/signed-in.ts';
import { formatDate, PageHeading, PendingPage, setTitle, Tag, type TagColour } from '../platform/ui.ts';
import { type AgencyName, agencyName } from './api.ts';

const STATE_COLOURS: Record<EpisodeState, TagColour> = {
  awaiting_lead: 'yellow',
  assessing: 'blue',
  planning: 'light-blue',
  reviewing: 'green',
  closed: 'grey',
};

export function StateTag(props: { state: EpisodeState; classes?: string }): VNode {
  return html`<${Tag} text=${EPISODE_STATE_LABELS[props.state]} colour=${STATE_COLOURS[props.state]} classes=${props.classes} />`;
}

/** The drift alarm: the word is always there, never the colour alone. */
export function OverdueTag(props: { classes?: string }): VNode {
  return html`<${Tag} text="Overdue" colour="red" classes=${props.classes ?? 'app-tag--inline'} />`;
}

/** What a running timer waits for, as a list's "due next" says it. */
const WAITING_FOR: Record<TimerKind, string> = {
  lead: 'A lead practitioner',
  assessment: 'The Early Help Assessment',
  plan: 'The plan',
  review: 'The next review',
};

/** "The plan: by 3 June 2026, due in 4 working days". */
export function timerText(timer: TimerStatusView): string {
  return `${WAITING_FOR[timer.kind]}: by ${formatDate(timer.dueOn)}, ${countdown(timer)}`;
}

/** Who leads it, in the words a list or a panel uses. */
export function leadText(
  lead: { agencyId?: string | undefined; answer?: LeadAnswer | undefined; name?: string | undefined },
  agencies: readonly AgencyName[],
): string {
  if (!lead.agencyId) return 'No agency has been asked to lead yet';
  const agency = agencyName(agencies, lead.agencyId);
  if (lead.answer === 'accepted') return lead.name ? `${lead.name}, ${agency}` : agency;
  if (lead.answer === 'declined') return `${agency} cannot lead it: the front door is asking another agency`;
  return `Waiting for an answer from ${agency}`;
}

/** The child's name as the episode holds it, with what they are known as. */
export function childName(child: {
  firstName: string;
  lastName: string;
  knownAs?: string | undefined;
}): string {
  const name = [child.firstName, child.lastName].filter(Boolean).join(' ') || 'Child not named';
  return child.knownAs ? `${name} (known as ${child.knownAs})` : name;
}

/** Who the early-help pages are for: practitioners of a partner agency, and the front door. */
export const canUseEarlyHelp = (me: Me) =>
  me.roles.includes('triage') || (me.roles.includes('referrer') && me.agency !== null);

/** An early-help page until it has what it shows: loading, not for this person, or failed. */
export function EarlyHelpPageState(props: {
  state: Exclude<SignedInState<object>, { kind: 'loaded' | 'signed-out' }>;
  heading: string;
  before?: ComponentChildren;
  loading: string;
  what: string;
  onRetry: () => void;
}): VNode {
  const { state, heading } = props;
  useEffect(() => {
    if (state.kind !== 'loading')
      setTitle(state.kind === 'not-allowed' ? 'You cannot see this page' : heading);
  }, [state.kind, heading]);
  if (state.kind === 'not-allowed') {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text="You cannot see this page" size="l" />
        <p class="govuk-body">
          Early help episodes are for practitioners in partner agencies and for the Children's Front Door. You are
          signed in as ${state.me.name}.
        </p>
        <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
      </div></div>
    `;
  }
  return html`<${PendingPage} ...${props} state=${state} size="l" />`;
}
