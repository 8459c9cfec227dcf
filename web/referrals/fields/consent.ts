/**
 * Consent: given, refused or not sought, by whom and when, or why not; the suggested level’s rule in
 * the guidance version, and why a referral without consent cannot be sent where that rule needs it.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { levelLabel } from '../../../shared/guidance/check.ts';
import { consentRule } from '../../../shared/guidance/views/basics.ts';
import {
  CONSENT_NOT_SOUGHT_LABELS,
  CONSENT_NOT_SOUGHT_REASONS as CONSENT_NOT_SOUGHT_REASON_LIST,
  type ConsentStatus,
  type NotSoughtReason,
} from '../../../shared/referrals/labels.ts';
import { CONSENT_REFUSAL_REASON, consentRuleOf } from '../../../shared/referrals/rules.ts';
import {
  DateInput,
  type DateParts,
  dateParts,
  hasDate,
  parseDateParts,
  Radios,
  TextInput,
  WarningText,
} from '../../platform/ui.ts';
import { suggestedLevelOf } from '../progress.ts';
import { ConditionalRadios, type FieldsProps, opt, type Problems, todayIso } from './shared.ts';

// Consent -------------------------------------------------------------------------------------------

export function ConsentFields(props: FieldsProps): VNode {
  const consent = props.referral.consent;
  const [status, setStatus] = useState<ConsentStatus | null>(consent?.status ?? null);
  const [byWhom, setByWhom] = useState(consent?.byWhom ?? '');
  const [date, setDate] = useState<DateParts>(dateParts(consent?.date));
  const [dateErrorParts, setDateErrorParts] = useState<(keyof DateParts)[]>([]);
  const [reason, setReason] = useState<NotSoughtReason | null>(consent?.notSoughtReason ?? null);
  const level = suggestedLevelOf(props.referral, props.framework);
  const record = level ? props.framework?.levels.find((l) => l.level === level) : undefined;
  const e = props.errors;

  props.bind(() => {
    if (!status) return { patch: {} };
    const problems: Problems = [];
    let iso: string | undefined;
    if (status !== 'not_sought' && hasDate(date)) {
      const parsed = parseDateParts(
        date,
        status === 'given' ? 'The date consent was given' : 'The date consent was refused',
      );
      if ('error' in parsed) {
        problems.push([`consent-date-${parsed.parts[0] ?? 'day'}`, parsed.error]);
        setDateErrorParts(parsed.parts);
      } else if (parsed.date > todayIso()) {
        problems.push(['consent-date-day', 'The date must be today or in the past']);
        setDateErrorParts(['day', 'month', 'year']);
      } else {
        iso = parsed.date;
        setDateErrorParts([]);
      }
    }
    if (problems.length) return { problems };
    return {
      patch: {
        consent: {
          status,
          ...(status !== 'not_sought' && opt(byWhom) ? { byWhom: byWhom.trim() } : {}),
          ...(status !== 'not_sought' && iso ? { date: iso } : {}),
          ...(status === 'not_sought' && reason ? { notSoughtReason: reason } : {}),
        },
      },
    };
  });

  const dateError = e['consent-date-day'] ?? e['consent-date-month'] ?? e['consent-date-year'];
  const whoAndWhen = (what: 'gave' | 'refused') => html`
    <${TextInput}
      id="consent-by-whom"
      name="byWhom"
      label=${what === 'gave' ? 'Who gave consent?' : 'Who refused consent?'}
      hint="Their name and relationship to the child, for example Sarah Fairbrook, mother"
      value=${byWhom}
      error=${e['consent-by-whom']}
      autocomplete="off"
      onInput=${setByWhom}
    />
    <${DateInput}
      id="consent-date"
      name="consentDate"
      legend=${what === 'gave' ? 'When did they give consent?' : 'When did they refuse?'}
      legendClasses="govuk-fieldset__legend--s"
      hint=${`For example, ${new Date().getDate()} ${new Date().getMonth() + 1} ${new Date().getFullYear()}`}
      value=${date}
      error=${dateError}
      errorParts=${dateErrorParts.length ? dateErrorParts : undefined}
      onChange=${setDate}
    />
  `;
  // Read from the guidance version's rule for the suggested level, as the API reads it.
  const refusedWhereNeeded =
    (status === 'refused' || status === 'not_sought') && consentRuleOf(props.framework, level).required;

  const intro = record
    ? html`<div class="govuk-inset-text">
            The indicators you chose suggest <strong>${levelLabel(record)}</strong>. ${consentRule(record)}
            <span class="govuk-body-s app-block">${record.consent.guidance}</span>
          </div>`
    : html`<div class="govuk-inset-text">
            Choose the indicators first: the guidance says, level by level, whether the family’s informed consent is needed before you refer.
          </div>`;
  return html`
    <${ConditionalRadios}
      idPrefix="consent-status"
      legend="Has the family agreed to this referral?"
      legendIsPageHeading=${true}
      intro=${intro}
      hint="Early help is voluntary: the parents or carers, and the child where they are old enough to understand, agree to it."
      value=${status}
      error=${e['consent-status']}
      onChange=${(value: string) => setStatus(value as ConsentStatus)}
      items=${[
        {
          value: 'given',
          text: 'Yes, the family gave their informed consent',
          conditional: whoAndWhen('gave'),
        },
        { value: 'refused', text: 'No, the family refused', conditional: whoAndWhen('refused') },
        {
          value: 'not_sought',
          text: 'Consent was not sought',
          hint: 'Only where the guidance does not need consent at this level, and asking would put the child or someone else at greater risk',
          conditional: html`<${Radios}
            idPrefix="consent-reason"
            name="notSoughtReason"
            legend="Why was consent not sought?"
            legendClasses="govuk-fieldset__legend--s"
            items=${CONSENT_NOT_SOUGHT_REASON_LIST.map((value) => ({ value, text: CONSENT_NOT_SOUGHT_LABELS[value] }))}
            value=${reason}
            error=${e['consent-reason']}
            onChange=${(value: string) => setReason(value as NotSoughtReason)}
          />`,
        },
      ]}
    />
    ${
      refusedWhereNeeded
        ? html`<${WarningText} id="consent-warning">
            You will not be able to send this referral. ${CONSENT_REFUSAL_REASON}
          </${WarningText}>`
        : null
    }
  `;
}
