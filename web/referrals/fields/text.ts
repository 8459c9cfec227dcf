/**
 * The one-answer question pages (other agencies, concerns, the child’s and the parents’ views) and what has been tried.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { Radios } from '../../platform/ui.ts';
import { type FieldsProps, QuestionTextarea } from './shared.ts';

// One text answer ------------------------------------------------------------------------------------

type TextField = 'otherAgencies' | 'concerns' | 'childViews' | 'parentViews';

function TextFields(
  props: FieldsProps & { id: string; field: TextField; label: string; hint: string; rows?: number },
): VNode {
  const [value, setValue] = useState(props.referral[props.field] ?? '');
  // Optional answers are saved even when blank, so the task list can show the question was seen.
  const optional = props.field === 'otherAgencies' || props.field === 'parentViews';
  props.bind(() => ({
    patch: value.trim() || optional ? { [props.field]: value.trim() } : {},
  }));
  return html`<${QuestionTextarea}
    id=${props.id}
    label=${props.label}
    hint=${props.hint}
    rows=${props.rows}
    value=${value}
    error=${props.errors[props.id]}
    onInput=${setValue}
  />`;
}

// What has been tried -------------------------------------------------------------------------------

export function SupportFields(props: FieldsProps): VNode {
  const [tried, setTried] = useState(props.referral.triedSoFar ?? '');
  const eha = props.referral.earlyHelpAssessmentInPlace;
  const [assessment, setAssessment] = useState<string | null>(eha === undefined ? null : eha ? 'yes' : 'no');
  props.bind(() => ({
    patch: {
      ...(tried.trim() ? { triedSoFar: tried.trim() } : {}),
      ...(assessment ? { earlyHelpAssessmentInPlace: assessment === 'yes' } : {}),
    },
  }));
  return html`
    <${QuestionTextarea}
      id="tried-so-far"
      label="What has been tried so far?"
      hint="The support you or others have offered, who gave it and what difference it made. For example, breakfast club, a talk with mum, a referral to the school nurse."
      value=${tried}
      error=${props.errors['tried-so-far']}
      onInput=${setTried}
    />
    <${Radios}
      idPrefix="eha"
      name="eha"
      legend="Is an Early Help Assessment in place?"
      legendClasses="govuk-fieldset__legend--m"
      hint="An Early Help Assessment and plan agreed with the family, by you or another practitioner"
      items=${[{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }]}
      value=${assessment}
      error=${props.errors.eha}
      onChange=${setAssessment}
    />
  `;
}

export const AgenciesFields = (p: FieldsProps): VNode =>
  html`<${TextFields}
    ...${p}
    id="other-agencies"
    field="otherAgencies"
    label="Which other agencies are involved? (optional)"
    hint="For example, the health visitor, CAMHS, a housing officer or a youth worker, with a name and contact if you have them. Leave it blank if there are none."
    rows=${5}
  />`;

export const ConcernsFields = (p: FieldsProps): VNode =>
  html`<${TextFields}
    ...${p}
    id="concerns"
    field="concerns"
    label="What are you worried about?"
    hint="In your own words: what you have seen and heard, when it happened, and what the child has said. Write the child’s words as they said them. You can come back and add more."
    rows=${10}
  />`;

export const ChildViewsFields = (p: FieldsProps): VNode =>
  html`<${TextFields}
    ...${p}
    id="child-views"
    field="childViews"
    label="What does the child say?"
    hint="What the child has told you about their life and what would help, in their own words where you can. If you could not ask them, say why, for example because of their age."
  />`;

export const ParentViewsFields = (p: FieldsProps): VNode =>
  html`<${TextFields}
    ...${p}
    id="parent-views"
    field="parentViews"
    label="What do the parents or carers say? (optional)"
    hint="What they think about the worries and about getting support."
  />`;
