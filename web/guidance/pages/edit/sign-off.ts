/**
 * Sign-off by a second editor, on the draft's overview: whether the draft waits for approval or who
 * approved it and when, and for a guidance editor who has not changed it, the button that approves it.
 * The rules are the API's own (shared/guidance/sign-off.ts), so the page offers only what it accepts.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { canApprove, isApproved } from '../../../../shared/guidance/sign-off.ts';
import { apiRequest } from '../../../platform/api.ts';
import { Button, ErrorSummary, formatDateTime, WarningText } from '../../../platform/ui.ts';
import { type Flash, NavLink, urls } from './navigation.ts';
import { ConflictBanner, describeRefusal, isConflict } from './saving.ts';

/** "Approved by Femi Adeyemi on 3 March 2026 at 10:15am", or that it waits for a second editor. */
export function approvalText(version: Pick<GuidanceVersion, 'approvedBy' | 'approvedAt'>): string {
  return version.approvedBy && version.approvedAt
    ? `Approved by ${version.approvedBy.name} on ${formatDateTime(version.approvedAt)}`
    : 'Waiting for approval by a second editor';
}

/** Why the draft cannot be published yet, where publishing would otherwise be offered. */
export function PublishWaits(props: { version: number }): VNode {
  return html`<p class="govuk-body" id="publish-waits">
    Version ${props.version} can be published once a second guidance editor has approved it. An editor who has not
    changed the draft approves it on the <${NavLink} href=${urls.draft(props.version)}>draft's page</${NavLink}>.
  </p>`;
}

export function SignOff(props: {
  draft: GuidanceVersion;
  me: Me;
  onApproved: (approved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode | null {
  const { draft, me } = props;
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; attempt: number } | null>(null);

  if (isApproved(draft)) return null;
  if (!canApprove(draft, me.userId)) {
    return html`<div class="govuk-inset-text" id="sign-off">
      You started or changed this draft, so a second guidance editor must approve it before it can be published.
      Publishing is offered here once they have.
    </div>`;
  }

  const approve = async () => {
    if (busy) return;
    setBusy(true);
    setConflict(false);
    setRefusal(null);
    try {
      const { data } = await apiRequest<GuidanceVersion>(`/guidance/versions/${draft.version}/approve`, {
        method: 'POST',
        ifMatch: draft.revision,
      });
      props.onApproved(data, {
        heading: `Version ${draft.version} approved`,
        body: 'It can now be published. Any change to it from now on withdraws your approval.',
      });
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(true);
      else
        setRefusal((last) => ({
          text:
            describeRefusal(error, () => null, 'approve').items[0]?.text ?? 'The version was not approved.',
          attempt: (last?.attempt ?? 0) + 1,
        }));
    }
  };

  return html`
    <div id="sign-off">
      ${conflict ? html`<${ConflictBanner} what="The version was not approved" />` : null}
      ${refusal ? html`<${ErrorSummary} key=${refusal.attempt} items=${[{ href: '#approve', text: refusal.text }]} />` : null}
      <h2 class="govuk-heading-m">Sign-off by a second editor</h2>
      <p class="govuk-body">
        A second guidance editor must approve each version before it is published. You have not changed this draft,
        so you can approve it.
      </p>
      <${WarningText} id="approve-warning">
        Approving means you have read this version and agree it can be published as it stands. If anyone changes it
        after you approve, your approval is withdrawn.
      </${WarningText}>
      <div id="approve">
        <${Button} text=${busy ? 'Approving…' : 'Approve this version'} type="button" disabled=${busy} onClick=${approve} />
      </div>
    </div>
  `;
}
