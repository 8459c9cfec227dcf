/**
 * The episode against the partnership's standards: each timer with its due date and where it stands,
 * and the drift alarm at the top of the page when the running one is past its date.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { TIMER_LABELS, type TimerKind } from '../../../../shared/early-help/labels.ts';
import type { TimerStatusView } from '../../../../shared/early-help/schema.ts';
import { countdown } from '../../../../shared/early-help/timers.ts';
import { formatDate, Table, Tag } from '../../../platform/ui.ts';
import type { Episode } from '../../api.ts';
import { OverdueTag } from '../../views.ts';

function Standing(props: { timer: TimerStatusView }): VNode {
  const { timer } = props;
  const words = countdown(timer);
  const said = words.charAt(0).toUpperCase() + words.slice(1);
  if (timer.status === 'overdue') return html`<${OverdueTag} /><span class="app-block">${said}</span>`;
  if (timer.status === 'met_late')
    return html`<${Tag} text="Met late" colour="orange" />${timer.metOn ? html`<span class="app-block">On ${formatDate(timer.metOn)}</span>` : null}`;
  if (timer.status === 'met_on_time')
    return html`<${Tag} text="Met on time" colour="green" />${timer.metOn ? html`<span class="app-block">On ${formatDate(timer.metOn)}</span>` : null}`;
  return html`<span>${said}</span>`;
}

export function TimersTable(props: { timers: TimerStatusView[] }): VNode {
  if (props.timers.length === 0) return html`<p class="govuk-body">No timers are running.</p>`;
  return html`
    <${Table} caption="Each step against the partnership’s standards" captionSize="s" head=${['Step', 'Due by', 'Where it stands']}>
      ${props.timers.map(
        (t, i) => html`
          <tr class=${`govuk-table__row${t.status === 'overdue' ? ' app-queue__row--overdue' : ''}`} key=${`${t.kind}-${i}`}>
            <th scope="row" class="govuk-table__header">${TIMER_LABELS[t.kind]}</th>
            <td class="govuk-table__cell">${formatDate(t.dueOn)}</td>
            <td class="govuk-table__cell"><${Standing} timer=${t} /></td>
          </tr>
        `,
      )}
    </${Table}>
  `;
}

const SHOULD_HAVE: Record<TimerKind, string> = {
  lead: 'A lead practitioner should have accepted this episode by',
  assessment: 'The Early Help Assessment should have been completed by',
  plan: 'The plan should have been agreed by',
  review: 'The next review of the plan should have been held by',
};

/** The drift alarm: which step is overdue, by when it was due and by how long. Not focused: it is not an answer. */
export function DriftBanner(props: { episode: Episode }): VNode | null {
  const overdue = props.episode.timers.find((t) => t.status === 'overdue');
  if (!props.episode.drift || !overdue) return null;
  return html`
    <div class="govuk-notification-banner app-drift-banner" role="region" aria-labelledby="drift-title">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="drift-title">Overdue</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">
          ${SHOULD_HAVE[overdue.kind]} ${formatDate(overdue.dueOn)}. It is ${countdown(overdue)}.
        </p>
        <p class="govuk-body">The partnership’s standard for this step has been missed: it is the next thing to do.</p>
      </div>
    </div>
  `;
}
