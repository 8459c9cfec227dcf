/** For the Front Door: the earlier referrals of the same child, to read too. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import { formatDateTime } from '../../../platform/ui.ts';
import { agencyName } from '../../views.ts';
import { viewUrl } from './addresses.ts';

export function Duplicates(props: { referral: Referral; agencies: Map<string, string> }): VNode | null {
  const list = props.referral.possibleDuplicates ?? [];
  if (list.length === 0) return null;
  const review = props.referral.managerReview;
  return html`
    <div class="govuk-notification-banner" role="region" aria-labelledby="duplicates-title" id="duplicates">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="duplicates-title">Possible duplicate</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">
          This child may have been referred before: read ${list.length === 1 ? 'the earlier referral' : 'the earlier referrals'} too.
        </p>
        ${review ? html`<p class="govuk-body"><strong>For a manager’s review:</strong> ${review.reason}.</p>` : null}
        <ul class="govuk-list">
          ${list.map(
            (d) => html`<li key=${d.referralId}>
              <a class="govuk-notification-banner__link" href=${viewUrl(d.referralId)}>${d.reference}</a>
              ${' '}from ${agencyName(props.agencies, d.agencyId)}, sent ${formatDateTime(d.submittedAt)}.
              <span class="app-block govuk-body-s govuk-!-margin-bottom-0">${d.reason}</span>
            </li>`,
          )}
        </ul>
      </div>
    </div>
  `;
}
