/**
 * The service's form: every field of an entry on one page, in the order a provider describes a
 * service (what it is, who it is for, where, what it costs, how to get in, when and in what
 * languages). Each input shows the API's reason beside it when a save is refused.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { DISTRICT_IDS } from '../../../../shared/services/districts.ts';
import { ACCESS_LABELS, ACCESS_ROUTES, MAX_AGE, SERVICE_LEVELS } from '../../../../shared/services/labels.ts';
import { districtName, type NeedOption } from '../../../../shared/views/services/facts.ts';
import { Button, cx, ErrorMessage, Radios, Select, Textarea, TextInput } from '../../../platform/ui.ts';
import { Choices, GroupedChoices } from './choices.ts';
import type { Values } from './values.ts';

export interface ServiceFormProps {
  values: Values;
  set: <K extends keyof Values>(key: K) => (value: Values[K]) => void;
  /** Each input's message, by its id. */
  fields: Record<string, string>;
  needs: NeedOption[];
  /** The editor's own agency, which a provider's editor lists as the provider. */
  own: { id: string; name: string } | null;
  busy: boolean;
  submitText: string;
  onSubmit: (event: Event) => void;
}

function needGroups(needs: NeedOption[]) {
  const domains = [...new Set(needs.map((n) => n.domain))];
  return domains.map((domain) => ({
    legend: domain,
    items: needs.filter((n) => n.domain === domain).map((n) => ({ value: n.id, text: n.label })),
  }));
}

const districtOptions = DISTRICT_IDS.map((d) => ({ value: d, text: districtName(d) }));

/** The youngest and oldest ages, as GOV.UK's pattern for a pair of short inputs in one fieldset. */
function AgesField(props: ServiceFormProps): VNode {
  const { values, set, fields } = props;
  const error = fields['age-from'] ?? fields['age-to'];
  const input = (id: 'age-from' | 'age-to', label: string, key: 'ageFrom' | 'ageTo') => html`
    <div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for=${id}>${label}</label>
        <input class=${cx('govuk-input govuk-date-input__input govuk-input--width-3', fields[id] && 'govuk-input--error')}
          id=${id} name=${id} type="text" inputmode="numeric" value=${values[key]}
          onInput=${(e: Event) => set(key)((e.currentTarget as HTMLInputElement).value)} />
      </div>
    </div>
  `;
  return html`
    <div class=${cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby=${error ? 'ages-hint ages-error' : 'ages-hint'}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Ages it serves</legend>
        <div id="ages-hint" class="govuk-hint">In whole years, from 0 to ${MAX_AGE}. Use 0 for a service before birth or for babies.</div>
        ${error ? html`<${ErrorMessage} id="ages-error" text=${error} />` : null}
        <div class="govuk-date-input">
          ${input('age-from', 'From', 'ageFrom')}
          ${input('age-to', 'To', 'ageTo')}
        </div>
      </fieldset>
    </div>
  `;
}

