/**
 * The board's banners, for what has just happened: "someone else changed this action while you were
 * editing" (with what changed, in words) and the success of a change. Each takes focus, as it is the
 * answer to pressing the button.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { RAG_LABELS, STATUS_LABELS, THEME_LABELS } from '../../shared/board/labels.ts';
import type { ActionView } from '../../shared/board/schema.ts';
import { FocusedBanner, formatDate, formatDateTime, plural } from '../platform/ui.ts';
import type { ActionWithUpdates } from './labels.ts';

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

/** "Someone else changed this action while you were editing": what changed and what to do. */
export function ConflictBanner(props: {
  what: string;
  changes: string[];
  children?: ComponentChildren;
}): VNode {
  return html`
    <${FocusedBanner} classes="app-board-conflict" titleId="conflict-title" title="Important" role="alert" module=${true}>
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
    <${FocusedBanner} classes="govuk-notification-banner--success" titleId="success-title" title="Success" role="alert" module=${true}>
      <h3 class="govuk-notification-banner__heading">${props.heading}</h3>
      ${props.children}
    </${FocusedBanner}>
  `;
}
