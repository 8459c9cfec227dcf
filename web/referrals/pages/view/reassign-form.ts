/**
 * A front-door manager hands a referral waiting for a decision to a colleague, who then reviews and
 * decides it. The colleagues are the front door's team as the API knows it (those who have used the
 * queue); the one reviewing it now is left out.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import { apiGet } from '../../../platform/api.ts';
import { Button, ErrorSummary, type ErrorSummaryItem, Select } from '../../../platform/ui.ts';
import { ConflictBanner, describeRefusal, isConflict, referralAction } from '../../views.ts';

interface TeamMember {
  userId: string;
  name: string;
}

export function ReassignForm(props: { referral: Referral; onDone: () => void }): VNode | null {
  const { referral } = props;
  const [team, setTeam] = useState<TeamMember[] | null>(null);
  const [userId, setUserId] = useState('');
  const [failure, setFailure] = useState<ErrorSummaryItem[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // Without the team the form is not offered: the referral can still be decided.
    apiGet<{ items: TeamMember[] }>('/front-door/team').then(
      (answer) => setTeam(answer.items),
      () => setTeam([]),
    );
  }, []);
  const colleagues = (team ?? []).filter((m) => m.userId !== referral.reviewer?.userId);
  if (colleagues.length === 0) return null;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!userId) {
      setFailure([{ href: '#reassign-to', text: 'Choose who to hand the referral to' }]);
      return;
    }
    setBusy(true);
    try {
      await referralAction(referral, 'reassign', { userId });
      props.onDone();
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(error.detail ?? '');
      else setFailure(describeRefusal(error, () => 'reassign-to', 'reassign-to').items);
    }
  };

  return html`
    <form novalidate onSubmit=${onSubmit} class="app-reassign" aria-labelledby="reassign-heading">
      <h2 class="govuk-heading-m" id="reassign-heading">Hand to a colleague</h2>
      ${failure.length > 0 ? html`<${ErrorSummary} items=${failure} />` : null}
      ${conflict !== null ? html`<${ConflictBanner} detail=${conflict} />` : null}
      <${Select}
        id="reassign-to"
        name="userId"
        label="Who should review and decide it?"
        hint=${referral.reviewer ? `${referral.reviewer.name} is reviewing it now.` : 'No one is reviewing it yet.'}
        placeholder="Choose a colleague"
        value=${userId}
        error=${failure[0]?.text}
        options=${colleagues.map((m) => ({ value: m.userId, text: m.name }))}
        onChange=${setUserId}
      />
      <${Button} text=${busy ? 'Reassigning…' : 'Reassign'} variant="secondary" disabled=${busy} />
    </form>
  `;
}
