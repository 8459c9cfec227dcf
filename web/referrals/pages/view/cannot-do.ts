/** What a decide or withdraw address shows for a referral that cannot be decided or withdrawn now. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import { PageHeading, setTitle } from '../../../platform/ui.ts';
import { StatusTag } from '../../views.ts';
import { viewUrl } from './addresses.ts';

export function CannotDo(props: { referral: Referral; what: string }): VNode {
  useEffect(() => setTitle(`This referral cannot be ${props.what} now`), []);
  return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <${PageHeading} text=${`This referral cannot be ${props.what} now`} size="l" />
    <p class="govuk-body">Referral ${props.referral.reference} is <${StatusTag} status=${props.referral.status} />.</p>
    <p class="govuk-body"><a class="govuk-link" href=${viewUrl(props.referral.id)}>Go to the referral</a></p>
  </div></div>`;
}
