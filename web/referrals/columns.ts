/**
 * The columns the referral list (referral-list.ts) can show, for its callers to choose from: the
 * Front Door's queue's table cells, and the lines of a referrer's sent referrals and drafts.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { LevelTag } from '../../shared/guidance/views/basics.ts';
import { OUTCOME_LABELS } from '../../shared/referrals/labels.ts';
import type { ReferralSummary } from '../../shared/referrals/schema.ts';
import { formatDateTime, Tag } from '../platform/ui.ts';
import type { ReferralColumn } from './list.ts';
import { sectionUrl } from './sections.ts';
import { DueTime, PriorityTag } from './status.ts';
import { agencyName, awaitingDecision, StatusTag } from './views.ts';

function ChildLink(props: { referral: ReferralSummary }): VNode {
  const r = props.referral;
  return html`<a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(r.id)}`}>${r.childName || 'Child not named'}</a>`;
}

// The queue's table ---------------------------------------------------------------------------------

/** When it is due while it waits for a decision; what was decided once it has been. */
export const dueOrOutcome = (open: boolean): ReferralColumn => ({
  header: open ? 'Decision due' : 'Outcome',
  cell: (r, now) =>
    open
      ? html`<${DueTime} dueAt=${r.decisionDueAt} status=${r.status} now=${now} priority=${r.priority} />`
      : r.outcome
        ? OUTCOME_LABELS[r.outcome]
        : '–',
});

/** Urgent (immediate danger or level 4), high (level 3) or standard: the queue sorts by it first. */
export const priority: ReferralColumn = {
  header: 'Priority',
  cell: (r) => (r.priority ? html`<${PriorityTag} priority=${r.priority} />` : '–'),
};

export const childAndReference: ReferralColumn = {
  header: 'Child and reference',
  cell: (r) => html`
    <${ChildLink} referral=${r} />
    ${' '}<span class="app-reference app-block">${r.reference}</span>
    ${r.possibleDuplicate ? html`<${Tag} text="Possible duplicate" colour="orange" classes="app-queue__flag" />` : null}
    ${r.managerReview ? html`<${Tag} text="For manager review" colour="red" classes="app-queue__flag" />` : null}
  `,
};

export const fromAgency = (agencies: Map<string, string>): ReferralColumn => ({
  header: 'From',
  cell: (r) => agencyName(agencies, r.agencyId),
});

export const suggestedLevel: ReferralColumn = {
  header: 'Level',
  cell: (r) => (r.suggestedLevel ? html`<${LevelTag} level=${r.suggestedLevel} />` : '–'),
};

export const statusAndReviewer: ReferralColumn = {
  header: 'Status',
  cell: (r) => html`
    <${StatusTag} status=${r.status} />
    ${r.reviewerName ? html`<span class="app-block govuk-body-s govuk-!-margin-bottom-0">${r.reviewerName}</span>` : null}
  `,
};

// A referrer's sent referrals -------------------------------------------------------------------------

export const sentHeading: ReferralColumn = {
  cell: (r) => html`<h3 class="govuk-heading-s govuk-!-margin-bottom-1">
    <${ChildLink} referral=${r} />
    ${' '}<span class="app-reference">${r.reference}</span>
  </h3>`,
};

/** Its status, with the countdown while the Front Door decides and who is reviewing it. */
export const sentStatus: ReferralColumn = {
  cell: (r, now) => html`<p class="govuk-body govuk-!-margin-bottom-1 app-referral-list__status">
    <${StatusTag} status=${r.status} />
    ${awaitingDecision(r.status) ? html` <${DueTime} dueAt=${r.decisionDueAt} status=${r.status} now=${now} priority=${r.priority} />` : null}
    ${r.reviewerName && r.status === 'in_review' ? html` <span class="app-muted">Being reviewed by ${r.reviewerName}</span>` : null}
  </p>`,
};

export const sentOutcome: ReferralColumn = {
  cell: (r) =>
    r.outcome
      ? html`<p class="govuk-body govuk-!-margin-bottom-1">Outcome: <strong>${OUTCOME_LABELS[r.outcome]}</strong></p>`
      : null,
};

export const sentAt: ReferralColumn = {
  cell: (r) =>
    r.submittedAt
      ? html`<p class="govuk-body-s govuk-!-margin-bottom-0 app-muted">Sent ${formatDateTime(r.submittedAt)}</p>`
      : null,
};

// A referrer's drafts ------------------------------------------------------------------------------

export const draftName: ReferralColumn = {
  cell: (d) => html`<p class="govuk-body govuk-!-margin-bottom-1">
    <strong>${d.childName || 'Child not named yet'}</strong>
    ${' '}<span class="app-reference">${d.reference}</span>
  </p>`,
};

export const draftSaved: ReferralColumn = {
  cell: (d) =>
    html`<p class="govuk-body-s govuk-!-margin-bottom-1">Last saved ${formatDateTime(d.updatedAt)}</p>`,
};

export const draftContinue: ReferralColumn = {
  cell: (d) => html`<a class="govuk-link" href=${sectionUrl('', d.id)}>
    Continue<span class="govuk-visually-hidden"> the draft ${d.reference}${d.childName ? ` for ${d.childName}` : ''}</span>
  </a>`,
};
