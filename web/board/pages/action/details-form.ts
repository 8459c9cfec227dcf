/**
 * Change the details: title, description, theme, ownership, subgroup and outcome measure. Only what the
 * person changes is sent.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { THEME_LABELS, THEMES } from '../../../../shared/board/labels.ts';
import type { ActionView } from '../../../../shared/board/schema.ts';
import { CheckboxGroup, Select, Textarea, TextInput, useFormState } from '../../../platform/ui.ts';
import { tooLong } from '../../forms.ts';
import { FormButtons, type FormProps, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';

type DetailKey =
  | 'title'
  | 'description'
  | 'theme'
  | 'ownerAgencyId'
  | 'lead'
  | 'subgroup'
  | 'measure'
  | 'baseline'
  | 'target'
  | 'current';

function detailValues(action: ActionView): Record<DetailKey, string> {
  return {
    title: action.title,
    description: action.description,
    theme: action.theme,
    ownerAgencyId: action.ownerAgencyId,
    lead: action.lead,
    subgroup: action.subgroup ?? '',
    measure: action.outcomeMeasure?.measure ?? '',
    baseline: action.outcomeMeasure?.baseline ?? '',
    target: action.outcomeMeasure?.target ?? '',
    current: action.outcomeMeasure?.current ?? '',
  };
}

const DETAIL_IDS: Record<DetailKey, string> = {
  title: 'title',
  description: 'description',
  theme: 'theme',
  ownerAgencyId: 'owner',
  lead: 'lead',
  subgroup: 'subgroup',
  measure: 'measure',
  baseline: 'baseline',
  target: 'target',
  current: 'current',
};

export function DetailsForm(props: FormProps): VNode {
  const { action } = props;
  // Only what the person changes is sent: after a conflict, the rest follows the action as it now is.
  const [edits, setEdits] = useState<Partial<Record<DetailKey, string>>>({});
  const [contributors, setContributors] = useState<string[] | null>(null);
  const s = useFormState();
  const stored = detailValues(action);
  const value = (key: DetailKey) => edits[key] ?? stored[key];
  const set = (key: DetailKey) => (v: string) => setEdits((e) => ({ ...e, [key]: v }));
  const shownContributors = contributors ?? action.contributingAgencyIds;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const v = (key: DetailKey) => value(key).trim();
    const found: Record<string, string> = {
      title: !v('title') ? 'Enter a title' : (tooLong('The title', v('title'), 200) ?? ''),
      description: !v('description')
        ? 'Describe the action'
        : (tooLong('The description', v('description'), 4000) ?? ''),
      lead: !v('lead') ? 'Enter who leads the action' : (tooLong('The lead', v('lead'), 120) ?? ''),
      subgroup: tooLong('The subgroup', v('subgroup'), 120) ?? '',
      measure:
        !v('measure') && (v('baseline') || v('target') || v('current'))
          ? 'Describe the outcome measure, or leave the baseline, target and current value empty'
          : (tooLong('The outcome measure', v('measure'), 300) ?? ''),
      baseline: tooLong('The baseline', v('baseline'), 120) ?? '',
      target: tooLong('The target', v('target'), 120) ?? '',
      current: tooLong('The current value', v('current'), 120) ?? '',
    };
    if (Object.values(found).some(Boolean)) {
      s.fail(found, ['title', 'description', 'lead', 'subgroup', 'measure', 'baseline', 'target', 'current']);
      return;
    }
    const patch: Record<string, unknown> = {};
    for (const key of ['title', 'description', 'theme', 'ownerAgencyId', 'lead', 'subgroup'] as const) {
      if (edits[key] !== undefined && v(key) !== stored[key]) patch[key] = v(key);
    }
    const measureKeys = ['measure', 'baseline', 'target', 'current'] as const;
    if (measureKeys.some((k) => edits[k] !== undefined && v(k) !== stored[k]) && v('measure')) {
      patch.outcomeMeasure = Object.fromEntries(measureKeys.map((k) => [k, v(k)]));
    }
    if (
      contributors !== null &&
      [...contributors].sort().join() !== [...action.contributingAgencyIds].sort().join()
    ) {
      patch.contributingAgencyIds = contributors;
    }
    if (Object.keys(patch).length === 0) {
      s.fail({ title: 'You have not changed anything. Change a detail, or cancel.' }, ['title']);
      return;
    }
    await run(s, props, {
      what: 'Your change to the details',
      method: 'PATCH',
      path: '',
      body: patch,
      flash: () => ({ heading: 'Details changed' }),
      fieldId: (field) => {
        const key = field.replace(/^outcomeMeasure\./, '') as DetailKey;
        return DETAIL_IDS[key] ?? (field.startsWith('contributing') ? 'contributors' : null);
      },
      fallbackId: 'title',
    });
  };

  const agencyOptions = props.agencies
    .filter((a) => a.active || a.id === value('ownerAgencyId'))
    .map((a) => ({ value: a.id, text: a.name }));
  return html`
    <${FormShell} form=${props} state=${s} heading="Change the details">
      <form novalidate onSubmit=${onSubmit}>
        <${TextInput} id="title" name="title" label="Title" labelClasses="govuk-label--s" value=${value('title')} error=${s.fields.title} onInput=${set('title')} />
        <${Textarea} id="description" name="description" label="Description" labelClasses="govuk-label--s" value=${value('description')} error=${s.fields.description} rows=${5} onInput=${set('description')} />
        <${Select}
          id="theme"
          name="theme"
          label="Theme"
          labelClasses="govuk-label--s"
          value=${value('theme')}
          options=${THEMES.map((t) => ({ value: t, text: THEME_LABELS[t] }))}
          onChange=${set('theme')}
        />
        <${Select}
          id="owner"
          name="ownerAgencyId"
          label="Owner agency"
          labelClasses="govuk-label--s"
          hint="The agency accountable to the board for the action"
          value=${value('ownerAgencyId')}
          options=${agencyOptions}
          error=${s.fields.owner}
          onChange=${set('ownerAgencyId')}
        />
        <${TextInput} id="lead" name="lead" label="Lead" labelClasses="govuk-label--s" hint="The person accountable, for example Head of Early Help" value=${value('lead')} error=${s.fields.lead} onInput=${set('lead')} />
        <${CheckboxGroup}
          idPrefix="contributors"
          name="contributingAgencyIds"
          legend="Contributing agencies (optional)"
          items=${props.agencies.filter((a) => a.id !== value('ownerAgencyId') && (a.active || shownContributors.includes(a.id))).map((a) => ({ value: a.id, text: a.name }))}
          values=${shownContributors}
          onChange=${setContributors}
        />
        <${TextInput} id="subgroup" name="subgroup" label="Subgroup (optional)" labelClasses="govuk-label--s" hint="The board subgroup that oversees it, for example Quality assurance" value=${value('subgroup')} error=${s.fields.subgroup} onInput=${set('subgroup')} />
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Outcome measure (optional)</legend>
          <${TextInput} id="measure" name="measure" label="What is measured" value=${value('measure')} error=${s.fields.measure} onInput=${set('measure')} />
          <${TextInput} id="baseline" name="baseline" label="Baseline" inputClasses="govuk-input--width-20" value=${value('baseline')} error=${s.fields.baseline} onInput=${set('baseline')} />
          <${TextInput} id="target" name="target" label="Target" inputClasses="govuk-input--width-20" value=${value('target')} error=${s.fields.target} onInput=${set('target')} />
          <${TextInput} id="current" name="current" label="Current value" inputClasses="govuk-input--width-20" value=${value('current')} error=${s.fields.current} onInput=${set('current')} />
        </fieldset>
        <${FormButtons} action=${action} busy=${s.busy} text="Save the details" busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
