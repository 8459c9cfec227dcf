/**
 * The new action's form: one page, as the action is one record a business manager types up from a
 * board paper. Errors are checked here first, then by the API, and either way shown in an error
 * summary and beside each field.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { SOURCE_KINDS, SOURCE_LABELS, THEME_LABELS, THEMES } from '../../../../shared/board/labels.ts';
import type { ActionView } from '../../../../shared/board/schema.ts';
import type { AgencyName } from '../../../platform/agencies.ts';
import { apiPost } from '../../../platform/api.ts';
import {
  Button,
  CheckboxGroup,
  DateInput,
  type DateParts,
  type ErrorSummaryItem,
  FormPage,
  PageHeading,
  Radios,
  Select,
  setTitle,
  Textarea,
  TextInput,
} from '../../../platform/ui.ts';
import { describeRefusal } from '../../forms.ts';
import { actionUrl } from '../../views.ts';
import { checkValues, emptyValues, FIELD_IDS, summaryItems, type Values } from './values.ts';

export const HEADING = 'Add an action';

export function NewActionForm(props: { agencies: AgencyName[]; reference: string }): VNode {
  const [values, setValues] = useState<Values>(() => emptyValues(props.reference));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [dateErrorParts, setDateErrorParts] = useState<Record<string, (keyof DateParts)[]>>({});
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => setTitle(HEADING, errors.length > 0), [errors.length]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const checked = checkValues(values);
    setDateErrorParts(checked.ok ? {} : checked.parts);
    if (!checked.ok) {
      setFields(checked.found);
      setErrors(summaryItems(checked.found, checked.parts));
      return;
    }
    setBusy(true);
    try {
      const created = await apiPost<ActionView>('/board/actions', checked.body);
      window.location.assign(actionUrl(created.id, '&added=1'));
    } catch (error) {
      setBusy(false);
      const refusal = describeRefusal(error, (f) => FIELD_IDS[f] ?? null, 'reference');
      const byField: Record<string, string> = {};
      for (const [id, reason] of Object.entries(refusal.fields)) byField[id.replace(/-day$/, '')] = reason;
      setFields(byField);
      setErrors(refusal.items);
    }
  };

  const active = props.agencies.filter((a) => a.active);
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href="/board/">Back to the action plan</a>`}
      errors=${errors}
      submissions=${submissions}
    >
      <${PageHeading} caption="Safeguarding partnership board" text=${HEADING} size="l" />
      <p class="govuk-body">The action is added to the plan as not started. Its RAG is worked out from its dates and progress.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${TextInput} id="reference" name="reference" label="Reference" labelClasses="govuk-label--s"
          hint=${`The plan's next free reference is ${props.reference}`} inputClasses="govuk-input--width-10"
          value=${values.reference} error=${fields.reference} spellcheck=${false} onInput=${set('reference')} />
        <${TextInput} id="title" name="title" label="Title" labelClasses="govuk-label--s"
          hint="What will be done, in a few words, for example Joint commissioning of early help for exploitation"
          value=${values.title} error=${fields.title} onInput=${set('title')} />
        <${Textarea} id="description" name="description" label="Description" labelClasses="govuk-label--s"
          hint="What the action involves and what will be different when it is done" value=${values.description}
          error=${fields.description} rows=${5} onInput=${set('description')} />

        <${Radios}
          idPrefix="source-kind"
          name="sourceKind"
          legend="Where does the action come from?"
          legendClasses="govuk-fieldset__legend--m"
          items=${SOURCE_KINDS.map((k) => ({ value: k, text: SOURCE_LABELS[k] }))}
          value=${values.sourceKind}
          error=${fields['source-kind']}
          onChange=${set('sourceKind')}
        />
        <${TextInput} id="source-reference" name="sourceReference" label="Source document" labelClasses="govuk-label--s"
          hint="For example, Inspection of children's services, March 2026" value=${values.sourceReference}
          error=${fields['source-reference']} onInput=${set('sourceReference')} />
        <${TextInput} id="source-paragraph" name="paragraph" label="Paragraph or recommendation number (optional)"
          labelClasses="govuk-label--s" inputClasses="govuk-input--width-5" value=${values.paragraph}
          error=${fields['source-paragraph']} onInput=${set('paragraph')} />

        <h2 class="govuk-heading-m">Theme and ownership</h2>
        <${Select} id="theme" name="theme" label="Theme" labelClasses="govuk-label--s" placeholder="Choose a theme"
          value=${values.theme} options=${THEMES.map((t) => ({ value: t, text: THEME_LABELS[t] }))}
          error=${fields.theme} onChange=${set('theme')} />
        <${Select} id="owner" name="ownerAgencyId" label="Owner agency" labelClasses="govuk-label--s"
          hint="The agency accountable to the board for the action" placeholder="Choose an agency"
          value=${values.owner} options=${active.map((a) => ({ value: a.id, text: a.name }))}
          error=${fields.owner} onChange=${set('owner')} />
        <${TextInput} id="lead" name="lead" label="Lead" labelClasses="govuk-label--s"
          hint="The person accountable, for example Head of Early Help" value=${values.lead} error=${fields.lead}
          onInput=${set('lead')} />
        <${CheckboxGroup}
          idPrefix="contributors"
          name="contributingAgencyIds"
          legend="Contributing agencies (optional)"
          items=${active.filter((a) => a.id !== values.owner).map((a) => ({ value: a.id, text: a.name }))}
          values=${values.contributors}
          onChange=${set('contributors')}
        />
        <${TextInput} id="subgroup" name="subgroup" label="Subgroup (optional)" labelClasses="govuk-label--s"
          hint="The board subgroup that oversees it, for example Quality assurance" value=${values.subgroup}
          error=${fields.subgroup} onInput=${set('subgroup')} />

        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Outcome measure (optional)</legend>
          <div class="govuk-hint">How the board will know the action made a difference</div>
          <${TextInput} id="measure" name="measure" label="What is measured"
            hint="For example, referrals from schools decided at the level the guidance suggests"
            value=${values.measure} error=${fields.measure} onInput=${set('measure')} />
          <${TextInput} id="baseline" name="baseline" label="Baseline" inputClasses="govuk-input--width-20"
            value=${values.baseline} error=${fields.baseline} onInput=${set('baseline')} />
          <${TextInput} id="target" name="target" label="Target" inputClasses="govuk-input--width-20"
            value=${values.target} error=${fields.target} onInput=${set('target')} />
          <${TextInput} id="current" name="current" label="Current value" inputClasses="govuk-input--width-20"
            value=${values.current} error=${fields.current} onInput=${set('current')} />
        </fieldset>

        <h2 class="govuk-heading-m">Dates</h2>
        <${DateInput} id="start" name="startDate" legend="Start date" legendClasses="govuk-fieldset__legend--s"
          hint="For example, 1 4 2026" value=${values.start} error=${fields.start}
          errorParts=${dateErrorParts.start} onChange=${set('start')} />
        <${DateInput} id="due" name="dueDate" legend="Due date" legendClasses="govuk-fieldset__legend--s"
          hint="For example, 31 3 2027" value=${values.due} error=${fields.due}
          errorParts=${dateErrorParts.due} onChange=${set('due')} />

        <${Button} text=${busy ? 'Adding…' : 'Add the action'} disabled=${busy} />
      </form>
    </${FormPage}>
  `;
}
