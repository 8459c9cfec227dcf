/**
 * The board's banners, for what has just happened: "someone else changed this action while you were
 * editing" (with what changed, in words) and the success of a change. Each takes focus, as it is the
 * answer to pressing the button.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { RAG_LABELS, STATUS_LABELS, THEME_LABELS } from '../../shared/board/labels.ts';
import type { ActionView } from '../../shared/board/schema.ts';
import { formatDate, formatDateTime } from '../platform/ui.ts';
import type { ActionWithUpdates } from './labels.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What changed between the action as someone read it and as it is now, in words: the updates added,
 * the status, the RAG, the dates, the override, the details.
 */
export function describeChanges(before: ActionView, after: ActionWithUpdates | ActionView): string[] {
  const changes: string[] = [];
  const added = after.updateCount - before.updateCount;
  if (added > 0) {
    const updates = 'updates' in after ? after.updates : [];
    const newest = [...updates].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    changes.push(
      newest && added === 1
        ? `${newest.by.name} added a progress update at ${formatDateTime(newest.at)}: “${newest.narrative}”`
        : `${plural(added, 'progress update was', 'progress updates were')} added`,
    );
  }
  if (after.closed && !before.closed) changes.push(`The action was closed by ${after.closed.by.name}`);
  if (after.status !== before.status)
    changes.push(`Status: ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[after.status]}`);
  if (after.rag !== before.rag) changes.push(`RAG: ${RAG_LABELS[before.rag]} → ${RAG_LABELS[after.rag]}`);
  if (after.effectiveDueDate !== before.effectiveDueDate)
    changes.push(
      `Due date: ${formatDate(before.effectiveDueDate)} → ${formatDate(after.effectiveDueDate)}${after.revisionReason ? ` (${after.revisionReason})` : ''}`,
    );
  const overrideOf = (a: ActionView) =>
    a.ragOverride ? `${a.ragOverride.rag}: ${a.ragOverride.justification}` : '';
  if (overrideOf(after) !== overrideOf(before)) {
    changes.push(
      after.ragOverride
        ? `${after.ragOverride.by.name} set the RAG to ${RAG_LABELS[after.ragOverride.rag].toLowerCase()}: “${after.ragOverride.justification}”`
        : 'The RAG override was cleared',
    );
  }
  const details: [string, (a: ActionView) => string][] = [
    ['Title', (a) => a.title],
    ['Description', (a) => a.description],
    ['Theme', (a) => THEME_LABELS[a.theme]],
    ['Owner agency', (a) => a.ownerAgencyId],
    ['Lead', (a) => a.lead],
    ['Contributing agencies', (a) => a.contributingAgencyIds.join(',')],
    ['Subgroup', (a) => a.subgroup ?? ''],
    ['Outcome measure', (a) => JSON.stringify(a.outcomeMeasure ?? null)],
  ];
  const changed = details.filter(([, get]) => get(before) !== get(after)).map(([name]) => name.toLowerCase());
  if (changed.length > 0) {
    const list =
      changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
    changes.push(`The ${list} ${changed.length === 1 ? 'was' : 'were'} changed`);
  }
  if (changes.length === 0) changes.push('The action was saved again with no change you can see');
  return changes;
}

/**
 * A GOV.UK notification banner that takes focus when it appears. Not ui.ts's NotificationBanner: these
 * are focused and announced as the answer to a button, under a title id of their own.
 */
function FocusedBanner(props: {
  classes: string;
  titleId: string;
  title: string;
  children?: ComponentChildren;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div
      class=${props.classes}
      role="alert"
      aria-labelledby=${props.titleId}
      data-module="govuk-notification-banner"
      tabindex="-1"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id=${props.titleId}>${props.title}</h2>
      </div>
      <div class="govuk-notification-banner__content">
        ${props.children}
      </div>
    </div>
  `;
}

/** "Someone else changed this action while you were editing": what changed and what to do. */
export function ConflictBanner(props: {
  what: string;
  changes: string[];
  children?: ComponentChildren;
}): VNode {
  return html`
    <${FocusedBanner} classes="govuk-notification-banner app-board-conflict" titleId="conflict-title" title="Important">
      <p class="govuk-notification-banner__heading">Someone else changed this action while you were editing</p>
      <p class="govuk-body">${props.what} was not saved. Since you opened it:</p>
      <ul class="govuk-list govuk-list--bullet">
        ${props.changes.map((c) => html`<li key=${c}>${c}</li>`)}
      </ul>
      ${props.children}
    </${FocusedBanner}>
  `;
}

/** A success banner, for what the person has just done. */
export function SuccessBanner(props: { heading: string; children?: ComponentChildren }): VNode {
  return html`
    <${FocusedBanner} classes="govuk-notification-banner govuk-notification-banner--success" titleId="success-title" title="Success">
      <h3 class="govuk-notification-banner__heading">${props.heading}</h3>
      ${props.children}
    </${FocusedBanner}>
  `;
}
