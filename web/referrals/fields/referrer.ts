/**
 * About you: the referrer's role, a number the Front Door can call them on, and their designated
 * safeguarding lead; from the police, the incident or crime number and the DASH risk level too.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import {
  DASH_LABELS,
  DASH_RISKS,
  type DashRisk,
  PHONE_PATTERN,
} from '../../../shared/referrals/form-labels.ts';
import type { ReferralContent } from '../../../shared/referrals/schema.ts';
import { Radios, TextInput } from '../../platform/ui.ts';
import { type FieldsProps, opt, type Problems } from './shared.ts';

export function ReferrerFields(props: FieldsProps): VNode {
  const { referrer, police } = props.referral;
  const isPolice = props.agencyKind === 'police';
  const [v, setV] = useState({
    role: referrer?.role ?? '',
    phone: referrer?.phone ?? '',
    dslName: referrer?.dslName ?? '',
    incidentNumber: police?.incidentNumber ?? '',
    crimeNumber: police?.crimeNumber ?? '',
  });
  const [dashRisk, setDashRisk] = useState<DashRisk | null>(police?.dashRisk ?? null);
  const set = (key: keyof typeof v) => (value: string) => setV((current) => ({ ...current, [key]: value }));
  const e = props.errors;

  props.bind(() => {
    const problems: Problems = [];
    const phone = v.phone.trim();
    if (phone && !PHONE_PATTERN.test(phone))
      problems.push(['referrer-phone', 'Enter a telephone number, like 01632 960 001']);
    if (problems.length) return { problems };
    const patch: ReferralContent = {};
    const next = {
      ...(opt(v.role) ? { role: v.role.trim() } : {}),
      ...(phone ? { phone } : {}),
      ...(opt(v.dslName) ? { dslName: v.dslName.trim() } : {}),
    };
    // Saved once anything is given, and after that even when cleared, so the task list shows it started.
    if (Object.keys(next).length || referrer) patch.referrer = next;
    if (isPolice) {
      const incident = {
        ...(opt(v.incidentNumber) ? { incidentNumber: v.incidentNumber.trim() } : {}),
        ...(opt(v.crimeNumber) ? { crimeNumber: v.crimeNumber.trim() } : {}),
        ...(dashRisk ? { dashRisk } : {}),
      };
      if (Object.keys(incident).length || police) patch.police = incident;
    }
    return { patch };
  });

  return html`
    <h1 class="govuk-heading-l">About you</h1>
    <p class="govuk-body">The Front Door may call you to talk about this request.</p>
    <${TextInput}
      id="referrer-role"
      name="role"
      label="Your role"
      hint="For example, designated safeguarding lead, class teacher, health visitor, police constable"
      value=${v.role}
      error=${e['referrer-role']}
      onInput=${set('role')}
    />
    <${TextInput}
      id="referrer-phone"
      name="phone"
      label="Telephone number"
      hint="A number the Front Door can reach you on during the working day"
      inputClasses="govuk-input--width-20"
      value=${v.phone}
      error=${e['referrer-phone']}
      autocomplete="tel"
      onInput=${set('phone')}
    />
    <${TextInput}
      id="referrer-dsl"
      name="dslName"
      label="Designated safeguarding lead (optional)"
      hint="Their name, if it is not you"
      value=${v.dslName}
      error=${e['referrer-dsl']}
      autocomplete="off"
      spellcheck=${false}
      onInput=${set('dslName')}
    />
    ${
      isPolice
        ? html`
          <h2 class="govuk-heading-m">The police incident</h2>
          <p class="govuk-body">Give the incident number or the crime number, or both.</p>
          <${TextInput}
            id="police-incident"
            name="incidentNumber"
            label="Incident number"
            inputClasses="govuk-input--width-20"
            value=${v.incidentNumber}
            error=${e['police-incident']}
            autocomplete="off"
            spellcheck=${false}
            onInput=${set('incidentNumber')}
          />
          <${TextInput}
            id="police-crime"
            name="crimeNumber"
            label="Crime number"
            inputClasses="govuk-input--width-20"
            value=${v.crimeNumber}
            error=${e['police-crime']}
            autocomplete="off"
            spellcheck=${false}
            onInput=${set('crimeNumber')}
          />
          <${Radios}
            idPrefix="police-dash"
            name="dashRisk"
            legend="What was the DASH risk level?"
            legendClasses="govuk-fieldset__legend--s"
            hint="From the domestic abuse, stalking and harassment risk checklist"
            items=${DASH_RISKS.map((value) => ({ value, text: DASH_LABELS[value] }))}
            value=${dashRisk}
            error=${e['police-dash']}
            onChange=${(value: string) => setDashRisk(value as DashRisk)}
          />
        `
        : null
    }
  `;
}
