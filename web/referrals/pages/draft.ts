/**
 * A draft referral's overview and end, for referrers:
 *
 *   /referrals/draft/?id=          the task list: which sections are complete, and what is missing
 *   /referrals/draft/check/?id=    check your answers, with a Change link on each; the problems that
 *                                  stop it being sent (the API's own rules), each linked to its page; send
 *   /referrals/submitted/?id=      the confirmation: the reference, when the decision is due, what next
 */

import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { Framework } from '../../../shared/guidance/schema.ts';
import { clockDescription } from '../../../shared/referrals/priority.ts';
import { consentRuleOf, submissionProblems } from '../../../shared/referrals/rules.ts';
import type { Referral } from '../../../shared/referrals/schema.ts';
import { ApiError } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { type ErrorSummaryItem, FormPage, mount, setTitle, WarningText } from '../../platform/ui.ts';
import { ReferralAnswers } from '../answers.ts';
import { DocumentsSection, documentsUrl } from '../documents.ts';
import { Caption, DraftPage } from '../draft.ts';
import { fieldTarget, type SectionState, sectionStates, suggestedLevelOf } from '../progress.ts';
import { isOptional, SECTIONS, sectionUrl } from '../sections.ts';
import {
  ConflictBanner,
  describeRefusal,
  formatDue,
  isConflict,
  LevelName,
  referralAction,
} from '../views.ts';

// The task list -------------------------------------------------------------------------------------

function statusView(state: SectionState, optional: boolean, id: string): VNode {
  if (state.status === 'completed')
    return html`<div class="govuk-task-list__status" id=${id}>Completed</div>`;
  if (state.status === 'not-started' && optional)
    return html`<div class="govuk-task-list__status" id=${id}>Optional</div>`;
  return html`<div class="govuk-task-list__status" id=${id}>
    <strong class="govuk-tag govuk-tag--blue">${state.status === 'incomplete' ? 'Incomplete' : 'Not yet started'}</strong>
  </div>`;
}

function TaskList(props: {
  referral: Referral;
  framework: Framework | undefined;
  agencyKind: string | undefined;
}): VNode {
  const { referral, framework, agencyKind } = props;
  const level = suggestedLevelOf(referral, framework);
  // The consent rule is the guidance version's own for the level the indicators suggest.
  const rule = consentRuleOf(framework, level);
  const states = sectionStates(referral, rule, agencyKind);
  // Counted as the tags below show them, optional sections included, so the sentence and the list agree.
  const done = SECTIONS.filter((s) => states[s.slug].status === 'completed').length;
  const requiredLeft = SECTIONS.filter(
    (s) => !isOptional(s, referral) && states[s.slug].status !== 'completed',
  ).length;
  const ready = submissionProblems(referral, rule, undefined, agencyKind).length === 0;
  useEffect(() => setTitle('Request for early help'), []);
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${Caption} referral=${referral} />
      <h1 class="govuk-heading-l">Request for early help</h1>
      <p class="govuk-body">
        ${done === SECTIONS.length ? 'You have completed every section.' : `You have completed ${done} of ${SECTIONS.length} sections${requiredLeft === 0 ? ': every one you need to send it.' : '.'}`}${' '}
        Each page saves when you continue, so you can stop at any time and come back from${' '}
        <a class="govuk-link" href="/referrals/">your referrals</a>.
      </p>
      <p class="govuk-body">Suggested level: <${LevelName} level=${level} framework=${framework} /></p>
      <ul class="govuk-task-list">
        ${SECTIONS.map((section) => {
          const state = states[section.slug];
          const statusId = `task-${section.slug}-status`;
          const hintId = `task-${section.slug}-hint`;
          const hint = state.status === 'incomplete' ? state.problem?.reason : undefined;
          return html`<li class="govuk-task-list__item govuk-task-list__item--with-link" key=${section.slug}>
            <div class="govuk-task-list__name-and-hint">
              <a class="govuk-link govuk-task-list__link" href=${sectionUrl(section.slug, referral.id)} aria-describedby=${hint ? `${hintId} ${statusId}` : statusId}>
                ${section.name}
              </a>
              ${hint ? html`<div id=${hintId} class="govuk-task-list__hint">${hint}</div>` : null}
            </div>
            ${statusView(state, isOptional(section, referral), statusId)}
          </li>`;
        })}
        <li class="govuk-task-list__item govuk-task-list__item--with-link">
          <div class="govuk-task-list__name-and-hint">
            <a class="govuk-link govuk-task-list__link" href=${sectionUrl('check', referral.id)} aria-describedby="task-check-status">
              Check your answers and send
            </a>
          </div>
          <div class="govuk-task-list__status" id="task-check-status">
            ${ready ? 'Ready to send' : html`<strong class="govuk-tag govuk-tag--grey">Not ready yet</strong>`}
          </div>
        </li>
      </ul>
      <p class="govuk-body">
        <a class="govuk-link" href=${`/referrals/withdraw/?id=${encodeURIComponent(referral.id)}`}>Withdraw this draft</a>
      </p>
    </div></div>
  `;
}

// Check your answers and send -----------------------------------------------------------------------

function CheckAnswers(props: {
  referral: Referral;
  framework: Framework | undefined;
  agencyKind: string | undefined;
}): VNode {
  const { referral, framework } = props;
  const level = suggestedLevelOf(referral, framework);
  const problems = submissionProblems(referral, consentRuleOf(framework, level), undefined, props.agencyKind);
  const [refusal, setRefusal] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(
    () => setTitle('Check your answers before sending your referral', refusal.length > 0),
    [refusal.length],
  );

  const linkTo = (field: string) => {
    const target = fieldTarget(field);
    return `${sectionUrl(target.section, referral.id, true)}#${target.id}`;
  };

  const send = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    setBusy(true);
    try {
      await referralAction(referral, 'submit');
      window.location.assign(`/referrals/submitted/?id=${encodeURIComponent(referral.id)}`);
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(error.detail ?? '');
        return;
      }
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        setRefusal(error.fieldErrors.map((e) => ({ href: linkTo(e.field), text: e.reason })));
        return;
      }
      setRefusal(describeRefusal(error, () => 'send-button', 'send-button').items);
    }
  };

  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${sectionUrl('', referral.id)}>Back to all sections</a>`}
      errors=${refusal}
      submissions=${submissions}
      banner=${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
    >
      <${Caption} referral=${referral} />
      <h1 class="govuk-heading-l">Check your answers before sending your referral</h1>
      ${
        // Once sending was refused, the error summary says it; the banner would only repeat it.
        problems.length > 0 && refusal.length === 0
          ? html`<div class="govuk-notification-banner" role="region" aria-labelledby="not-ready-title" id="not-ready">
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="not-ready-title">Important</h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">You cannot send this referral yet</p>
                <ul class="govuk-list govuk-list--bullet app-problems">
                  ${problems.map(
                    (p) => html`<li key=${p.field + p.reason}>
                      <a class="govuk-notification-banner__link" href=${linkTo(p.field)}>${p.reason}</a>
                    </li>`,
                  )}
                </ul>
              </div>
            </div>`
          : null
      }
      <${ReferralAnswers} referral=${referral} framework=${framework} level=${level} changeLinks=${true} agencyKind=${props.agencyKind} />
      <${DocumentsSection} referralId=${referral.id} addHref=${documentsUrl(referral.id, true)} />
      <h2 class="govuk-heading-m">Now send your referral</h2>
      <p class="govuk-body">
        By sending this referral you confirm that, to the best of your knowledge, the details are correct, and that the
        family’s consent is as recorded above.
      </p>
      <p class="govuk-body" id="decision-clock">
        The Front Door will decide what happens next ${clockDescription('urgent')} if a child may be in immediate danger or
        the level is 4, ${clockDescription('high')} at level 3, and ${clockDescription('standard')} otherwise.
        If a child is in immediate danger, call the police on 999 now.
      </p>
      <form novalidate onSubmit=${send}>
        <button type="submit" id="send-button" class="govuk-button" data-module="govuk-button" disabled=${busy} aria-disabled=${busy ? 'true' : undefined}>
          ${busy ? 'Sending…' : 'Send referral'}
        </button>
      </form>
    </${FormPage}>
  `;
}

