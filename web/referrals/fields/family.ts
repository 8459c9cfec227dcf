/**
 * Telling the family: whether they have been told about this request (and why not), and anything
 * that must not be shared with them, such as who raised a concern.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { furtherAnswerProblems } from '../../../shared/referrals/form-rules.ts';
import type { ReferralContent } from '../../../shared/referrals/schema.ts';
import { Radios, Textarea } from '../../platform/ui.ts';
import { fieldTarget } from '../progress.ts';
import { type FieldsProps, opt, type Problems } from './shared.ts';

export function FamilyFields(props: FieldsProps): VNode {
  const { familyInformed, notToShare: storedNotToShare } = props.referral;
  const [told, setTold] = useState<string | null>(
    familyInformed ? (familyInformed.told ? 'yes' : 'no') : null,
  );
  const [whyNot, setWhyNot] = useState(familyInformed?.whyNot ?? '');
  const [notToShare, setNotToShare] = useState(storedNotToShare ?? '');
  const e = props.errors;

  props.bind(() => {
    const patch: ReferralContent = {};
    if (told) {
      patch.familyInformed = {
        told: told === 'yes',
        ...(told === 'no' && opt(whyNot) ? { whyNot: whyNot.trim() } : {}),
      };
      // The rule's own words: "No" needs the reason, here as at sending.
      const problems: Problems = furtherAnswerProblems({ familyInformed: patch.familyInformed })
        .filter((p) => p.field === 'familyInformed.whyNot')
        .map((p) => [fieldTarget(p.field).id, p.reason]);
      if (problems.length) return { problems };
    }
    // Saved blank too once there was something, so clearing it clears it.
    if (opt(notToShare) || storedNotToShare !== undefined) patch.notToShare = notToShare.trim();
    return { patch };
  });

  return html`
    <h1 class="govuk-heading-l">Telling the family</h1>
    <${Radios}
      idPrefix="family-told"
      name="familyTold"
      legend="Has the family been told about this request?"
      legendClasses="govuk-fieldset__legend--m"
      hint="Tell the parents or carers that you are asking for support, unless telling them would put the child or someone else at risk."
      items=${[
        { value: 'yes', text: 'Yes' },
        {
          value: 'no',
          text: 'No',
          conditional: html`<${Textarea}
            id="family-why-not"
            name="whyNot"
            label="Why has the family not been told?"
            rows=${3}
            value=${whyNot}
            error=${e['family-why-not']}
            onInput=${setWhyNot}
          />`,
        },
      ]}
      value=${told}
      error=${e['family-told']}
      onChange=${setTold}
    />
    <${Textarea}
      id="not-to-share"
      name="notToShare"
      label="Is there anything that must not be shared with the family? (optional)"
      labelClasses="govuk-label--m"
      hint="For example, who raised a concern, or where someone is now living, and why it must not be shared."
      rows=${4}
      value=${notToShare}
      error=${e['not-to-share']}
      onInput=${setNotToShare}
    />
  `;
}
