/**
 * The step-down form: one page, as the front door types up social care's handover in one sitting:
 * the child, the parent or carer, the family's consent to early help, the case and the level, and
 * the agency asked to lead. Checked here first with the API's own rules, then by the API, and either
 * way shown in an error summary and beside each field. The same step-down sent twice (the same case
 * reference and date) is recorded once: the page then links to the episode that exists.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { STEP_DOWN_LEVELS, type StepDownLevel } from '../../../../shared/early-help/labels.ts';
import type { AgencyName } from '../../../platform/agencies.ts';
import { ApiError, apiRequest } from '../../../platform/api.ts';
import type { DateParts } from '../../../platform/date-input.ts';
import { describeRefusal } from '../../../platform/refusal.ts';
import {
  Button,
  DateInput,
  FormPage,
  PageHeading,
  Radios,
  Select,
  setTitle,
  Textarea,
  TextInput,
  useFormState,
} from '../../../platform/ui.ts';
import { type Episode, episodeUrl } from '../../api.ts';
import { ANCHORS, checkValues, emptyValues, FIELD_IDS, FIELD_ORDER, type Values } from './values.ts';

export const HEADING = 'Record a step-down from social care';

const LEVEL_HINTS: Record<StepDownLevel, string> = {
  2: 'Needs one agency can meet, with the family',
  3: 'Needs a team around the family, with a lead practitioner',
};

export function StepDownForm(props: { agencies: AgencyName[] }): VNode {
  const [values, setValues] = useState<Values>(emptyValues);
  const [dateParts, setDateParts] = useState<Record<string, (keyof DateParts)[]>>({});
  const [existing, setExisting] = useState<Episode | null>(null);
  const s = useFormState();
  useEffect(() => setTitle(HEADING, s.errors.length > 0), [s.errors.length]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const text = (key: keyof Values, id: string, label: string, extra: Record<string, unknown> = {}) =>
    html`<${TextInput} id=${id} name=${key} label=${label} value=${values[key] as string}
      error=${s.fields[id]} onInput=${set(key)} ...${extra} />`;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    setExisting(null);
    const checked = checkValues(values, new Date());
    setDateParts(checked.ok ? {} : checked.parts);
    if (!checked.ok) {
      s.fail(checked.found, FIELD_ORDER, ANCHORS);
      return;
    }
    s.setBusy(true);
    try {
      const { data } = await apiRequest<Episode>('/step-downs', { method: 'POST', body: checked.body });
      window.location.assign(episodeUrl(data.id));
    } catch (error) {
      s.setBusy(false);
      const current = error instanceof ApiError && error.status === 409 ? conflictEpisode(error) : null;
      if (current) setExisting(current);
      const refusal = describeRefusal(error, (f) => FIELD_IDS[f] ?? null, 'first-name', {
        byStatus: {
          409: {
            text: 'This step-down is recorded already: the same case reference and date',
            href: '#existing',
          },
        },
      });
      s.setFields(refusal.fields);
      // A date's or a radio group's summary link goes to its first box.
      s.setErrors(
        refusal.items.map((item) => ({
          ...item,
          href: `#${ANCHORS[item.href.slice(1)] ?? item.href.slice(1)}`,
        })),
      );
    }
  };

  const active = props.agencies.filter((a) => a.active);
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href="/early-help/">Back to early help</a>`}
      errors=${s.errors}
      submissions=${s.submissions}
      banner=${
        existing
          ? html`<div class="govuk-inset-text" id="existing" tabindex="-1">
              This step-down is recorded already as episode ${existing.reference}.
              <a class="govuk-link" href=${episodeUrl(existing.id)}>Open episode ${existing.reference}</a>
            </div>`
          : null
      }
    >
      <${PageHeading} caption="Children’s Front Door" text=${HEADING} size="l" />
      <p class="govuk-body">
        When children’s social care closes a case to early help, record the handover here. The episode starts on the
        date of the step-down, and its timers run from then, as for an episode started from a decision.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <h2 class="govuk-heading-m">The child</h2>
        ${text('firstName', 'first-name', 'First name', { autocomplete: 'off', spellcheck: false })}
        ${text('lastName', 'last-name', 'Last name', { autocomplete: 'off', spellcheck: false })}
        <${DateInput} id="date-of-birth" name="dateOfBirth" legend="Date of birth" legendClasses="govuk-fieldset__legend--s"
          hint="For example, 9 4 2016" value=${values.dateOfBirth} error=${s.fields['date-of-birth']}
          errorParts=${dateParts['date-of-birth']} onChange=${set('dateOfBirth')} />
        ${text('school', 'school', 'School or setting (optional)')}
        ${text('addressLine1', 'address-line-1', 'Address line 1')}
        ${text('town', 'town', 'Town or city', { inputClasses: 'govuk-!-width-two-thirds' })}
        ${text('postcode', 'postcode', 'Postcode', { inputClasses: 'govuk-input--width-10', autocomplete: 'off' })}

        <h2 class="govuk-heading-m">The parent or carer</h2>
        <p class="govuk-body">An adult with parental responsibility for the child.</p>
        ${text('adultName', 'adult-name', 'Full name')}
        ${text('adultRelationship', 'adult-relationship', 'Relationship to the child', {
          hint: 'For example, mother',
          inputClasses: 'govuk-input--width-20',
        })}

        <${Radios}
          idPrefix="consent"
          name="consent"
          legend="Has the family agreed to early help?"
          legendClasses="govuk-fieldset__legend--m"
          hint="Early help is offered to a family, never imposed: it starts only with their agreement"
          items=${[
            {
              value: 'given',
              text: 'Yes, they agreed',
              conditional: html`
                <${TextInput} id="consent-by" name="consentBy" label="Who agreed" value=${values.consentBy}
                  error=${s.fields['consent-by']} onInput=${set('consentBy')} />
                <${DateInput} id="consent-on" name="consentOn" legend="When they agreed" value=${values.consentOn}
                  error=${s.fields['consent-on']} errorParts=${dateParts['consent-on']} onChange=${set('consentOn')} />
              `,
            },
            { value: 'refused', text: 'No, they did not agree' },
          ]}
          value=${values.consent}
          error=${s.fields.consent}
          onChange=${(v: string) => set('consent')(v as Values['consent'])}
        />

        <h2 class="govuk-heading-m">Social care’s handover</h2>
        ${text('caseReference', 'case-reference', 'Social care case reference', {
          hint: 'As children’s social care’s own system has it',
          inputClasses: 'govuk-input--width-20',
          spellcheck: false,
        })}
        ${text('socialWorker', 'social-worker', 'Social worker')}
        <${DateInput} id="stepped-down-on" name="steppedDownOn" legend="Date of the step-down"
          legendClasses="govuk-fieldset__legend--s" hint="The day social care closed the case to early help, in the last 13 weeks"
          value=${values.steppedDownOn} error=${s.fields['stepped-down-on']} errorParts=${dateParts['stepped-down-on']}
          onChange=${set('steppedDownOn')} />
        <${Radios}
          idPrefix="level"
          name="level"
          legend="Level of need the child steps down to"
          legendClasses="govuk-fieldset__legend--s"
          items=${STEP_DOWN_LEVELS.map((level) => ({ value: String(level), text: `Level ${level}`, hint: LEVEL_HINTS[level] }))}
          value=${values.level === null ? null : String(values.level)}
          error=${s.fields.level}
          onChange=${(v: string) => set('level')(Number(v) as StepDownLevel)}
        />
        <${Textarea} id="summary" name="summary" label="Why the child steps down, and what help the family still needs"
          labelClasses="govuk-label--s" rows=${6} value=${values.summary} error=${s.fields.summary}
          onInput=${set('summary')} />

        <${Select} id="lead-agency" name="leadAgencyId" label="Agency asked to lead (optional)" labelClasses="govuk-label--s"
          hint="You can ask an agency later, from the episode" placeholder="Choose an agency"
          value=${values.leadAgencyId} options=${active.map((a) => ({ value: a.id, text: a.name }))}
          error=${s.fields['lead-agency']} onChange=${set('leadAgencyId')} />

        <${Button} text=${s.busy ? 'Recording…' : 'Record the step-down'} disabled=${s.busy} />
      </form>
    </${FormPage}>
  `;
}

/** The episode a 409 carries: the one this step-down started before. */
function conflictEpisode(error: ApiError): Episode | null {
  const current = error.problem.current as Episode | undefined;
  return current && typeof current.id === 'string' ? current : null;
}
