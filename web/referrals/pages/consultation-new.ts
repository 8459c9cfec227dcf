/**
 * /referrals/consultations/new/: the front door records a consultation call: when it was, who called,
 * the child, the level discussed, the advice, and whether a written request is needed (then due
 * within 4 hours). Checked here with the API's own rules, then by the API; either way shown in an
 * error summary and beside each field. One Idempotency-Key per form, so sending it twice records one call.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import type { Consultation } from '../../../shared/referrals/consultation-schema.ts';
import { WRITTEN_REQUEST_DUE_HOURS } from '../../../shared/referrals/consultations.ts';
import { type AgencyName, loadAgencies } from '../../platform/agencies.ts';
import { ApiError, apiRequest } from '../../platform/api.ts';
import { signInUrl } from '../../platform/auth.ts';
import { boot } from '../../platform/chrome.ts';
import type { DateParts } from '../../platform/date-input.ts';
import { describeRefusal } from '../../platform/refusal.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  Button,
  DateInput,
  FormPage,
  mount,
  PageHeading,
  PendingPage,
  Radios,
  Select,
  setTitle,
  Textarea,
  TextInput,
  useFormState,
} from '../../platform/ui.ts';
import {
  ANCHORS,
  CALLS_URL,
  checkValues,
  emptyValues,
  FIELD_IDS,
  FIELD_ORDER,
  newIdempotencyKey,
  recordedUrl,
  type Values,
} from '../consultations.ts';
import { loadGuidance } from '../views.ts';

const HEADING = 'Record a consultation call';
const isFrontDoor = (me: { roles: readonly string[] }) => me.roles.includes('triage');

function CallForm(props: { agencies: AgencyName[]; guidance: GuidanceVersion | null }): VNode {
  const [values, setValues] = useState<Values>(() => emptyValues(new Date()));
  const [dateParts, setDateParts] = useState<Record<string, (keyof DateParts)[]>>({});
  // Kept across attempts: a retry after a lost answer must not record the call twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const s = useFormState();
  useEffect(() => setTitle(HEADING, s.errors.length > 0), [s.errors.length]);

  const set =
    <K extends keyof Values>(name: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [name]: value }));
  const text = (name: keyof Values, id: string, label: string, extra: Record<string, unknown> = {}) =>
    html`<${TextInput} id=${id} name=${name} label=${label} value=${values[name] as string}
      error=${s.fields[id]} onInput=${set(name)} ...${extra} />`;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checked = checkValues(values, new Date());
    setDateParts(checked.ok ? {} : checked.parts);
    if (!checked.ok) {
      s.fail(checked.found, FIELD_ORDER, ANCHORS);
      return;
    }
    s.setBusy(true);
    try {
      const { data } = await apiRequest<Consultation>('/consultations', {
        method: 'POST',
        body: checked.body,
        headers: { 'idempotency-key': key },
      });
      window.location.assign(recordedUrl(data.id));
    } catch (error) {
      s.setBusy(false);
      // An earlier attempt got through with other answers: sending again is a new call.
      if (error instanceof ApiError && error.fieldError('Idempotency-Key')) setKey(newIdempotencyKey());
      const refusal = describeRefusal(error, (f) => FIELD_IDS[f] ?? null, 'called-on', {
        byStatus: {
          401: {
            href: signInUrl(),
            text: 'Your sign-in has ended. Sign in again: what you typed on this page is kept.',
          },
        },
        unshown: (e) =>
          e.field === 'Idempotency-Key'
            ? 'This form was sent before with different answers. Check the consultation calls before you send it again'
            : e.reason,
      });
      s.setFields(refusal.fields);
      s.setErrors(
        refusal.items.map((item) => ({
          ...item,
          href: `#${ANCHORS[item.href.slice(1)] ?? item.href.slice(1)}`,
        })),
      );
    }
  };

  const framework = props.guidance?.framework;
  const levels = framework ? [...framework.levels].sort((a, b) => a.level - b.level) : [];
  const active = props.agencies.filter((a) => a.active);
  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href=${CALLS_URL}>Back to consultation calls</a>`}
      errors=${s.errors}
      submissions=${s.submissions}
    >
      <${PageHeading} caption="Children’s Front Door" text=${HEADING} size="l" />
      <p class="govuk-body">
        Record a call from a practitioner asking the front door’s advice about a child. If you ask for a written
        request, it is due within ${WRITTEN_REQUEST_DUE_HOURS} hours of the call, and is linked to this call when it arrives.
      </p>
      <form novalidate onSubmit=${onSubmit} data-keep-answers>
        <h2 class="govuk-heading-m">The call</h2>
        <${DateInput} id="called-on" name="calledOn" legend="Date of the call" legendClasses="govuk-fieldset__legend--s"
          hint="For example, 27 3 2026" value=${values.calledOn} error=${s.fields['called-on']}
          errorParts=${dateParts['called-on']} onChange=${set('calledOn')} />
        ${text('calledTime', 'called-time', 'Time of the call', {
          labelClasses: 'govuk-label--s',
          hint: 'UK time, on the 24-hour clock, for example 09:30 or 14:05',
          inputClasses: 'govuk-input--width-5',
          autocomplete: 'off',
          spellcheck: false,
        })}

        <h2 class="govuk-heading-m">Who called</h2>
        ${text('callerName', 'caller-name', 'Caller’s name', { autocomplete: 'off', spellcheck: false })}
        ${text('callerRole', 'caller-role', 'Their role (optional)', { hint: 'For example, designated safeguarding lead' })}
        ${
          active.length > 0
            ? html`<${Select} id="caller-agency" name="callerAgency" label="Their agency (optional)"
                hint="A written request from this agency about the child is linked to the call" placeholder="Choose an agency"
                value=${values.callerAgency} options=${active.map((a) => ({ value: a.id, text: a.name }))}
                error=${s.fields['caller-agency']} onChange=${set('callerAgency')} />`
            : null
        }
        ${text('callerPhone', 'caller-phone', 'Their telephone number (optional)', {
          inputClasses: 'govuk-input--width-20',
          autocomplete: 'off',
        })}

        <h2 class="govuk-heading-m">The child</h2>
        <p class="govuk-body">
          If you ask for a written request, enter the child’s name and date of birth: the request is linked to this
          call by them. Otherwise, leave out anything the caller did not give.
        </p>
        ${text('childFirstName', 'child-first-name', 'First name', { autocomplete: 'off', spellcheck: false })}
        ${text('childLastName', 'child-last-name', 'Last name', { autocomplete: 'off', spellcheck: false })}
        <${DateInput} id="child-date-of-birth" name="childDateOfBirth" legend="Date of birth"
          legendClasses="govuk-fieldset__legend--s" hint="For example, 9 4 2016" value=${values.childDateOfBirth}
          error=${s.fields['child-date-of-birth']} errorParts=${dateParts['child-date-of-birth']}
          onChange=${set('childDateOfBirth')} />
        ${text('childPostcode', 'child-postcode', 'Postcode (optional)', {
          inputClasses: 'govuk-input--width-10',
          autocomplete: 'off',
        })}

        <h2 class="govuk-heading-m">What you discussed</h2>
        <${Radios}
          idPrefix="level"
          name="levelDiscussed"
          legend="Level of need discussed"
          legendClasses="govuk-fieldset__legend--s"
          items=${
            levels.length
              ? levels.map((l) => ({ value: String(l.level), text: `Level ${l.level}: ${l.name}` }))
              : [1, 2, 3, 4].map((n) => ({ value: String(n), text: `Level ${n}` }))
          }
          value=${values.level}
          error=${s.fields.level}
          onChange=${set('level')}
        />
        <${Textarea} id="advice" name="advice" label="What did the front door advise?" labelClasses="govuk-label--s"
          hint="For the record: what you advised the caller to do, and anything they should not do" rows=${6}
          value=${values.advice} error=${s.fields.advice} onInput=${set('advice')} />
        <${Radios}
          idPrefix="written-request"
          name="writtenRequest"
          legend="Is a written request needed?"
          legendClasses="govuk-fieldset__legend--s"
          items=${[
            {
              value: 'needed',
              text: 'Yes',
              hint: `The caller sends a request for support within ${WRITTEN_REQUEST_DUE_HOURS} hours of the call`,
            },
            { value: 'not_needed', text: 'No, the advice is enough' },
          ]}
          value=${values.writtenRequest}
          error=${s.fields['written-request']}
          onChange=${(v: string) => set('writtenRequest')(v as Values['writtenRequest'])}
        />

        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Recording…' : 'Record the call'} disabled=${s.busy} />
          <a class="govuk-link" href=${CALLS_URL}>Cancel</a>
        </div>
      </form>
    </${FormPage}>
  `;
}

function NewCallPage(): VNode {
  const { state, retry } = useSignedInLoad(
    isFrontDoor,
    async () => {
      // Both are conveniences: without them the agency is not asked, and the levels are numbered.
      const [agencies, guidance] = await Promise.all([
        loadAgencies().catch(() => []),
        loadGuidance().catch(() => null),
      ]);
      return { agencies, guidance };
    },
    { redirect: true },
  );
  useEffect(() => {
    if (state.kind !== 'loaded') setTitle(HEADING);
  }, [state.kind]);
  if (state.kind === 'not-allowed') {
    return html`
      <${PageHeading} text=${HEADING} size="l" />
      <p class="govuk-body">Consultation calls are recorded by the Front Door. You are signed in as ${state.me.name}.</p>
    `;
  }
  if (state.kind !== 'loaded') {
    return html`<${PendingPage} state=${state} heading=${HEADING} size="l" loading="Loading…" what="the form" onRetry=${retry} />`;
  }
  return html`<${CallForm} agencies=${state.agencies} guidance=${state.guidance} />`;
}

boot();
mount(html`<${NewCallPage} />`);
