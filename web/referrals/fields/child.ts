/**
 * The question page about the child: names, date of birth, sex, NHS number and UPN, language and an
 * interpreter, needs, school, GP, address, whereabouts.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import {
  SEND_LABELS,
  SEND_STATUSES,
  type SendStatus,
  UPN_PATTERN,
} from '../../../shared/referrals/form-labels.ts';
import { furtherAnswerProblems } from '../../../shared/referrals/form-rules.ts';
import { SEX_LABELS, type Sex, UK_POSTCODE } from '../../../shared/referrals/labels.ts';
import type { ReferralContent } from '../../../shared/referrals/schema.ts';
import {
  DateInput,
  type DateParts,
  dateParts,
  hasDate,
  parseDateParts,
  Radios,
  Textarea,
  TextInput,
} from '../../platform/ui.ts';
import { fieldTarget } from '../progress.ts';
import { type FieldsProps, normalisePostcode, opt, type Problems, todayIso } from './shared.ts';

/** The rules' own problems with these answers about the child, as the API will name them. */
const ruleProblems = (child: NonNullable<ReferralContent['child']>): Problems =>
  furtherAnswerProblems({ child })
    .filter((p) => p.field.startsWith('child.'))
    .map((p) => [fieldTarget(p.field).id, p.reason]);

/** "9434765919" or "943-476-5919" as "943 476 5919"; undefined unless it is ten digits. */
function nhsNumberOf(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '');
  return /^[0-9]{10}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
    : undefined;
}

// About the child -------------------------------------------------------------------------------------

