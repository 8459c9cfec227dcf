/**
 * /board/new/: add an action to the board's plan (board members). One form, as the action is one
 * record a business manager types up from a board paper: what it is, where it comes from, who owns
 * it, how success is measured and when it is due. Errors are checked here first, then by the API,
 * and either way shown in an error summary and beside each field.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ActionView } from '../../../shared/board.ts';
import type { Me } from '../../../shared/me.ts';
import { apiPost } from '../api.ts';
import {
  type AgencyName,
  actionUrl,
  CheckboxGroup,
  canEditBoard,
  describeRefusal,
  loadAgencies,
  loadAllActions,
  NotAllowed,
  SOURCE_KINDS,
  SOURCE_LABELS,
  THEME_LABELS,
  THEMES,
  tooLong,
  ukToday,
} from '../board-views.ts';
import { boot, loadMe } from '../chrome.ts';
import {
  Button,
  DateInput,
  type DateParts,
  ErrorSummary,
  type ErrorSummaryItem,
  Loading,
  mount,
  PageHeading,
  ProblemState,
  parseDateParts,
  Radios,
  Select,
  setTitle,
  Textarea,
  TextInput,
} from '../ui.ts';

const HEADING = 'Add an action';
const REFERENCE = /^[A-Z0-9][A-Z0-9./-]{1,19}$/i;

/** The next free "BA-nnn" after the plan's highest. */
export function nextReference(references: string[]): string {
  const numbers = references.map((r) => /^BA-(\d+)$/i.exec(r)?.[1]).filter((n): n is string => !!n);
  const next = Math.max(0, ...numbers.map(Number)) + 1;
  return `BA-${String(next).padStart(3, '0')}`;
}

interface Values {
  reference: string;
  title: string;
  description: string;
  sourceKind: string | null;
  sourceReference: string;
  paragraph: string;
  theme: string;
  owner: string;
  lead: string;
  contributors: string[];
  subgroup: string;
  measure: string;
  baseline: string;
  target: string;
  current: string;
  start: DateParts;
  due: DateParts;
}

const FIELD_IDS: Record<string, string> = {
  reference: 'reference',
  title: 'title',
  description: 'description',
  'source.kind': 'source-kind',
  'source.reference': 'source-reference',
  'source.paragraph': 'source-paragraph',
  theme: 'theme',
  ownerAgencyId: 'owner',
  lead: 'lead',
  contributingAgencyIds: 'contributors',
  subgroup: 'subgroup',
  'outcomeMeasure.measure': 'measure',
  'outcomeMeasure.baseline': 'baseline',
  'outcomeMeasure.target': 'target',
  'outcomeMeasure.current': 'current',
  startDate: 'start-day',
  dueDate: 'due-day',
};

function dateParts(iso: string): DateParts {
  return {
    day: String(Number(iso.slice(8, 10))),
    month: String(Number(iso.slice(5, 7))),
    year: iso.slice(0, 4),
  };
}

