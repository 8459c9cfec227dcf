/**
 * The board's form for the partnership's early-help standards: the standards as they are, then a
 * box for each, checked here as the API checks them and either way shown in an error summary that
 * links to each box. Saved with the version read: when someone else changed them first, the page
 * shows them as they now are and keeps what was typed, to check and save again.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { STANDARD_LABELS } from '../../../../shared/early-help/labels.ts';
import { STANDARD_FIELDS } from '../../../../shared/early-help/standards.ts';
import { ApiError } from '../../../platform/api.ts';
import { signInUrl } from '../../../platform/auth.ts';
import { describeRefusal } from '../../../platform/refusal.ts';
import {
  Button,
  ChangedBanner,
  FormPage,
  formatDateTime,
  NotificationBanner,
  PageHeading,
  SummaryList,
  setTitle,
  TextInput,
  useFormState,
  WarningText,
} from '../../../platform/ui.ts';
import { loadStandards, type StandardsRead, saveStandards } from './requests.ts';
import {
  checkValues,
  FIELD_IDS,
  FIELD_ORDER,
  fieldOfId,
  problemOf,
  type Values,
  valuesOf,
} from './values.ts';

export const HEADING = 'Early help standards';

const plural = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

/** The standards as they are now, and when the board last changed them. */
function CurrentStandards(props: { read: StandardsRead }): VNode {
  const { standards } = props.read;
  const rows = [
    ...STANDARD_FIELDS.map((field) => ({
      key: STANDARD_LABELS[field].label,
      value: plural(standards[field]),
    })),
    {
      key: 'Last changed',
      value: standards.changedAt
        ? formatDateTime(standards.changedAt)
        : 'Never: these are the partnership’s starting standards',
    },
  ];
  return html`<${SummaryList} rows=${rows} />`;
}

export function StandardsForm(props: { read: StandardsRead; onRead: (read: StandardsRead) => void }): VNode {
  const [values, setValues] = useState<Values>(() => valuesOf(props.read.standards));
  const [outcome, setOutcome] = useState<'saved' | 'changed' | null>(null);
  const s = useFormState();
  useEffect(() => setTitle(HEADING, s.errors.length > 0), [s.errors.length]);

  /** What the API refused, each standard's problem in the page's own words. */
  const refused = (error: unknown) => {
    const refusal = describeRefusal(
      error,
      (f) => (f in FIELD_IDS ? FIELD_IDS[f as keyof Values] : null),
      FIELD_ORDER[0] ?? '',
      {
        byStatus: {
          401: { text: 'Your sign-in has ended. Sign in again: nothing was saved.', href: signInUrl() },
          403: { text: 'Only the safeguarding board can change the standards. Nothing was saved.' },
        },
      },
    );
    const words = (id: string, text: string) => {
      const field = fieldOfId(id);
      return field ? problemOf(field) : text;
    };
    s.setFields(
      Object.fromEntries(Object.entries(refusal.fields).map(([id, text]) => [id, words(id, text)])),
    );
    s.setErrors(refusal.items.map((item) => ({ ...item, text: words(item.href.slice(1), item.text) })));
  };

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    setOutcome(null);
    const checked = checkValues(values);
    if (!checked.ok) {
      s.fail(checked.found, FIELD_ORDER);
      return;
    }
    s.setBusy(true);
    try {
      const next = await saveStandards(checked.standards, props.read.version);
      s.clear();
      props.onRead(next);
      setValues(valuesOf(next.standards));
      setOutcome('saved');
    } catch (error) {
      const now =
        error instanceof ApiError && error.status === 409 ? await loadStandards().catch(() => null) : null;
      if (now) {
        s.clear();
        props.onRead(now);
        setOutcome('changed');
      } else refused(error);
    } finally {
      s.setBusy(false);
    }
  };

  const banner =
    outcome === 'saved'
      ? html`<${NotificationBanner} type="success" heading="The standards are changed">
          <p class="govuk-body">
            Every open episode’s timers now follow them, and its place in each list re-sorts by its new due date: most at
            once, any left within the hour.
          </p>
        </${NotificationBanner}>`
      : outcome === 'changed'
        ? html`<${ChangedBanner}
            heading="Someone else changed the standards while you were working on them"
            reload="Reload the page to see the standards as they are now"
          >
            Your change was not saved. The standards as they are now are shown below; what you entered is still in the
            form: check it still applies, then save it again.
          </${ChangedBanner}>`
        : null;

  return html`
    <${FormPage}
      back=${html`<a class="govuk-back-link" href="/dashboard/">Back to the partnership dashboard</a>`}
      errors=${s.errors}
      submissions=${s.submissions}
      banner=${banner}
    >
      <${PageHeading} caption="Safeguarding partnership" text=${HEADING} size="l" />
      <p class="govuk-body">
        The partnership’s standards set how many working days each step of an early help episode may take. Every
        episode’s timers and drift alarms are worked out from them, counting only working days.
      </p>
      <h2 class="govuk-heading-m">The standards now</h2>
      <${CurrentStandards} read=${props.read} />

      <h2 class="govuk-heading-m">Change the standards</h2>
      <${WarningText}>
        A change applies at once to every open episode: its lists re-sort by the new due dates, so an episode can become
        overdue straight away. Steps already met, and the dashboard’s figures for them, stay as they were.
      </${WarningText}>
      <form novalidate onSubmit=${onSubmit}>
        ${STANDARD_FIELDS.map(
          (field) => html`<${TextInput}
            key=${field}
            id=${FIELD_IDS[field]}
            name=${field}
            label=${`${STANDARD_LABELS[field].label}, in working days`}
            labelClasses="govuk-label--s"
            hint=${STANDARD_LABELS[field].hint}
            inputClasses="govuk-input--width-3"
            autocomplete="off"
            spellcheck=${false}
            value=${values[field]}
            error=${s.fields[FIELD_IDS[field]]}
            onInput=${(value: string) => setValues((v) => ({ ...v, [field]: value }))}
          />`,
        )}
        <${Button} text=${s.busy ? 'Saving…' : 'Save the standards'} disabled=${s.busy} />
      </form>
    </${FormPage}>
  `;
}
