/**
 * Where a referral is in time: the due time with a live countdown (overdue stands out), and the
 * timeline of what has happened. Apart from referral-views.ts because the working-day rules and
 * bank holidays they need are not wanted on the form's pages.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { isOverdue, timeUntilDue } from '../../shared/platform/working-days.ts';
import { TIMELINE_LABELS } from '../../shared/referrals/labels.ts';
import { dueState, PRIORITY_LABELS, type Priority } from '../../shared/referrals/priority.ts';
import type { ReferralStatus, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import { formatDateTime, Tag, Written } from '../platform/ui.ts';
import { agencyName, awaitingDecision, formatDue } from './views.ts';

/**
 * The due time and a live countdown, red past due, amber ("Due soon") inside its priority's
 * window and green before (priority.ts); the words say it as well as the colour. Not a live region:
 * a countdown read out every half minute would drown everything else.
 */
export function DueTime(props: {
  dueAt: string | undefined;
  status: ReferralStatus;
  now: Date;
  /** Sets when the timer turns amber; a referral sent before priorities counts as high. */
  priority?: Priority | undefined;
  /** Show the due time itself as well as the countdown. */
  showTime?: boolean;
}): VNode | null {
  const { dueAt, status, now } = props;
  if (!dueAt) return null;
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return null;
  if (!awaitingDecision(status)) {
    return props.showTime ? html`<span>Was due by ${formatDue(dueAt, now)}</span>` : null;
  }
  const overdue = isOverdue(due, now, false);
  const countdown = timeUntilDue(due, now);
  const state = overdue ? 'overdue' : dueState(due, now, props.priority);
  if (!props.showTime) {
    if (state === 'on_track')
      return html`<${Tag} text=${capitalise(countdown)} colour="green" classes="app-due__tag" />`;
    return state === 'overdue'
      ? html`<${Tag} text=${capitalise(countdown)} colour="red" classes="app-due__tag" />`
      : html`<${Tag} text=${`Due soon: ${countdown.replace(/^due /, '')}`} colour="yellow" classes="app-due__tag" />`;
  }
  return html`
    <span class=${overdue ? 'app-due app-due--overdue' : 'app-due'}>
      ${overdue ? html`<${Tag} text="Overdue" colour="red" classes="app-tag--inline" />` : null}
      ${state === 'due_soon' ? html`<${Tag} text="Due soon" colour="yellow" classes="app-tag--inline" />` : null}
      <span class="app-due__time">Due by ${formatDue(dueAt, now)}</span>${' '}
      <span class="app-due__countdown">(${countdown})</span>
    </span>
  `;
}

const PRIORITY_COLOURS = { urgent: 'red', high: 'orange', standard: 'grey' } as const;

/** A referral's priority as a tag: the word carries it, the colour only repeats it. */
export function PriorityTag(props: { priority: Priority }): VNode {
  return html`<${Tag} text=${PRIORITY_LABELS[props.priority]} colour=${PRIORITY_COLOURS[props.priority]} classes="app-priority" />`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function summaryIsOverdue(item: ReferralSummary, now: Date): boolean {
  return Boolean(
    item.decisionDueAt &&
      awaitingDecision(item.status) &&
      isOverdue(new Date(item.decisionDueAt), now, false),
  );
}

// The timeline ------------------------------------------------------------------------------------

export function Timeline(props: { entries: TimelineEntry[]; agencies: Map<string, string> }): VNode {
  const entries = [...props.entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (entries.length === 0) return html`<p class="govuk-body">Nothing has happened yet.</p>`;
  return html`
    <ol class="app-timeline" reversed>
      ${entries.map(
        (entry, i) => html`
          <li class="app-timeline__item" key=${`${entry.at}-${i}`}>
            <h3 class="govuk-heading-s app-timeline__title">${TIMELINE_LABELS[entry.kind]}</h3>
            <p class="govuk-body-s app-timeline__by">
              ${entry.by.name}${entry.by.agencyId ? `, ${agencyName(props.agencies, entry.by.agencyId)}` : ''}
              <span aria-hidden="true"> · </span>
              <time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
            </p>
            ${entry.text ? html`<div class="app-timeline__text"><${Written} text=${entry.text} /></div>` : null}
          </li>
        `,
      )}
    </ol>
  `;
}
