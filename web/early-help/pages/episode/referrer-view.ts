/**
 * The episode as the agency that referred sees it when it is not in the team around the family:
 * that it exists, who leads it and where it stands. The family's record is shared only with the
 * agencies they agreed to.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { CLOSURE_REASON_LABELS } from '../../../../shared/early-help/labels.ts';
import { PageHeading, SummaryList, setTitle } from '../../../platform/ui.ts';
import type { AgencyName, EpisodeForReferrer } from '../../api.ts';
import { leadText, StateTag } from '../../views.ts';
import type { Flash } from './form-shell.ts';
import { SuccessBanner } from './summary.ts';

export function ReferrerView(props: {
  episode: EpisodeForReferrer;
  agencies: readonly AgencyName[];
  flash: Flash | null;
}): VNode {
  const { episode } = props;
  useEffect(() => setTitle(`${episode.reference} – Early help episode`), [episode.reference]);
  return html`
    <a class="govuk-back-link" href="/early-help/">Back to early help</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${props.flash ? html`<${SuccessBanner} flash=${props.flash} />` : null}
      <${PageHeading} caption="Early help episode" text=${episode.reference} size="l" />
      <${SummaryList}
        rows=${[
          { key: 'Where it is', value: html`<${StateTag} state=${episode.state} />` },
          {
            key: 'Lead practitioner',
            value: leadText(
              { agencyId: episode.leadAgencyId, answer: episode.leadAnswer, name: episode.leadName },
              props.agencies,
            ),
          },
          ...(episode.closureReason
            ? [{ key: 'Why it closed', value: CLOSURE_REASON_LABELS[episode.closureReason] }]
            : []),
        ]}
      />
      <p class="govuk-body">
        The family’s assessment, plan and reviews are shared only with the agencies the family agreed to share them
        with, so you cannot see them here. To talk about the family, contact the lead practitioner.
      </p>
    </div></div>
  `;
}
