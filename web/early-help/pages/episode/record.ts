/**
 * The episode's record as its readers see it: what the family agreed to share, the team around the
 * family, the Early Help Assessment, the plan (outcomes with actions, owners and dates) and its
 * reviews (progress per outcome on the 0 to 10 scale, the views heard, the decision).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { PROGRESS_SCALE_MAX, REVIEW_DECISION_LABELS } from '../../../../shared/early-help/labels.ts';
import type { Review } from '../../../../shared/early-help/schema.ts';
import { ServiceContacts } from '../../../platform/service-contacts.ts';
import { formatDate, formatDateTime, SummaryList, Table, Written } from '../../../platform/ui.ts';
import { type AgencyName, agencyName, type Episode } from '../../api.ts';

const agencyList = (ids: readonly string[], agencies: readonly AgencyName[]) =>
  ids.length ? ids.map((id) => agencyName(agencies, id)).join(', ') : 'None';

export function ConsentSection(props: { episode: Episode; agencies: readonly AgencyName[] }): VNode {
  const consent = props.episode.consent;
  if (!consent)
    return html`<p class="govuk-body">Not recorded yet. The team can include only agencies the family agrees to share with.</p>`;
  return html`<${SummaryList}
    rows=${[
      { key: 'Agreed to share information', value: consent.sharingAgreed ? 'Yes' : 'No' },
      ...(consent.sharingAgreed
        ? [{ key: 'With', value: agencyList(consent.shareWithAgencyIds, props.agencies) }]
        : []),
      { key: 'Who agreed', value: consent.agreedBy },
      { key: 'When', value: formatDate(consent.agreedOn) },
      ...(consent.note ? [{ key: 'Note', value: html`<${Written} text=${consent.note} />` }] : []),
    ]}
  />`;
}

export function TeamSection(props: { episode: Episode; agencies: readonly AgencyName[] }): VNode {
  const { team } = props.episode;
  const services = props.episode.teamServices ?? [];
  return html`
    <${People} team=${team} agencies=${props.agencies} />
    ${
      services.length
        ? html`<h3 class="govuk-heading-s">Services working with the family</h3>
            <${ServiceContacts} services=${services} headingLevel=${4} />`
        : null
    }
  `;
}

function People(props: { team: Episode['team']; agencies: readonly AgencyName[] }): VNode {
  const { team } = props;
  if (team.length === 0) return html`<p class="govuk-body">No one else is in the team yet.</p>`;
  return html`
    <${Table} caption=${html`<span class="govuk-visually-hidden">The team around the family</span>`} captionSize="s" head=${['Name', 'Role', 'Agency']}>
      ${team.map(
        (m, i) => html`<tr class="govuk-table__row" key=${i}>
          <th scope="row" class="govuk-table__header">${m.name}</th>
          <td class="govuk-table__cell">${m.role}</td>
          <td class="govuk-table__cell">${agencyName(props.agencies, m.agencyId)}</td>
        </tr>`,
      )}
    </${Table}>
  `;
}

export function AssessmentSection(props: { episode: Episode }): VNode {
  const a = props.episode.assessment;
  if (!a) return html`<p class="govuk-body">Not started yet.</p>`;
  return html`
    <${SummaryList}
      rows=${[
        { key: 'Started', value: formatDate(a.startedOn) },
        { key: 'Completed', value: a.completedOn ? formatDate(a.completedOn) : 'Not complete yet' },
      ]}
    />
    <h3 class="govuk-heading-s">The family’s strengths</h3>
    <${Written} text=${a.strengths} />
    <h3 class="govuk-heading-s">What the family needs</h3>
    <${Written} text=${a.needs} />
    <h3 class="govuk-heading-s">The family’s own words</h3>
    <${Written} text=${a.familyWords} />
  `;
}

export function PlanSection(props: { episode: Episode }): VNode {
  const plan = props.episode.plan;
  if (!plan) return html`<p class="govuk-body">Not agreed yet.</p>`;
  return html`
    <p class="govuk-body">
      Agreed on ${formatDate(plan.agreedOn)}${plan.revisedOn ? `, last changed on ${formatDate(plan.revisedOn)}` : ''}.
    </p>
    ${plan.outcomes.map(
      (o, i) => html`
        <div key=${o.id}>
          <h3 class="govuk-heading-s">Outcome ${i + 1}: ${o.title}</h3>
          <${Table} caption=${`Actions for outcome ${i + 1}`} captionSize="s" classes="govuk-!-margin-bottom-6" head=${['What will be done', 'Who', 'By when']}>
            ${o.actions.map(
              (a) => html`<tr class="govuk-table__row" key=${a.id}>
                <td class="govuk-table__cell">${a.what}</td>
                <td class="govuk-table__cell">${a.owner}</td>
                <td class="govuk-table__cell">${formatDate(a.dueOn)}</td>
              </tr>`,
            )}
          </${Table}>
        </div>
      `,
    )}
  `;
}

function ReviewRecord(props: { review: Review; titles: Map<string, string>; number: number }): VNode {
  const r = props.review;
  return html`
    <div class="app-timeline__item">
      <h3 class="govuk-heading-s">Review ${props.number}, held on ${formatDate(r.heldOn)}</h3>
      <${SummaryList}
        rows=${[
          { key: 'Who came', value: html`<${Written} text=${r.attendees} />` },
          ...r.progress.map((p) => ({
            key: props.titles.get(p.outcomeId) ?? 'An outcome no longer in the plan',
            value: html`<strong>${p.score} out of ${PROGRESS_SCALE_MAX}</strong>${p.note ? html`<${Written} text=${p.note} />` : null}`,
          })),
          { key: 'The child’s views', value: html`<${Written} text=${r.childViews} />` },
          { key: 'The family’s views', value: html`<${Written} text=${r.familyViews} />` },
          { key: 'Decision', value: REVIEW_DECISION_LABELS[r.decision] },
          ...(r.notes ? [{ key: 'What has changed', value: html`<${Written} text=${r.notes} />` }] : []),
          { key: 'Recorded by', value: `${r.recordedBy.name}, ${formatDateTime(r.recordedAt)}` },
        ]}
      />
    </div>
  `;
}

export function ReviewsSection(props: { episode: Episode }): VNode {
  const { reviews, plan } = props.episode;
  if (reviews.length === 0) return html`<p class="govuk-body">No reviews yet.</p>`;
  const titles = new Map((plan?.outcomes ?? []).map((o) => [o.id, o.title]));
  const ordered = [...reviews].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
  return html`${ordered.map(
    (r, i) => html`<${ReviewRecord} key=${r.id} review=${r} titles=${titles} number=${ordered.length - i} />`,
  )}`;
}
