/**
 * The episode as its full readers see it: the drift alarm, who the child is, where the episode came
 * from, who leads it (and who could not), what the reader may do next, and its record: timers,
 * consent, team, assessment, plan and reviews.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { CLOSURE_REASON_LABELS } from '../../../../shared/early-help/labels.ts';
import { LevelTag } from '../../../../shared/guidance/views/basics.ts';
import {
  FocusedBanner,
  formatDate,
  formatDateTime,
  PageHeading,
  type Row,
  SummaryList,
  setTitle,
  Written,
} from '../../../platform/ui.ts';
import { agencyName, type Episode, isTriage, mayDo } from '../../api.ts';
import { childName, leadText, StateTag } from '../../views.ts';
import { EpisodeChanged, type Flash, type FormProps } from './form-shell.ts';
import { STEPS, type Step, StepLink } from './navigation.ts';
import { AssessmentSection, ConsentSection, PlanSection, ReviewsSection, TeamSection } from './record.ts';
import { DriftBanner, TimersTable } from './timers.ts';

export function SuccessBanner(props: { flash: Flash }): VNode {
  return html`
    <${FocusedBanner} classes="govuk-notification-banner--success" titleId="success-title" title="Success" role="alert" module=${true}>
      <h3 class="govuk-notification-banner__heading">${props.flash.heading}</h3>
      ${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}
    </${FocusedBanner}>
  `;
}

/** What each form is called where it is offered, by what the episode has already. */
function stepText(step: Step, episode: Episode): string {
  switch (step) {
    case 'ask-lead':
      if (episode.lead?.answer === 'asked') return 'Ask a different agency to lead';
      return episode.lead?.answer === 'declined' ? 'Ask another agency to lead' : 'Ask an agency to lead';
    case 'answer':
      return 'Answer the request to lead';
    case 'consent':
      return episode.consent
        ? 'Change what the family agreed to share'
        : 'Record what the family agreed to share';
    case 'team':
      return episode.team.length ? 'Change the team around the family' : 'Add the team around the family';
    case 'assessment':
      return episode.assessment ? 'Continue the Early Help Assessment' : 'Start the Early Help Assessment';
    case 'plan':
      return episode.plan ? 'Change the plan' : 'Agree the plan';
    case 'review':
      return 'Record a review';
    case 'close':
      return 'Close the episode';
  }
}

/** The next step of the episode's work, shown as a button: the one that keeps its timers. */
const MAIN_STEPS: Step[] = ['answer', 'ask-lead', 'assessment', 'plan', 'review'];

function WhatYouCanDo(props: FormProps): VNode | null {
  const { episode, me } = props;
  const allowed = (Object.keys(STEPS) as Step[]).filter((step) => mayDo(STEPS[step], me, episode));
  if (allowed.length === 0) return null;
  const main = MAIN_STEPS.find(
    (s) =>
      allowed.includes(s) &&
      !(s === 'plan' && episode.plan) &&
      !(s === 'ask-lead' && episode.lead?.answer === 'asked'),
  );
  const others = allowed.filter((s) => s !== main);
  return html`
    <h2 class="govuk-heading-m">What you can do</h2>
    ${main ? html`<${StepLink} id=${episode.id} step=${main} button=${true}>${stepText(main, episode)}</${StepLink}>` : null}
    ${
      others.length
        ? html`<ul class="govuk-list">
            ${others.map((s) => html`<li key=${s}><${StepLink} id=${episode.id} step=${s}>${stepText(s, episode)}</${StepLink}></li>`)}
          </ul>`
        : null
    }
  `;
}

