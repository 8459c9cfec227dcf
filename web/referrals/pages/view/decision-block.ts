/** The Front Door's decision, as the referrer (and, with its rationale, the Front Door) reads it. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework } from '../../../../shared/guidance/schema.ts';
import { OUTCOME_LABELS } from '../../../../shared/referrals/labels.ts';
import type { Referral } from '../../../../shared/referrals/schema.ts';
import { NONE_FITTED_LABELS } from '../../../../shared/services/labels.ts';
import { ServiceContacts } from '../../../platform/service-contacts.ts';
import { formatDateTime, SummaryList, Written } from '../../../platform/ui.ts';
import { LevelName } from '../../views.ts';

export function DecisionBlock(props: {
  referral: Referral;
  framework: Framework | undefined;
  forTriage: boolean;
}): VNode | null {
  const decision = props.referral.decision;
  if (!decision) return null;
  return html`
    <div class="app-decision" id="decision">
      <h2 class="govuk-heading-m">The Front Door’s decision</h2>
      <${SummaryList}
        classes="govuk-!-margin-bottom-4"
        rows=${[
          {
            key: 'Level of need',
            value: html`<${LevelName} level=${decision.levelOfNeed} framework=${props.framework} />`,
          },
          { key: 'Outcome', value: OUTCOME_LABELS[decision.outcome] },
          { key: 'Decided by', value: `${decision.decidedBy.name}, ${formatDateTime(decision.decidedAt)}` },
        ]}
      />
      <h3 class="govuk-heading-s">Feedback for you</h3>
      <div class="app-decision__feedback"><${Written} text=${decision.feedback} /></div>
      ${
        decision.signposts?.services.length
          ? html`<h3 class="govuk-heading-s">Services the family can turn to</h3>
              <${ServiceContacts} services=${decision.signposts.services} headingLevel=${4} />`
          : null
      }
      ${
        decision.signposts?.noneFitted
          ? html`<h3 class="govuk-heading-s">No service in the directory fitted</h3>
              <p class="govuk-body">${NONE_FITTED_LABELS[decision.signposts.noneFitted.reason]}.</p>`
          : null
      }
      ${
        decision.alternativeSupport
          ? html`<h3 class="govuk-heading-s">Support the family can turn to</h3><${Written} text=${decision.alternativeSupport} />`
          : null
      }
      ${
        props.forTriage
          ? html`<h3 class="govuk-heading-s">Rationale (for the record)</h3><${Written} text=${decision.rationale} />`
          : null
      }
    </div>
  `;
}
