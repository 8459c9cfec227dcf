/**
 * The referral as its agency and the Front Door read it: where it is, the decision, its answers and
 * its history, with what each may do next (close, decide, withdraw, add information).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import type { Framework } from '../../../../shared/guidance/schema.ts';
import { canAttach } from '../../../../shared/referrals/attachments.ts';
import { canReassign, canTransition } from '../../../../shared/referrals/lifecycle.ts';
import { clockDescription } from '../../../../shared/referrals/priority.ts';
import type { TimelineEntry } from '../../../../shared/referrals/schema.ts';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  NotificationBanner,
  SummaryList,
  setTitle,
} from '../../../platform/ui.ts';
import { ReferralAnswers } from '../../answers.ts';
import { DocumentsSection, documentsUrl } from '../../documents.ts';
import { sectionUrl } from '../../sections.ts';
import { DueTime, PriorityTag, Timeline } from '../../status.ts';
import {
  agencyName,
  awaitingDecision,
  ConflictBanner,
  childNameOf,
  describeRefusal,
  isConflict,
  LevelName,
  type ReferralWithTimeline,
  referralAction,
  StatusTag,
  useAgencyNames,
  useNow,
} from '../../views.ts';
import { AddNote } from './add-note.ts';
import { actorOf, isTriage } from './addresses.ts';
import { DecisionBlock } from './decision-block.ts';
import { Duplicates } from './duplicates.ts';
import { EpisodePanel, isEarlyHelp } from './episode-panel.ts';
import { ReassignForm } from './reassign-form.ts';

const DONE_MESSAGES: Record<string, string> = {
  decided: 'Decision recorded. The referrer has been sent a message to read it.',
  withdrawn: 'Referral withdrawn. The Front Door will not act on it.',
  closed: 'Referral closed.',
  note: 'Further information added.',
  review: 'You are now reviewing this referral. Others see your name against it in the queue.',
  reassigned: 'Referral reassigned. It is now theirs to review and decide.',
};

export function ReferralPage(props: {
  me: Me;
  referral: ReferralWithTimeline;
  framework: Framework | undefined;
  done: string | null;
  reload: (done?: string) => void;
  /** A note was added: it goes on the history at once, without reading the referral again. */
  onNote: (entry: TimelineEntry) => void;
}): VNode {
  const { me, referral, framework } = props;
  const agencies = useAgencyNames();
  const now = useNow();
  const triage = isTriage(me);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorSummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const childName = childNameOf(referral);
  // Recorded by the API when it was sent, against the guidance of the day.
  const level = referral.suggestedLevel;
  useEffect(() => setTitle(`${referral.reference} – Referral`), [referral.reference]);

  const close = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await referralAction(referral, 'close');
      props.reload('closed');
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(error.detail ?? '');
      else setFailure(describeRefusal(error, () => 'close-button', 'close-button').items);
    }
  };

  const doneMessage = props.done ? DONE_MESSAGES[props.done] : undefined;
  const canNote =
    referral.status !== 'closed' && referral.status !== 'withdrawn' && referral.status !== 'draft';
  const canWithdraw = !triage && (referral.status === 'draft' || referral.status === 'submitted');
  const reviewer = referral.reviewer;
  // Asked of the same rules the API applies: only the reviewer or a manager decides.
  const decide = canTransition('decide', actorOf(me), referral);
  const reassign = canReassign(actorOf(me), referral).ok;

  return html`
    <a class="govuk-back-link" href=${triage ? '/referrals/queue/' : '/referrals/'}>${triage ? 'Back to the queue' : 'Back to your referrals'}</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${doneMessage ? html`<${NotificationBanner} type="success" heading=${doneMessage} />` : null}
      ${failure.length > 0 ? html`<${ErrorSummary} items=${failure} />` : null}
      ${conflict !== null ? html`<${ConflictBanner} detail=${conflict} />` : null}
      <span class="govuk-caption-l">Request for early help${triage ? ` from ${agencyName(agencies, referral.agencyId)}` : ''}</span>
      <h1 class="govuk-heading-l app-referral-heading">
        ${childName}<span class="govuk-visually-hidden">,</span>${' '}
        <span class="app-referral-heading__reference">${referral.reference}</span>
      </h1>
      ${triage ? html`<${Duplicates} referral=${referral} agencies=${agencies} />` : null}
      ${
        referral.status === 'decided' || referral.status === 'closed'
          ? html`<${DecisionBlock} referral=${referral} framework=${framework} forTriage=${triage} />`
          : null
      }
      ${isEarlyHelp(referral) ? html`<${EpisodePanel} me=${me} referral=${referral} />` : null}
      <h2 class="govuk-heading-m">${triage ? 'Where it is' : 'Where your referral is'}</h2>
      <${SummaryList}
        rows=${[
          { key: 'Status', value: html`<${StatusTag} status=${referral.status} />` },
          ...(referral.priority
            ? [
                {
                  key: 'Priority',
                  value: html`<${PriorityTag} priority=${referral.priority} /> The Front Door decides ${clockDescription(referral.priority)}`,
                },
              ]
            : []),
          ...(referral.decisionDueAt
            ? [
                {
                  key: 'Decision due',
                  value: html`<${DueTime} dueAt=${referral.decisionDueAt} status=${referral.status} now=${now} priority=${referral.priority} showTime=${true} />`,
                },
              ]
            : []),
          ...(reviewer
            ? [{ key: 'Reviewed by', value: `${reviewer.name}, since ${formatDateTime(reviewer.at)}` }]
            : []),
          { key: 'Made by', value: `${referral.createdBy.name}, ${agencyName(agencies, referral.agencyId)}` },
          // The front door's own record of the call that asked for this request (views.ts keeps it theirs).
          ...(triage && referral.consultation
            ? [
                {
                  key: 'Consultation call',
                  value: html`<span id="consultation-call">${referral.consultation.callerName} called ${formatDateTime(referral.consultation.calledAt)}; level ${referral.consultation.levelDiscussed} discussed. Advised: ${referral.consultation.advice}</span>`,
                },
              ]
            : []),
          ...(referral.submittedAt ? [{ key: 'Sent', value: formatDateTime(referral.submittedAt) }] : []),
          { key: 'Suggested level', value: html`<${LevelName} level=${level} framework=${framework} />` },
          ...(referral.withdrawn
            ? [
                {
                  key: 'Withdrawn',
                  value: `${formatDateTime(referral.withdrawn.at)}: ${referral.withdrawn.reason}`,
                },
              ]
            : []),
        ]}
      />
      ${
        !triage && awaitingDecision(referral.status)
          ? html`<p class="govuk-body">You will get a message when the Front Door has decided. You do not need to chase it.</p>`
          : null
      }
      ${
        referral.status === 'draft'
          ? html`<p class="govuk-body"><a class="govuk-link" href=${sectionUrl('', referral.id)}>Continue this draft</a></p>`
          : null
      }
      ${
        decide.ok
          ? html`<a href=${`/referrals/decide/?id=${encodeURIComponent(referral.id)}`} role="button" draggable="false" class="govuk-button" data-module="govuk-button">Record the decision</a>`
          : triage && referral.status === 'in_review'
            ? html`<p class="govuk-body" id="decided-by-reviewer">${decide.message}.</p>`
            : null
      }
      ${reassign ? html`<${ReassignForm} referral=${referral} onDone=${() => props.reload('reassigned')} />` : null}
      ${
        triage && referral.status === 'decided'
          ? html`<button type="button" id="close-button" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=${busy} onClick=${close}>
              Close this referral
            </button>`
          : null
      }
      ${
        canWithdraw
          ? html`<p class="govuk-body"><a class="govuk-link" href=${`/referrals/withdraw/?id=${encodeURIComponent(referral.id)}`}>Withdraw this referral</a></p>`
          : null
      }
      <h2 class="govuk-heading-m app-section-heading">The referral</h2>
      <${ReferralAnswers} referral=${referral} framework=${framework} level=${level} headingLevel=${3} />
      <${DocumentsSection}
        referralId=${referral.id}
        addHref=${canAttach(actorOf(me), referral).ok ? documentsUrl(referral.id) : null}
      />
      ${canNote ? html`<${AddNote} referral=${referral} onAdded=${props.onNote} />` : null}
      <h2 class="govuk-heading-m app-section-heading">What has happened</h2>
      <${Timeline} entries=${referral.timeline as TimelineEntry[]} agencies=${agencies} />
    </div></div>
  `;
}