function keyFacts(props: FormProps): Row[] {
  const { episode, me, agencies } = props;
  const { child, lead, referral, closure } = episode;
  const mayReadReferral = referral && (isTriage(me) || me.agency?.id === referral.agencyId);
  const came = referral
    ? html`The front door’s decision of early help on referral${' '}
        ${mayReadReferral ? html`<a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(referral.id)}`}>${referral.reference}</a>` : referral.reference}${' '}
        from ${agencyName(agencies, referral.agencyId)}, on ${formatDate(episode.startedOn)}`
    : html`Stepped down from children’s social care on ${formatDate(episode.startedOn)}${
        episode.stepDown
          ? html`: case ${episode.stepDown.socialCareReference}, social worker ${episode.stepDown.socialWorker}
              <${Written} text=${episode.stepDown.summary} />`
          : null
      }`;
  const leadRow = lead
    ? html`${leadText({ agencyId: lead.agencyId, answer: lead.answer, name: lead.practitioner?.name }, agencies)}
        <span class="app-block govuk-body-s govuk-!-margin-bottom-0 app-muted">
          ${lead.answer === 'accepted' && lead.answeredAt ? `Accepted ${formatDateTime(lead.answeredAt)}` : `Asked ${formatDateTime(lead.askedAt)} by ${lead.askedBy.name}`}
        </span>`
    : 'No agency has been asked to lead yet';
  return [
    { key: 'Where it is', value: html`<${StateTag} state=${episode.state} />` },
    { key: 'Level of need', value: html`<${LevelTag} level=${episode.level} />` },
    ...(child.dateOfBirth ? [{ key: 'Date of birth', value: formatDate(child.dateOfBirth) }] : []),
    ...(child.expectedDateOfBirth
      ? [{ key: 'Expected date of birth', value: formatDate(child.expectedDateOfBirth) }]
      : []),
    ...(child.schoolOrSetting ? [{ key: 'School or setting', value: child.schoolOrSetting }] : []),
    { key: 'Where it came from', value: came },
    { key: 'Lead practitioner', value: leadRow },
    ...(episode.steppedUpTo
      ? [{ key: 'Stepped up to the front door', value: `Referral ${episode.steppedUpTo.reference}` }]
      : []),
    ...(closure
      ? [
          {
            key: 'Closed',
            value: html`${formatDate(closure.closedOn)}: ${CLOSURE_REASON_LABELS[closure.reason]}, by ${closure.by.name}
              ${closure.note ? html`<${Written} text=${closure.note} />` : null}`,
          },
        ]
      : []),
  ];
}

function Declined(props: FormProps): VNode | null {
  const { declined } = props.episode;
  if (declined.length === 0) return null;
  return html`
    <h3 class="govuk-heading-s">Agencies that could not lead it</h3>
    <ul class="govuk-list">
      ${declined.map(
        (d, i) => html`<li key=${i}>
          <strong>${agencyName(props.agencies, d.agencyId)}</strong>, ${formatDateTime(d.at)}:
          <${Written} text=${d.reason} />
        </li>`,
      )}
    </ul>
  `;
}

export function EpisodeDetails(props: FormProps & { flash: Flash | null }): VNode {
  const { episode, conflict } = props;
  const name = childName(episode.child);
  useEffect(() => setTitle(`${episode.reference} – Early help episode`), [episode.reference]);
  return html`
    <a class="govuk-back-link" href="/early-help/">Back to early help</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${props.flash ? html`<${SuccessBanner} flash=${props.flash} />` : null}
      ${conflict ? html`<${EpisodeChanged} key=${`conflict-${episode.version}`} conflict=${conflict} onForm=${false} />` : null}
      <${DriftBanner} episode=${episode} />
      <${PageHeading} caption=${`Early help episode ${episode.reference}`} text=${name} size="l" focus=${props.focus && !props.flash && !conflict} />
      <${SummaryList} rows=${keyFacts(props)} />
      <${Declined} ...${props} />
      <${WhatYouCanDo} ...${props} />
      <h2 class="govuk-heading-m app-section-heading">Timescales</h2>
      <${TimersTable} timers=${episode.timers} />
      <h2 class="govuk-heading-m app-section-heading">What the family agreed to share</h2>
      <${ConsentSection} episode=${episode} agencies=${props.agencies} />
      <h2 class="govuk-heading-m app-section-heading">The team around the family</h2>
      <${TeamSection} episode=${episode} agencies=${props.agencies} />
      <h2 class="govuk-heading-m app-section-heading">Early Help Assessment</h2>
      <${AssessmentSection} episode=${episode} />
      <h2 class="govuk-heading-m app-section-heading">The plan</h2>
      <${PlanSection} episode=${episode} />
      <h2 class="govuk-heading-m app-section-heading">Reviews</h2>
      <${ReviewsSection} episode=${episode} />
    </div></div>
  `;
}