export function ChildFields(props: FieldsProps): VNode {
  const child = props.referral.child ?? {};
  const [v, setV] = useState({
    firstName: child.firstName ?? '',
    lastName: child.lastName ?? '',
    knownAs: child.knownAs ?? '',
    sex: (child.sex ?? null) as Sex | null,
    ethnicity: child.ethnicity ?? '',
    firstLanguage: child.firstLanguage ?? '',
    needs: child.needsOrDisability ?? '',
    school: child.schoolOrSetting ?? '',
    line1: child.address?.line1 ?? '',
    line2: child.address?.line2 ?? '',
    town: child.address?.town ?? '',
    postcode: child.address?.postcode ?? '',
    whereabouts: child.currentWhereabouts ?? '',
    nhsNumber: child.nhsNumber ?? '',
    upn: child.upn ?? '',
    gp: child.gp ?? '',
    send: (child.send ?? null) as SendStatus | null,
    interpreter: (child.interpreter ? (child.interpreter.needed ? 'yes' : 'no') : null) as string | null,
    language: child.interpreter?.language ?? '',
  });
  const [dob, setDob] = useState<DateParts>(dateParts(child.dateOfBirth ?? child.expectedDateOfBirth));
  const [dobParts, setDobParts] = useState<(keyof DateParts)[]>([]);
  const set = (key: keyof typeof v) => (value: string) => setV((current) => ({ ...current, [key]: value }));
  const e = props.errors;

  props.bind(() => {
    const problems: Problems = [];
    let date: string | undefined;
    if (hasDate(dob)) {
      const parsed = parseDateParts(dob, 'Date of birth');
      if ('error' in parsed) {
        problems.push([`child-dob-${parsed.parts[0] ?? 'day'}`, parsed.error]);
        setDobParts(parsed.parts);
      } else if (v.sex !== 'unborn' && parsed.date > todayIso()) {
        problems.push([
          'child-dob-day',
          'Date of birth must be today or in the past. For an unborn child, choose Unborn',
        ]);
        setDobParts(['day', 'month', 'year']);
      } else {
        date = parsed.date;
        setDobParts([]);
      }
    }
    const nhsNumber = nhsNumberOf(v.nhsNumber);
    if (v.nhsNumber.trim() && !nhsNumber)
      problems.push(['child-nhs-number', 'Enter the NHS number as 10 digits, like 943 476 5919']);
    else if (nhsNumber) problems.push(...ruleProblems({ nhsNumber }));
    const upn = v.upn.replace(/\s/g, '').toUpperCase();
    if (upn && !UPN_PATTERN.test(upn))
      problems.push(['child-upn', 'Enter the unique pupil number as 13 characters, like H801200001001']);
    const interpreter = v.interpreter
      ? {
          needed: v.interpreter === 'yes',
          ...(v.interpreter === 'yes' && opt(v.language) ? { language: v.language.trim() } : {}),
        }
      : undefined;
    if (interpreter) problems.push(...ruleProblems({ interpreter }));
    const anyAddress = [v.line1, v.line2, v.town, v.postcode].some((s) => s.trim());
    if (anyAddress) {
      if (!v.line1.trim()) problems.push(['child-address-line1', 'Enter the first line of the address']);
      if (!v.town.trim()) problems.push(['child-address-town', 'Enter the town or city']);
      if (!v.postcode.trim()) problems.push(['child-address-postcode', 'Enter the postcode']);
      else if (!UK_POSTCODE.test(v.postcode.trim()))
        problems.push(['child-address-postcode', 'Enter a real UK postcode, like NS1 2AB']);
    }
    if (problems.length) return { problems };
    const next: NonNullable<ReferralContent['child']> = {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
    };
    const add = <K extends keyof typeof next>(key: K, value: (typeof next)[K] | undefined) => {
      if (value !== undefined) next[key] = value;
    };
    add('knownAs', opt(v.knownAs));
    if (date) add(v.sex === 'unborn' ? 'expectedDateOfBirth' : 'dateOfBirth', date);
    add('sex', v.sex ?? undefined);
    add('nhsNumber', nhsNumber);
    add('upn', upn || undefined);
    add('ethnicity', opt(v.ethnicity));
    add('firstLanguage', opt(v.firstLanguage));
    add('interpreter', interpreter);
    add('send', v.send ?? undefined);
    add('needsOrDisability', opt(v.needs));
    add('schoolOrSetting', opt(v.school));
    add('gp', opt(v.gp));
    if (anyAddress) {
      next.address = {
        line1: v.line1.trim(),
        town: v.town.trim(),
        postcode: normalisePostcode(v.postcode),
        ...(opt(v.line2) ? { line2: v.line2.trim() } : {}),
      };
    }
    add('currentWhereabouts', opt(v.whereabouts));
    return { patch: { child: next } };
  });

  const dobError = e['child-dob-day'] ?? e['child-dob-month'] ?? e['child-dob-year'];
  return html`
    <h1 class="govuk-heading-l">About the child</h1>
    <p class="govuk-body">Give what you know. You can save and come back to add more.</p>
    <${TextInput} id="child-first-name" name="firstName" label="First name" value=${v.firstName} error=${e['child-first-name']} spellcheck=${false} autocomplete="off" onInput=${set('firstName')} />
    <${TextInput} id="child-last-name" name="lastName" label="Last name" value=${v.lastName} error=${e['child-last-name']} spellcheck=${false} autocomplete="off" onInput=${set('lastName')} />
    <${TextInput} id="child-known-as" name="knownAs" label="Known as (optional)" hint="Another name the child uses" value=${v.knownAs} error=${e['child-known-as']} spellcheck=${false} autocomplete="off" onInput=${set('knownAs')} />
    <${DateInput}
      id="child-dob"
      name="dob"
      legend="Date of birth"
      legendClasses="govuk-fieldset__legend--s"
      hint="For example, 14 5 2018. For an unborn child, give the expected date of birth and choose Unborn below."
      value=${dob}
      error=${dobError}
      errorParts=${dobParts.length ? dobParts : undefined}
      onChange=${setDob}
    />
    <${Radios}
      idPrefix="child-sex"
      name="sex"
      legend="Sex"
      legendClasses="govuk-fieldset__legend--s"
      items=${(Object.keys(SEX_LABELS) as Sex[]).map((value) => ({ value, text: SEX_LABELS[value] }))}
      value=${v.sex}
      error=${e['child-sex']}
      onChange=${(value: string) => setV((c) => ({ ...c, sex: value as Sex }))}
    />
    <${TextInput}
      id="child-nhs-number"
      name="nhsNumber"
      label="NHS number (optional)"
      hint="It’s 10 digits long, like 943 476 5919"
      inputClasses="govuk-input--width-10"
      value=${v.nhsNumber}
      error=${e['child-nhs-number']}
      autocomplete="off"
      spellcheck=${false}
      onInput=${set('nhsNumber')}
    />
    <${TextInput}
      id="child-upn"
      name="upn"
      label="Unique pupil number (UPN) (optional)"
      hint="For a child at school: 13 characters, like H801200001001"
      inputClasses="govuk-input--width-20"
      value=${v.upn}
      error=${e['child-upn']}
      autocomplete="off"
      spellcheck=${false}
      onInput=${set('upn')}
    />
    <${TextInput} id="child-ethnicity" name="ethnicity" label="Ethnicity (optional)" value=${v.ethnicity} error=${e['child-ethnicity']} onInput=${set('ethnicity')} />
    <${TextInput} id="child-first-language" name="firstLanguage" label="First language (optional)" value=${v.firstLanguage} error=${e['child-first-language']} onInput=${set('firstLanguage')} />
    <${Radios}
      idPrefix="child-interpreter"
      name="interpreter"
      legend="Is an interpreter needed? (optional)"
      legendClasses="govuk-fieldset__legend--s"
      hint="For the child or their family, to talk with them about this request"
      items=${[
        {
          value: 'yes',
          text: 'Yes',
          conditional: html`<${TextInput}
            id="child-interpreter-language"
            name="interpreterLanguage"
            label="Which language?"
            inputClasses="govuk-!-width-one-half"
            value=${v.language}
            error=${e['child-interpreter-language']}
            onInput=${set('language')}
          />`,
        },
        { value: 'no', text: 'No' },
      ]}
      value=${v.interpreter}
      error=${e['child-interpreter']}
      onChange=${(value: string) => setV((c) => ({ ...c, interpreter: value }))}
    />
    <${Radios}
      idPrefix="child-send"
      name="send"
      legend="Special educational needs (SEN) (optional)"
      legendClasses="govuk-fieldset__legend--s"
      items=${SEND_STATUSES.map((value) => ({ value, text: SEND_LABELS[value] }))}
      value=${v.send}
      error=${e['child-send']}
      onChange=${(value: string) => setV((c) => ({ ...c, send: value as SendStatus }))}
    />
    <${Textarea} id="child-needs" name="needs" label="Special educational needs or disability (optional)" hint="What the needs are, and the support in place" rows=${3} value=${v.needs} error=${e['child-needs']} onInput=${set('needs')} />
    <${TextInput} id="child-school" name="school" label="School or setting (optional)" hint="Or nursery, college or childminder" value=${v.school} error=${e['child-school']} onInput=${set('school')} />
    <${TextInput} id="child-gp" name="gp" label="GP practice (optional)" hint="The practice’s name and town, for example Riverside Surgery, Northtown" value=${v.gp} error=${e['child-gp']} onInput=${set('gp')} />
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Where does the child live?</legend>
      <${TextInput} id="child-address-line1" name="line1" label="Address line 1" value=${v.line1} error=${e['child-address-line1'] ?? e['child-address']} autocomplete="off" onInput=${set('line1')} />
      <${TextInput} id="child-address-line2" name="line2" label="Address line 2 (optional)" value=${v.line2} error=${e['child-address-line2']} autocomplete="off" onInput=${set('line2')} />
      <${TextInput} id="child-address-town" name="town" label="Town or city" inputClasses="govuk-!-width-two-thirds" value=${v.town} error=${e['child-address-town']} autocomplete="off" onInput=${set('town')} />
      <${TextInput} id="child-address-postcode" name="postcode" label="Postcode" inputClasses="govuk-input--width-10" value=${v.postcode} error=${e['child-address-postcode']} autocomplete="off" spellcheck=${false} onInput=${set('postcode')} />
    </fieldset>
    <${TextInput}
      id="child-whereabouts"
      name="whereabouts"
      label="Where is the child now, if not at home? (optional)"
      hint="For example, staying with grandparents, or in hospital"
      value=${v.whereabouts}
      error=${e['child-whereabouts']}
      onInput=${set('whereabouts')}
    />
  `;
}