// Sent -------------------------------------------------------------------------------------------------

function Submitted(props: { referral: Referral }): VNode {
  const { referral } = props;
  useEffect(() => setTitle('Referral sent'), []);
  const due = referral.decisionDueAt;
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title">Referral sent</h1>
        <div class="govuk-panel__body">Your reference<br /><strong id="reference">${referral.reference}</strong></div>
      </div>
      ${
        due
          ? html`<p class="govuk-body-l" id="due">The Front Door will decide by <strong>${formatDue(due)}</strong>.</p>`
          : null
      }
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">
        A team manager at the Front Door will read your referral, decide the level of need and what support the family
        should get, and write feedback for you.
      </p>
      <p class="govuk-body">
        You will get a message when they have decided. It will not contain the child’s details: sign in to read the
        decision and the feedback.
      </p>
      <p class="govuk-body">
        Until then you can add further information to the referral, or withdraw it, from${' '}
        <a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(referral.id)}`}>the referral’s page</a>.
      </p>
      <${WarningText}>
        If you become worried that the child is at risk of significant harm, call the Front Door now. If a child is in
        immediate danger, call 999.
      </${WarningText}>
      <p class="govuk-body"><a class="govuk-link" href="/referrals/">Go to your referrals</a></p>
    </div></div>
  `;
}

// The page -------------------------------------------------------------------------------------------

const path = window.location.pathname.replace(/\/?$/, '/');
const render =
  path === '/referrals/submitted/'
    ? (referral: Referral) => html`<${Submitted} referral=${referral} />`
    : path === '/referrals/draft/check/'
      ? (referral: Referral, framework: Framework | undefined, me: Me) =>
          html`<${CheckAnswers} referral=${referral} framework=${framework} agencyKind=${me.agency?.kind} />`
      : (referral: Referral, framework: Framework | undefined, me: Me) =>
          html`<${TaskList} referral=${referral} framework=${framework} agencyKind=${me.agency?.kind} />`;
const title =
  path === '/referrals/submitted/'
    ? 'Referral sent'
    : path === '/referrals/draft/check/'
      ? 'Check your answers'
      : 'Request for early help';
boot();
mount(html`<${DraftPage} title=${title} anyStatus=${path === '/referrals/submitted/'} render=${render} />`);