function NewActionForm(props: { agencies: AgencyName[]; reference: string }): VNode {
  const [values, setValues] = useState<Values>({
    reference: props.reference,
    title: '',
    description: '',
    sourceKind: null,
    sourceReference: '',
    paragraph: '',
    theme: '',
    owner: '',
    lead: '',
    contributors: [],
    subgroup: '',
    measure: '',
    baseline: '',
    target: '',
    current: '',
    start: dateParts(ukToday()),
    due: { day: '', month: '', year: '' },
  });
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
    const v = values;
    const t = (s: string) => s.trim();
    const found: Record<string, string> = {};
    const add = (id: string, message: string | null) => {
      if (message && !found[id]) found[id] = message;
    };
    add(
      'reference',
      !t(v.reference)
        ? 'Enter a reference, like BA-011'
        : REFERENCE.test(t(v.reference))
          ? null
          : 'The reference must be 2 to 20 letters, digits, dots, slashes or hyphens, like BA-011',
    );
    add('title', !t(v.title) ? 'Enter a title' : tooLong('The title', v.title, 200));
    add(
      'description',
      !t(v.description) ? 'Describe the action' : tooLong('The description', v.description, 4000),
    );
    add('source-kind', v.sourceKind ? null : 'Choose where the action comes from');
    add(
      'source-reference',
      !t(v.sourceReference)
        ? 'Enter the document the action comes from'
        : tooLong('The source document', v.sourceReference, 120),
    );
    add('source-paragraph', tooLong('The paragraph', v.paragraph, 40));
    add('theme', v.theme ? null : 'Choose a theme');
    add('owner', v.owner ? null : 'Choose the agency that owns the action');
    add('lead', !t(v.lead) ? 'Enter who leads the action' : tooLong('The lead', v.lead, 120));
    add('subgroup', tooLong('The subgroup', v.subgroup, 120));
    const anyMeasure = [v.measure, v.baseline, v.target, v.current].some((x) => t(x));
    add(
      'measure',
      anyMeasure && !t(v.measure)
        ? 'Describe the outcome measure, or leave the baseline, target and current value empty'
        : tooLong('The outcome measure', v.measure, 300),
    );
    add('baseline', tooLong('The baseline', v.baseline, 120));
    add('target', tooLong('The target', v.target, 120));
    add('current', tooLong('The current value', v.current, 120));
    const start = parseDateParts(v.start, 'The start date');
    const due = parseDateParts(v.due, 'The due date');
    const parts: Record<string, (keyof DateParts)[]> = {};
    if ('error' in start) {
      add('start', start.error);
      parts.start = start.parts;
    }
    if ('error' in due) {
      add('due', due.error);
      parts.due = due.parts;
    } else if ('date' in start && due.date < start.date) {
      add('due', 'The due date must be the same as or after the start date');
      parts.due = ['day', 'month', 'year'];
    }
    setDateErrorParts(parts);
    const order = [
      'reference',
      'title',
      'description',
      'source-kind',
      'source-reference',
      'source-paragraph',
      'theme',
      'owner',
      'lead',
      'subgroup',
      'measure',
      'baseline',
      'target',
      'current',
      'start',
      'due',
    ];
    if (Object.keys(found).length > 0 || !('date' in start) || !('date' in due)) {
      setFields(found);
      setErrors(
        order
          .filter((id) => found[id])
          .map((id) => ({
            href: `#${id === 'start' || id === 'due' ? `${id}-${parts[id]?.[0] ?? 'day'}` : id}`,
            text: found[id] ?? '',
          })),
      );
      return;
    }
    setBusy(true);
    try {
      const created = await apiPost<ActionView>('/board/actions', {
        reference: t(v.reference).toUpperCase(),
        title: t(v.title),
        description: t(v.description),
        source: {
          kind: v.sourceKind,
          reference: t(v.sourceReference),
          ...(t(v.paragraph) ? { paragraph: t(v.paragraph) } : {}),
        },
        theme: v.theme,
        ...(anyMeasure
          ? {
              outcomeMeasure: {
                measure: t(v.measure),
                baseline: t(v.baseline),
                target: t(v.target),
                current: t(v.current),
              },
            }
          : {}),
        ownerAgencyId: v.owner,
        lead: t(v.lead),
        contributingAgencyIds: v.contributors.filter((c) => c !== v.owner),
        ...(t(v.subgroup) ? { subgroup: t(v.subgroup) } : {}),
        startDate: start.date,
        dueDate: due.date,
      });
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
    <a class="govuk-back-link" href="/board/">Back to the action plan</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
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
    </div></div>
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | { kind: 'read-only'; me: Me }
  | { kind: 'loaded'; agencies: AgencyName[]; reference: string }
  | { kind: 'failed'; error: unknown };

function NewActionPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    (async () => {
      try {
        const me = await loadMe();
        if (!me) return setState({ kind: 'not-allowed', me });
        if (!canEditBoard(me)) {
          return setState(
            me.roles.includes('triage') ? { kind: 'read-only', me } : { kind: 'not-allowed', me },
          );
        }
        const [agencies, actions] = await Promise.all([loadAgencies(), loadAllActions()]);
        setState({ kind: 'loaded', agencies, reference: nextReference(actions.map((a) => a.reference)) });
      } catch (error) {
        setState({ kind: 'failed', error });
      }
    })();
  }, [attempt]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} text=${HEADING} size="l" /><${Loading} text="Loading…" />`;
    case 'not-allowed':
      return html`<${NotAllowed} me=${state.me} heading=${HEADING} what="the board's action plan" />`;
    case 'read-only':
      setTitle('You cannot add actions');
      return html`
        <a class="govuk-back-link" href="/board/">Back to the action plan</a>
        <${PageHeading} text="You cannot add actions" size="l" />
        <p class="govuk-body">Only safeguarding partnership board members can add actions to the plan. You can read it.</p>
      `;
    case 'failed':
      setTitle(HEADING);
      return html`
        <${PageHeading} text=${HEADING} size="l" />
        <${ProblemState} error=${state.error} what="the form" onRetry=${() => {
          setState({ kind: 'loading' });
          setAttempt((n) => n + 1);
        }} />
      `;
    case 'loaded':
      return html`<${NewActionForm} agencies=${state.agencies} reference=${state.reference} />`;
  }
}

boot();
mount(html`<${NewActionPage} />`);
