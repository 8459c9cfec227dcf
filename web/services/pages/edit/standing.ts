/**
 * Where an entry stands, above its form: published or not, when it was last checked and whether its
 * check is due, and the buttons that change that (publish or take it down, confirm it is still right).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ServiceView } from '../../../../shared/services/schema.ts';
import { serviceUrl } from '../../../../shared/views/services/facts.ts';
import { Button, SummaryList, WarningText } from '../../../platform/ui.ts';
import type { StandingChange } from '../../api.ts';
import { CheckTag, checkText, StatusTag } from '../../labels.ts';

const STATUS_WORDS = {
  draft: 'Only directory editors can see it until it is published.',
  published: 'Anyone can find it in the directory.',
  unpublished: 'It was taken down: only directory editors can see it until it is published again.',
} as const;

export function Standing(props: {
  service: ServiceView;
  busy: boolean;
  onChange: (step: StandingChange) => void;
}): VNode {
  const { service } = props;
  const button = (step: StandingChange, text: string, variant?: 'secondary' | 'warning') =>
    html`<${Button} type="button" text=${text} variant=${variant} disabled=${props.busy} onClick=${() => props.onChange(step)} />`;
  return html`
    <h2 class="govuk-heading-m">Where it stands</h2>
    ${service.checkDue ? html`<${WarningText}>Its check is due: make sure the entry is still right, then confirm it.</${WarningText}>` : null}
    <${SummaryList}
      rows=${[
        {
          key: 'Status',
          value: html`<${StatusTag} status=${service.status} /> ${STATUS_WORDS[service.status]}${
            service.status === 'published'
              ? html` <a class="govuk-link" href=${serviceUrl(service.id)}>See it as the public do</a>`
              : null
          }`,
        },
        {
          key: 'Checked',
          value: html`<${CheckTag} service=${service} /> ${checkText(service)}, by ${service.lastCheckedBy.name}`,
        },
      ]}
    />
    <div class="govuk-button-group">
      ${service.status === 'published' ? button('unpublish', 'Unpublish', 'warning') : button('publish', 'Publish')}
      ${button('check', 'Confirm it is still right', 'secondary')}
    </div>
    <p class="govuk-body">Publishing or confirming does not save changes in the form below: save them first.</p>
  `;
}