export function ServiceForm(props: ServiceFormProps): VNode {
  const { values, set, fields, own } = props;
  const otherName = html`<${TextInput} id="provider-name" name="providerName" label="The organisation’s name"
    value=${values.providerName} error=${fields['provider-name']} onInput=${set('providerName')} />`;
  return html`
    <form novalidate onSubmit=${props.onSubmit}>
      <${TextInput} id="name" name="name" label="Service name" labelClasses="govuk-label--s"
        value=${values.name} error=${fields.name} onInput=${set('name')} />
      <${Radios}
        idPrefix="provider"
        name="provider"
        legend="Who provides it"
        legendClasses="govuk-fieldset__legend--s"
        hint="Only the partnership’s directory editors can list an organisation other than their own"
        items=${[
          ...(own ? [{ value: 'own', text: own.name }] : []),
          { value: 'other', text: 'Another organisation', conditional: otherName },
        ]}
        value=${values.provider}
        error=${fields.provider}
        onChange=${(v: string) => set('provider')(v === 'other' ? 'other' : 'own')}
      />
      <${Textarea} id="summary" name="summary" label="What it offers" labelClasses="govuk-label--s"
        hint="In plain English, as a parent would read it" value=${values.summary} error=${fields.summary}
        rows=${5} onInput=${set('summary')} />

      <h2 class="govuk-heading-m">Who it is for</h2>
      <${GroupedChoices} idPrefix="needs" name="needs" heading="Needs it meets"
        hint="From the threshold guidance. Choose all that apply." groups=${needGroups(props.needs)}
        values=${values.needs} error=${fields.needs} onChange=${set('needs')} />
      <${Choices} idPrefix="levels" name="levels" legend="Levels of need it serves"
        items=${SERVICE_LEVELS.map((l) => ({ value: String(l), text: `Level ${l}` }))}
        values=${values.levels} error=${fields.levels} onChange=${set('levels')} />
      <${AgesField} ...${props} />

      <h2 class="govuk-heading-m">Where</h2>
      <${Radios}
        idPrefix="area"
        name="area"
        legend="Area it covers"
        legendClasses="govuk-fieldset__legend--s"
        items=${[
          { value: 'county', text: 'The whole county' },
          {
            value: 'districts',
            text: 'Some postcode districts',
            conditional: html`<${Choices} idPrefix="districts" name="districts" legend="Districts it covers"
              items=${districtOptions} values=${values.districts} error=${fields.districts} onChange=${set('districts')} />`,
          },
        ]}
        value=${values.area || null}
        error=${fields.area ?? (values.area !== 'districts' ? fields.districts : undefined)}
        onChange=${(v: string) => set('area')(v === 'county' ? 'county' : 'districts')}
      />
      <${Select} id="base-district" name="baseDistrict" label="Where it is delivered from" labelClasses="govuk-label--s"
        hint="Searches put the services delivered nearest the family first" placeholder="Choose a district"
        value=${values.baseDistrict} options=${districtOptions} error=${fields['base-district']}
        onChange=${set('baseDistrict')} />

      <h2 class="govuk-heading-m">Cost and how to get in</h2>
      <${Radios}
        idPrefix="free"
        name="free"
        legend="Is it free to families?"
        legendClasses="govuk-fieldset__legend--s"
        items=${[{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No, there is a charge' }]}
        value=${values.free || null}
        error=${fields.free}
        onChange=${(v: string) => set('free')(v === 'yes' ? 'yes' : 'no')}
      />
      <${TextInput} id="cost-details" name="costDetails" label="About the cost (optional)" labelClasses="govuk-label--s"
        hint="For example, £3 a session, free for families on benefits" value=${values.costDetails}
        error=${fields['cost-details']} onInput=${set('costDetails')} />
      <${Choices} idPrefix="access" name="access" legend="How families get in"
        items=${ACCESS_ROUTES.map((a) => ({ value: a, text: ACCESS_LABELS[a] }))}
        values=${values.access} error=${fields.access} onChange=${set('access')} />

      <h2 class="govuk-heading-m">Contact</h2>
      <${Textarea} id="how-to-refer" name="howToRefer" label="How to refer or get in touch" labelClasses="govuk-label--s"
        value=${values.howToRefer} error=${fields['how-to-refer']} rows=${4} onInput=${set('howToRefer')} />
      <p class="govuk-body">Give at least one of a phone number, an email address and a website.</p>
      <${TextInput} id="phone" name="phone" label="Phone (optional)" labelClasses="govuk-label--s"
        inputClasses="govuk-input--width-20" autocomplete="off" value=${values.phone} error=${fields.phone}
        onInput=${set('phone')} />
      <${TextInput} id="email" name="email" type="email" label="Email address (optional)" labelClasses="govuk-label--s"
        spellcheck=${false} autocomplete="off" value=${values.email} error=${fields.email} onInput=${set('email')} />
      <${TextInput} id="website" name="website" label="Website (optional)" labelClasses="govuk-label--s"
        hint="Starting https://" spellcheck=${false} value=${values.website} error=${fields.website}
        onInput=${set('website')} />

      <h2 class="govuk-heading-m">When, and in what languages</h2>
      <${TextInput} id="opening-times" name="openingTimes" label="Opening times" labelClasses="govuk-label--s"
        hint="For example, Mondays to Fridays, 9am to 5pm" value=${values.openingTimes}
        error=${fields['opening-times']} onInput=${set('openingTimes')} />
      <${TextInput} id="languages" name="languages" label="Languages" labelClasses="govuk-label--s"
        hint="Separate them with commas, for example English, Polish, Urdu" value=${values.languages}
        error=${fields.languages} onInput=${set('languages')} />
      <${Textarea} id="accessibility" name="accessibility" label="Accessibility (optional)" labelClasses="govuk-label--s"
        hint="For example, step-free access, a hearing loop, home visits" value=${values.accessibility}
        error=${fields.accessibility} rows=${3} onInput=${set('accessibility')} />

      <${Button} text=${props.busy ? 'Saving…' : props.submitText} disabled=${props.busy} />
    </form>
  `;
}
