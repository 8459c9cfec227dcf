/** The referrer withdraws a referral before its review, with a reason the Front Door sees. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import { Button, type ErrorSummaryItem, FormPage, setTitle, Textarea } from '../../../platform/ui.ts';
import { sectionUrl } from '../../sections.ts';
import { ConflictBanner, childNameOf, describeRefusal, isConflict, referralAction } from '../../views.ts';
import { viewUrl } from './addresses.ts';

export function WithdrawForm(props: { referral: Referral }): VNode {
  const { referral } = props;
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setTitle('Withdraw this referral', summary.length > 0), [summary.length]);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    if (!reason.trim()) {
      setSummary([{ href: '#reason', text: 'Enter why you are withdrawing this referral' }]);
      return;
    }
    setSummary([]);
    setBusy(true);
    try {
      await referralAction(referral, 'withdraw', { reason: reason.trim() });
      window.location.assign(viewUrl(referral.id, 'withdrawn'));
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(error.detail ?? '');
      else setSummary(describeRefusal(error, () => 'reason', 'reason').items);
    }
  };
  const back = referral.status === 'draft' ? sectionUrl('', referral.id) : viewUrl(referral.id);
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${back}>Back</a>`}
      errors=${summary}
      submissions=${submissions}
      banner=${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
    >
      <span class="govuk-caption-l">${referral.reference} – ${childNameOf(referral)}</span>
      <form novalidate onSubmit=${onSubmit} data-keep-answers>
        <${Textarea}
          id="reason"
          name="reason"
          label="Why are you withdrawing this referral?"
          labelClasses="govuk-label--l"
          labelIsPageHeading=${true}
          hint="The Front Door will see your reason. Once withdrawn, a referral cannot be sent again: make a new one if you need to."
          rows=${4}
          value=${reason}
          error=${summary[0]?.text}
          onInput=${setReason}
        />
        <div class="govuk-button-group">
          <${Button} text=${busy ? 'Withdrawing…' : 'Withdraw referral'} variant="warning" disabled=${busy} />
          <a class="govuk-link" href=${back}>Cancel</a>
        </div>
      </form>
    </${FormPage}>
  `;
}
