/**
 * /board/action/?id=: one action of the board's plan. Everything about it in a summary
 * list, its RAG with the reason (and, when the board overrode it, the override and the rules' own
 * rating), and its progress updates, newest first, with their evidence. Board members change it
 * through one question page each (`&do=`): add a progress update, change the details, revise the due
 * date, override the RAG or clear the override, close it with evidence and a sign-off. The front door
 * reads it only.
 *
 * Every change sends the version read (If-Match). When someone else changed the action in between, the
 * API refuses with 409 and the action as it now is: the page says so, lists what changed, shows the
 * action as it is now, and keeps what was typed so it can be sent again.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionView } from '../../../shared/board.ts';
import type { Me } from '../../../shared/me.ts';
import { ApiError, apiGet, apiRequest } from '../api.ts';
import {
  type ActionStatus,
  type ActionWithUpdates,
  type AgencyName,
  actionUrl,
  agencyName,
  CheckboxGroup,
  ConflictBanner,
  canEditBoard,
  canReadBoard,
  checkEvidenceUrl,
  currentAction,
  describeChanges,
  describeRefusal,
  EscalatedTag,
  loadAgencies,
  NotAllowed,
  OPEN_STATUSES,
  RAG_LABELS,
  RAGS,
  type Rag,
  RagTag,
  SOURCE_LABELS,
  STATUS_LABELS,
  StatusTag,
  SuccessBanner,
  THEME_LABELS,
  THEMES,
  tooLong,
} from '../board-views.ts';
import { boot, loadMe } from '../chrome.ts';
import {
  Button,
  DateInput,
  type DateParts,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  formatDateTime,
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

type Step = 'progress' | 'details' | 'due' | 'rag' | 'close';
const STEPS: Step[] = ['progress', 'details', 'due', 'rag', 'close'];

interface Route {
  id: string;
  step: Step | null;
}

function readRoute(): Route {
  const params = new URLSearchParams(window.location.search);
  const step = params.get('do');
  return {
    id: params.get('id') ?? '',
    step: STEPS.includes(step as Step) ? (step as Step) : null,
  };
}

function go(id: string, step: Step | null, replace = false): void {
  const url = actionUrl(id, step ? `&do=${step}` : '');
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A same-page link: the address changes (so Back works) without reloading. */
function StepLink(props: {
  id: string;
  step: Step | null;
  children: ComponentChildren;
  classes?: string;
}): VNode {
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(props.id, props.step);
  };
  return html`<a class=${props.classes ?? 'govuk-link'} href=${actionUrl(props.id, props.step ? `&do=${props.step}` : '')} onClick=${onClick}>${props.children}</a>`;
}

function BackToAction(props: { action: ActionView }): VNode {
  return html`<${StepLink} id=${props.action.id} step=${null} classes="govuk-back-link">Back to ${props.action.reference}</${StepLink}>`;
}

interface Flash {
  heading: string;
  body?: string;
}

interface Conflict {
  what: string;
  changes: string[];
}

/** A message for one view: shown while the page is on the navigation it was made for. */
type ForView<T> = T & { at: number };

/** What a form gets from the page. */
interface FormProps {
  action: ActionWithUpdates;
  me: Me;
  agencies: AgencyName[];
  focus: boolean;
  conflict: Conflict | null;
  /** Sends the change with the version read; the page handles success and conflict. */
  send: (
    what: string,
    request: (version: number) => Promise<ActionView>,
    flash: (saved: ActionView) => Flash,
  ) => Promise<'saved' | 'conflict' | unknown>;
}

function ragChange(before: ActionView, after: ActionView): string {
  return after.rag === before.rag
    ? `The RAG is still ${RAG_LABELS[after.rag].toLowerCase()}: ${after.ragReason}.`
    : `The RAG is now ${RAG_LABELS[after.rag].toLowerCase()} (it was ${RAG_LABELS[before.rag].toLowerCase()}): ${after.ragReason}.`;
}

// The shell of every form: back link, banners, error summary, heading ------------------------------------

function FormShell(props: {
  action: ActionView;
  heading: string;
  errors: ErrorSummaryItem[];
  submissions: number;
  conflict: Conflict | null;
  focus: boolean;
  children: ComponentChildren;
}): VNode {
  useEffect(
    () => setTitle(`${props.heading} – ${props.action.reference}`, props.errors.length > 0),
    [props.heading, props.errors.length],
  );
  return html`
    <${BackToAction} action=${props.action} />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${props.errors.length > 0 ? html`<${ErrorSummary} key=${props.submissions} items=${props.errors} />` : null}
      ${
        props.conflict
          ? html`<${ConflictBanner} key=${`conflict-${props.action.version}`} what=${props.conflict.what} changes=${props.conflict.changes}>
              <p class="govuk-body">
                The action as it is now is below. What you entered is still in the form: check it still applies, then send it again.
              </p>
            </${ConflictBanner}>`
          : null
      }
      <${PageHeading}
        caption=${`${props.action.reference}: ${props.action.title}`}
        text=${props.heading}
        size="l"
        focus=${props.focus && props.errors.length === 0 && !props.conflict}
      />
      ${props.conflict ? html`<${NowPanel} action=${props.action} />` : null}
      ${props.children}
    </div></div>
  `;
}

/** After a conflict: the action as it is now, in brief, beside the form. */
function NowPanel(props: { action: ActionWithUpdates | ActionView }): VNode {
  const { action } = props;
  const latest =
    'updates' in action ? [...action.updates].sort((a, b) => (a.at < b.at ? 1 : -1))[0] : undefined;
  return html`
    <div class="govuk-inset-text app-board-now">
      <h2 class="govuk-heading-s">The action now</h2>
      <p class="govuk-body">
        <${RagTag} rag=${action.rag} classes="app-tag--inline" /> ${action.ragReason}. Status: ${STATUS_LABELS[action.status]}.
        Due ${formatDate(action.effectiveDueDate)}.
      </p>
      ${
        latest
          ? html`<p class="govuk-body">Latest update, ${formatDateTime(latest.at)} by ${latest.by.name}: “${latest.narrative}”</p>`
          : null
      }
    </div>
  `;
}

function useSubmissionState() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  const fail = (found: Record<string, string>, order: string[]) => {
    setFields(found);
    setErrors(order.filter((id) => found[id]).map((id) => ({ href: `#${id}`, text: found[id] ?? '' })));
  };
  const clear = () => {
    setFields({});
    setErrors([]);
  };
  return { fields, errors, submissions, busy, setBusy, setSubmissions, setFields, setErrors, fail, clear };
}

/** Runs a send, keeping the error summary and field messages in step with what the API said. */
async function run(
  state: ReturnType<typeof useSubmissionState>,
  send: () => Promise<'saved' | 'conflict' | unknown>,
  fieldId: (field: string) => string | null,
  fallbackId: string,
): Promise<void> {
  state.setBusy(true);
  const outcome = await send();
  state.setBusy(false);
  if (outcome === 'saved' || outcome === 'conflict') {
    state.clear();
    return;
  }
  const refusal = describeRefusal(outcome, fieldId, fallbackId);
  state.setFields(refusal.fields);
  state.setErrors(refusal.items);
}

// Add a progress update ----------------------------------------------------------------------------------

function ProgressForm(props: FormProps): VNode {
  const { action } = props;
  const [narrative, setNarrative] = useState('');
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const s = useSubmissionState();
  const shownStatus = status ?? action.status;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (s.busy) return;
    s.setSubmissions((n) => n + 1);
    const found: Record<string, string> = {};
    const text = narrative.trim();
    if (!text) found.narrative = 'Describe the progress made since the last update';
    else found.narrative = tooLong('The progress update', text, 4000) ?? '';
    const title = evidenceTitle.trim();
    const url = evidenceUrl.trim();
    if (!title && url) found['evidence-title'] = 'Describe the evidence the link goes to';
    else found['evidence-title'] = tooLong('The description of the evidence', title, 200) ?? '';
    found['evidence-url'] = checkEvidenceUrl(url) ?? '';
    if (Object.values(found).some(Boolean)) {
      s.fail(found, ['narrative', 'evidence-title', 'evidence-url']);
      return;
    }
    const before = action;
    await run(
      s,
      () =>
        props.send(
          'Your progress update',
          async (version) =>
            (
              await apiRequest<ActionView>(`/board/actions/${action.id}/updates`, {
                method: 'POST',
                ifMatch: version,
                body: {
                  narrative: text,
                  evidence: title ? [{ title, ...(url ? { url } : {}) }] : [],
                  ...(status && status !== action.status ? { status } : {}),
                },
              })
            ).data,
          (saved) => ({ heading: 'Progress update added', body: ragChange(before, saved) }),
        ),
      (field) =>
        field === 'narrative'
          ? 'narrative'
          : field.startsWith('evidence') && field.endsWith('url')
            ? 'evidence-url'
            : field.startsWith('evidence')
              ? 'evidence-title'
              : field === 'status'
                ? 'status'
                : null,
      'narrative',
    );
  };

  return html`
    <${FormShell} action=${action} heading="Add a progress update" errors=${s.errors} submissions=${s.submissions} conflict=${props.conflict} focus=${props.focus}>
      <p class="govuk-body">
        Progress updates cannot be changed once added. The board sees who added each one and when, with the RAG at the time.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="narrative"
          name="narrative"
          label="What progress has been made?"
          labelClasses="govuk-label--m"
          hint="Say what has been done since the last update, what is next and anything the board needs to know."
          value=${narrative}
          error=${s.fields.narrative}
          rows=${6}
          onInput=${setNarrative}
        />
        <fieldset class="govuk-fieldset" aria-describedby="evidence-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Evidence (optional)</legend>
          <div id="evidence-hint" class="govuk-hint">
            For example, minutes of a meeting, a report or an audit. Link to where it is kept if it is online.
          </div>
          <${TextInput}
            id="evidence-title"
            name="evidenceTitle"
            label="What the evidence is"
            value=${evidenceTitle}
            error=${s.fields['evidence-title']}
            onInput=${setEvidenceTitle}
          />
          <${TextInput}
            id="evidence-url"
            name="evidenceUrl"
            label="Link to the evidence (optional)"
            hint="A web address starting https://"
            value=${evidenceUrl}
            error=${s.fields['evidence-url']}
            spellcheck=${false}
            autocomplete="url"
            onInput=${setEvidenceUrl}
          />
        </fieldset>
        <${Radios}
          idPrefix="status"
          name="status"
          legend="Status"
          legendClasses="govuk-fieldset__legend--m"
          hint="To mark the action complete, close it instead: closing needs evidence and a sign-off."
          items=${OPEN_STATUSES.map((v) => ({ value: v, text: STATUS_LABELS[v] }))}
          value=${shownStatus}
          error=${s.fields.status}
          onChange=${(v: string) => setStatus(v as ActionStatus)}
        />
        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Adding…' : 'Add progress update'} disabled=${s.busy} />
          <${StepLink} id=${action.id} step=${null}>Cancel</${StepLink}>
        </div>
      </form>
    </${FormShell}>
  `;
}

// Change the details ---------------------------------------------------------------------------------------

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

function DetailsForm(props: FormProps): VNode {
  const { action } = props;
  // Only what the person changes is sent: after a conflict, the rest follows the action as it now is.
  const [edits, setEdits] = useState<Partial<Record<DetailKey, string>>>({});
  const [contributors, setContributors] = useState<string[] | null>(null);
  const s = useSubmissionState();
  const stored = detailValues(action);
  const value = (key: DetailKey) => edits[key] ?? stored[key];
  const set = (key: DetailKey) => (v: string) => setEdits((e) => ({ ...e, [key]: v }));
  const shownContributors = contributors ?? action.contributingAgencyIds;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (s.busy) return;
    s.setSubmissions((n) => n + 1);
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
    await run(
      s,
      () =>
        props.send(
          'Your change to the details',
          async (version) =>
            (
              await apiRequest<ActionView>(`/board/actions/${action.id}`, {
                method: 'PATCH',
                ifMatch: version,
                body: patch,
              })
            ).data,
          () => ({ heading: 'Details changed' }),
        ),
      (field) => {
        const key = field.replace(/^outcomeMeasure\./, '') as DetailKey;
        return DETAIL_IDS[key] ?? (field.startsWith('contributing') ? 'contributors' : null);
      },
      'title',
    );
  };

  const agencyOptions = props.agencies
    .filter((a) => a.active || a.id === value('ownerAgencyId'))
    .map((a) => ({ value: a.id, text: a.name }));
  return html`
    <${FormShell} action=${action} heading="Change the details" errors=${s.errors} submissions=${s.submissions} conflict=${props.conflict} focus=${props.focus}>
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
        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Saving…' : 'Save the details'} disabled=${s.busy} />
          <${StepLink} id=${action.id} step=${null}>Cancel</${StepLink}>
        </div>
      </form>
    </${FormShell}>
  `;
}

// Revise the due date --------------------------------------------------------------------------------------

function DueForm(props: FormProps): VNode {
  const { action } = props;
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [dateParts, setDateParts] = useState<(keyof DateParts)[]>([]);
  const [reason, setReason] = useState('');
  const s = useSubmissionState();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (s.busy) return;
    s.setSubmissions((n) => n + 1);
    const found: Record<string, string> = {};
    const parsed = parseDateParts(date, 'The revised due date');
    let firstDateId = 'due-day';
    if ('error' in parsed) {
      found.due = parsed.error;
      setDateParts(parsed.parts);
      firstDateId = `due-${parsed.parts[0] ?? 'day'}`;
    } else if (parsed.date < action.startDate) {
      found.due = `The revised due date must be on or after the start date, ${formatDate(action.startDate)}`;
      setDateParts(['day', 'month', 'year']);
    }
    const text = reason.trim();
    found.reason = !text
      ? 'Give the reason the due date is revised'
      : (tooLong('The reason', text, 1000) ?? '');
    if (found.due || found.reason) {
      s.setFields(found);
      s.setErrors(
        [
          found.due ? { href: `#${firstDateId}`, text: found.due } : null,
          found.reason ? { href: '#reason', text: found.reason } : null,
        ].filter((x): x is ErrorSummaryItem => x !== null),
      );
      return;
    }
    if (!('date' in parsed)) return;
    const before = action;
    await run(
      s,
      () =>
        props.send(
          'Your revised due date',
          async (version) =>
            (
              await apiRequest<ActionView>(`/board/actions/${action.id}`, {
                method: 'PATCH',
                ifMatch: version,
                body: { revisedDueDate: parsed.date, revisionReason: text },
              })
            ).data,
          (saved) => ({
            heading: `Due date revised to ${formatDate(saved.effectiveDueDate)}`,
            body: ragChange(before, saved),
          }),
        ),
      (field) => (field === 'revisedDueDate' ? 'due-day' : field === 'revisionReason' ? 'reason' : null),
      'due-day',
    );
  };

  return html`
    <${FormShell} action=${action} heading="Revise the due date" errors=${s.errors} submissions=${s.submissions} conflict=${props.conflict} focus=${props.focus}>
      <p class="govuk-body">
        It is due on ${formatDate(action.dueDate)}${action.revisedDueDate ? `, revised to ${formatDate(action.revisedDueDate)}` : ''}.
        The original due date stays on the record; the RAG is worked out from the revised one.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <${DateInput}
          id="due"
          name="revisedDueDate"
          legend="New due date"
          legendClasses="govuk-fieldset__legend--m"
          hint="For example, 31 3 2027"
          value=${date}
          error=${s.fields.due}
          errorParts=${dateParts}
          onChange=${setDate}
        />
        <${Textarea}
          id="reason"
          name="revisionReason"
          label="Why is the due date revised?"
          labelClasses="govuk-label--m"
          hint="The board sees this beside the date."
          value=${reason}
          error=${s.fields.reason}
          rows=${4}
          onInput=${setReason}
        />
        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Saving…' : 'Revise the due date'} disabled=${s.busy} />
          <${StepLink} id=${action.id} step=${null}>Cancel</${StepLink}>
        </div>
      </form>
    </${FormShell}>
  `;
}

// Override the RAG ------------------------------------------------------------------------------------------

function RagForm(props: FormProps): VNode {
  const { action } = props;
  const [rag, setRag] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const s = useSubmissionState();

  const save = async (override: { rag: Rag; justification: string } | null) => {
    const before = action;
    await run(
      s,
      () =>
        props.send(
          override ? 'Your RAG override' : 'Clearing the override',
          async (version) =>
            (
              await apiRequest<ActionView>(`/board/actions/${action.id}`, {
                method: 'PATCH',
                ifMatch: version,
                body: { ragOverride: override },
              })
            ).data,
          (saved) => ({
            heading: override ? `RAG set to ${RAG_LABELS[saved.rag].toLowerCase()}` : 'RAG override cleared',
            body: override
              ? ragChange(before, saved)
              : `The rules now set the RAG. ${ragChange(before, saved)}`,
          }),
        ),
      (field) =>
        field.endsWith('justification') ? 'justification' : field.startsWith('ragOverride') ? 'rag' : null,
      'rag',
    );
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (s.busy) return;
    s.setSubmissions((n) => n + 1);
    const text = justification.trim();
    const found: Record<string, string> = {
      rag: rag ? '' : 'Choose red, amber or green',
      justification: !text
        ? 'Explain why the rating is overridden'
        : text.length < 10
          ? 'Explain why in at least 10 characters'
          : (tooLong('The justification', text, 1000) ?? ''),
    };
    if (found.rag || found.justification) {
      s.fail(found, ['rag', 'justification']);
      return;
    }
    await save({ rag: rag as Rag, justification: text });
  };

  return html`
    <${FormShell} action=${action} heading="Override the RAG" errors=${s.errors} submissions=${s.submissions} conflict=${props.conflict} focus=${props.focus}>
      <p class="govuk-body">
        The rules give <${RagTag} rag=${action.ragComputed} classes="app-tag--inline" />${action.ragOverride ? '.' : `: ${action.ragReason}.`}
        Override them only when the board knows something the dates do not show. The override stays until it is cleared,
        and the board sees it with your justification and the rules' own rating.
      </p>
      ${
        action.ragOverride
          ? html`
              <div class="govuk-inset-text">
                ${`Overridden to ${RAG_LABELS[action.ragOverride.rag].toLowerCase()} by ${action.ragOverride.by.name} on ${formatDate(action.ragOverride.at)}: “${action.ragOverride.justification}”`}
              </div>
            `
          : null
      }
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="rag"
          name="rag"
          legend="What should the RAG be?"
          legendClasses="govuk-fieldset__legend--m"
          items=${RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] }))}
          value=${rag}
          error=${s.fields.rag}
          onChange=${setRag}
        />
        <${Textarea}
          id="justification"
          name="justification"
          label="Why?"
          labelClasses="govuk-label--m"
          hint="At least 10 characters. The board reads this beside the rating."
          value=${justification}
          error=${s.fields.justification}
          rows=${4}
          onInput=${setJustification}
        />
        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Saving…' : 'Override the RAG'} disabled=${s.busy} />
          <${StepLink} id=${action.id} step=${null}>Cancel</${StepLink}>
        </div>
      </form>
      ${
        action.ragOverride
          ? html`
              <h2 class="govuk-heading-m">Clear the override</h2>
              <p class="govuk-body">The RAG goes back to what the rules give: ${RAG_LABELS[action.ragComputed].toLowerCase()}.</p>
              <${Button} type="button" variant="secondary" text="Clear the override" disabled=${s.busy} onClick=${() => {
                if (s.busy) return;
                s.setSubmissions((n) => n + 1);
                void save(null);
              }} />
            `
          : null
      }
    </${FormShell}>
  `;
}

// Close the action ------------------------------------------------------------------------------------------

function CloseForm(props: FormProps): VNode {
  const { action } = props;
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const s = useSubmissionState();

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (s.busy) return;
    s.setSubmissions((n) => n + 1);
    const title = evidenceTitle.trim();
    const url = evidenceUrl.trim();
    const found: Record<string, string> = {
      'close-evidence-title': !title
        ? 'Describe the evidence that the action is complete'
        : (tooLong('The description of the evidence', title, 200) ?? ''),
      'close-evidence-url': checkEvidenceUrl(url) ?? '',
      'signoff-name': !name.trim()
        ? 'Enter who signed the action off'
        : (tooLong('The name', name, 120) ?? ''),
      'signoff-role': !role.trim() ? 'Enter their role' : (tooLong('The role', role, 120) ?? ''),
    };
    if (Object.values(found).some(Boolean)) {
      s.fail(found, ['close-evidence-title', 'close-evidence-url', 'signoff-name', 'signoff-role']);
      return;
    }
    await run(
      s,
      () =>
        props.send(
          'Closing the action',
          async (version) =>
            (
              await apiRequest<ActionView>(`/board/actions/${action.id}/close`, {
                method: 'POST',
                ifMatch: version,
                body: {
                  evidence: [{ title, ...(url ? { url } : {}) }],
                  signOff: { name: name.trim(), role: role.trim() },
                },
              })
            ).data,
          () => ({ heading: `${action.reference} closed`, body: 'It shows as complete on the plan.' }),
        ),
      (field) =>
        field.startsWith('evidence') && field.endsWith('url')
          ? 'close-evidence-url'
          : field.startsWith('evidence')
            ? 'close-evidence-title'
            : field === 'signOff.name'
              ? 'signoff-name'
              : field === 'signOff.role'
                ? 'signoff-role'
                : null,
      'close-evidence-title',
    );
  };

  return html`
    <${FormShell} action=${action} heading="Close the action" errors=${s.errors} submissions=${s.submissions} conflict=${props.conflict} focus=${props.focus}>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          A closed action is complete: it cannot be changed or reopened.
        </strong>
      </div>
      <form novalidate onSubmit=${onSubmit}>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Evidence that it is complete</legend>
          <${TextInput} id="close-evidence-title" name="evidenceTitle" label="What the evidence is" hint="For example, the signed-off audit report" value=${evidenceTitle} error=${s.fields['close-evidence-title']} onInput=${setEvidenceTitle} />
          <${TextInput} id="close-evidence-url" name="evidenceUrl" label="Link to the evidence (optional)" hint="A web address starting https://" value=${evidenceUrl} error=${s.fields['close-evidence-url']} spellcheck=${false} autocomplete="url" onInput=${setEvidenceUrl} />
        </fieldset>
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Who signed it off</legend>
          <${TextInput} id="signoff-name" name="signOffName" label="Name" value=${name} error=${s.fields['signoff-name']} autocomplete="off" onInput=${setName} />
          <${TextInput} id="signoff-role" name="signOffRole" label="Role" hint="For example, Independent chair" value=${role} error=${s.fields['signoff-role']} onInput=${setRole} />
        </fieldset>
        <div class="govuk-button-group">
          <${Button} text=${s.busy ? 'Closing…' : 'Close the action'} disabled=${s.busy} />
          <${StepLink} id=${action.id} step=${null}>Cancel</${StepLink}>
        </div>
      </form>
    </${FormShell}>
  `;
}

// The action -------------------------------------------------------------------------------------------------

function Row(props: {
  key?: string;
  label: string;
  children: ComponentChildren;
  change?: { step: Step; id: string; text?: string } | null;
}): VNode {
  return html`
    <div class=${`govuk-summary-list__row${props.change ? '' : ' govuk-summary-list__row--no-actions'}`}>
      <dt class="govuk-summary-list__key">${props.label}</dt>
      <dd class="govuk-summary-list__value">${props.children}</dd>
      ${
        props.change
          ? html`<dd class="govuk-summary-list__actions">
              <${StepLink} id=${props.change.id} step=${props.change.step}>
                ${props.change.text ?? 'Change'}<span class="govuk-visually-hidden"> ${props.label.toLowerCase()}</span>
              </${StepLink}>
            </dd>`
          : null
      }
    </div>
  `;
}

function EvidenceList(props: { evidence: { title: string; url?: string | undefined }[] }): VNode {
  return html`
    <ul class="govuk-list govuk-list--bullet">
      ${props.evidence.map(
        (e, i) => html`
          <li key=${i}>
            ${
              e.url
                ? html`<a class="govuk-link" href=${e.url} rel="noreferrer noopener" target="_blank">${e.title} (opens in new tab)</a>`
                : e.title
            }
          </li>
        `,
      )}
    </ul>
  `;
}

function Paragraphs(props: { text: string }): VNode {
  return html`${props.text
    .split(/\n{2,}/)
    .map((p, i) => html`<p class="govuk-body app-board-text" key=${i}>${p}</p>`)}`;
}

function ActionDetails(props: {
  action: ActionWithUpdates;
  me: Me;
  agencies: AgencyName[];
  flash: Flash | null;
  conflict: Conflict | null;
  focus: boolean;
}): VNode {
  const { action, agencies } = props;
  const editable = canEditBoard(props.me) && action.status !== 'complete';
  const change = (step: Step, text?: string) =>
    editable ? { step, id: action.id, ...(text ? { text } : {}) } : null;
  const updates = [...action.updates].sort((a, b) => (a.at < b.at ? 1 : -1));
  useEffect(() => setTitle(`${action.reference}: ${action.title}`), [action.reference, action.title]);
  const measure = action.outcomeMeasure;

  return html`
    <a class="govuk-back-link" href="/board/">Back to the action plan</a>
    ${
      props.flash
        ? html`<${SuccessBanner} key=${`${action.version}-${props.flash.heading}`} heading=${props.flash.heading}>
            ${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}
          </${SuccessBanner}>`
        : null
    }
    ${
      props.conflict
        ? html`<${ConflictBanner} key=${`conflict-${action.version}`} what=${props.conflict.what} changes=${props.conflict.changes} />`
        : null
    }
    <${PageHeading} caption=${action.reference} text=${action.title} size="l" focus=${props.focus && !props.flash && !props.conflict} />

    <div class="app-board-rag">
      <p class="govuk-body govuk-!-margin-bottom-1">
        <span class="govuk-!-font-weight-bold">RAG: </span><${RagTag} rag=${action.rag} />
        ${' '}<${StatusTag} status=${action.status} classes="app-board-status" />
        ${action.escalate ? html` <${EscalatedTag} />` : null}
      </p>
      <p class="govuk-body govuk-!-margin-bottom-0" id="rag-reason">${action.ragReason}</p>
      ${
        action.escalate
          ? html`<div class="govuk-warning-text govuk-!-margin-top-3 govuk-!-margin-bottom-0">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                Escalated to the executive group: ${action.escalationReasons.join('; ')}.
              </strong>
            </div>`
          : null
      }
    </div>

    ${
      editable
        ? html`<div class="govuk-button-group app-no-print">
            <${StepLink} id=${action.id} step="progress" classes="govuk-button">Add a progress update</${StepLink}>
            <${StepLink} id=${action.id} step="close" classes="govuk-button govuk-button--secondary">Close the action</${StepLink}>
          </div>`
        : null
    }
    ${
      !canEditBoard(props.me)
        ? html`<div class="govuk-inset-text">You can read the action plan. Only safeguarding partnership board members can change it.</div>`
        : null
    }
    ${
      action.closed
        ? html`
            <div class="govuk-inset-text">
              <p class="govuk-body">
                ${`Closed on ${formatDate(action.closed.at)} by ${action.closed.by.name}. Signed off by ${action.closed.signOff.name} (${action.closed.signOff.role}).`}
              </p>
              <p class="govuk-body govuk-!-margin-bottom-1">Evidence that it is complete:</p>
              <${EvidenceList} evidence=${action.closed.evidence} />
            </div>
          `
        : null
    }

    <h2 class="govuk-heading-m">About the action</h2>
    <dl class="govuk-summary-list">
      <${Row} label="Reference">${action.reference}</${Row}>
      <${Row} label="Title" change=${change('details')}>${action.title}</${Row}>
      <${Row} label="Description" change=${change('details')}><${Paragraphs} text=${action.description} /></${Row}>
      <${Row} label="Source">
        ${SOURCE_LABELS[action.source.kind]}: ${action.source.reference}${action.source.paragraph ? `, paragraph ${action.source.paragraph}` : ''}
      </${Row}>
      <${Row} label="Theme" change=${change('details')}>${THEME_LABELS[action.theme]}</${Row}>
      <${Row} label="Owner agency" change=${change('details')}>${agencyName(agencies, action.ownerAgencyId)}</${Row}>
      <${Row} label="Lead" change=${change('details')}>${action.lead}</${Row}>
      <${Row} label="Contributing agencies" change=${change('details')}>
        ${action.contributingAgencyIds.length ? action.contributingAgencyIds.map((id) => agencyName(agencies, id)).join(', ') : 'None'}
      </${Row}>
      <${Row} label="Subgroup" change=${change('details')}>${action.subgroup || 'None'}</${Row}>
      <${Row} label="Outcome measure" change=${change('details')}>
        ${
          measure
            ? html`${measure.measure}<br />Baseline: ${measure.baseline || 'not given'}. Target: ${measure.target || 'not given'}. Current: ${measure.current || 'not given'}.`
            : 'None'
        }
      </${Row}>
      <${Row} label="Start date">${formatDate(action.startDate)}</${Row}>
      <${Row} label="Due date" change=${change('due', 'Revise')}>
        ${
          action.revisedDueDate
            ? html`${formatDate(action.revisedDueDate)} (revised from ${formatDate(action.dueDate)})<br />Why: ${action.revisionReason}`
            : formatDate(action.dueDate)
        }
      </${Row}>
      <${Row} label="Status"><${StatusTag} status=${action.status} /></${Row}>
      <${Row} label="RAG" change=${change('rag', action.ragOverride ? 'Change override' : 'Override')}>
        <${RagTag} rag=${action.rag} classes="app-tag--inline" />
        ${
          action.ragOverride
            ? html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                  Set by the board: ${action.ragOverride.by.name} on ${formatDate(action.ragOverride.at)}, because “${action.ragOverride.justification}”
                </p>
                <p class="govuk-body govuk-!-margin-bottom-0">
                  The rules give <${RagTag} rag=${action.ragComputed} classes="app-tag--inline" />
                </p>`
            : html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">${action.ragReason}</p>`
        }
      </${Row}>
      <${Row} label="Last progress update">${action.lastUpdateAt ? formatDateTime(action.lastUpdateAt) : 'None yet'}</${Row}>
    </dl>

    <h2 class="govuk-heading-m" id="updates">Progress updates (${updates.length})</h2>
    ${
      updates.length === 0
        ? html`<p class="govuk-body">There are no progress updates yet.</p>`
        : html`<ol class="app-board-updates">
            ${updates.map(
              (u) => html`
                <li class="app-board-update" key=${u.id}>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">${formatDateTime(u.at)}</h3>
                  <p class="govuk-body-s app-board-muted govuk-!-margin-bottom-2">
                    By ${u.by.name}. Status then: ${STATUS_LABELS[u.statusThen]}. RAG then: <${RagTag} rag=${u.ragThen} classes="app-tag--inline" />
                  </p>
                  <${Paragraphs} text=${u.narrative} />
                  ${
                    u.evidence.length
                      ? html`<p class="govuk-body govuk-!-margin-bottom-1">Evidence:</p><${EvidenceList} evidence=${u.evidence} />`
                      : null
                  }
                </li>
              `,
            )}
          </ol>`
    }
  `;
}

// The page ---------------------------------------------------------------------------------------------------

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me | null }
  | { kind: 'missing' }
  | { kind: 'loaded'; me: Me; agencies: AgencyName[]; action: ActionWithUpdates }
  | { kind: 'failed'; error: unknown };

function ActionPage(): VNode {
  const [route, setRoute] = useState<Route>(readRoute);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [navigations, setNavigations] = useState(0);
  const navigated = useRef(0);
  const [flashFor, setFlash] = useState<ForView<Flash> | null>(() =>
    new URLSearchParams(window.location.search).get('added') === '1'
      ? { heading: 'Action added to the plan', at: 0 }
      : null,
  );
  const [conflictFor, setConflict] = useState<ForView<Conflict> | null>(null);
  const flash = flashFor?.at === navigations ? flashFor : null;
  const conflict = conflictFor?.at === navigations ? conflictFor : null;

  useEffect(() => {
    const onPop = () => {
      navigated.current += 1;
      setRoute(readRoute());
      setNavigations(navigated.current);
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', onPop);
    if (new URLSearchParams(window.location.search).has('added')) {
      window.history.replaceState(null, '', actionUrl(readRoute().id));
    }
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const me = await loadMe();
        if (!canReadBoard(me) || !me) {
          if (live) setState({ kind: 'not-allowed', me });
          return;
        }
        if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(route.id)) {
          if (live) setState({ kind: 'missing' });
          return;
        }
        const [action, agencies] = await Promise.all([
          apiGet<ActionWithUpdates>(`/board/actions/${route.id}`),
          loadAgencies(),
        ]);
        if (live) setState({ kind: 'loaded', me, agencies, action });
      } catch (error) {
        if (!live) return;
        setState(
          error instanceof ApiError && error.status === 404 ? { kind: 'missing' } : { kind: 'failed', error },
        );
      }
    })();
    return () => {
      live = false;
    };
  }, [route.id, attempt]);

  if (state.kind === 'loading')
    return html`<${PageHeading} text="Action" size="l" /><${Loading} text="Loading the action…" />`;
  if (state.kind === 'not-allowed')
    return html`<${NotAllowed} me=${state.me} heading="Action" what="the board's action plan" />`;
  if (state.kind === 'missing') {
    setTitle('Action not found');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="Action not found" size="l" />
      <p class="govuk-body">There is no action at this address. Check the link, or find the action in the plan.</p>
      <p class="govuk-body"><a class="govuk-link" href="/board/">Go to the action plan</a></p>
    `;
  }
  if (state.kind === 'failed') {
    setTitle('Action');
    return html`
      <a class="govuk-back-link" href="/board/">Back to the action plan</a>
      <${PageHeading} text="Action" size="l" />
      <${ProblemState} error=${state.error} what="the action" onRetry=${() => {
        setState({ kind: 'loading' });
        setAttempt((n) => n + 1);
      }} />
    `;
  }

  const { me, agencies, action } = state;
  const refresh = async (fallback: ActionView): Promise<ActionWithUpdates> => {
    try {
      return await apiGet<ActionWithUpdates>(`/board/actions/${action.id}`);
    } catch {
      return { ...fallback, updates: action.updates };
    }
  };

  const send: FormProps['send'] = async (what, request, describe) => {
    try {
      const saved = await request(action.version);
      const fresh = await refresh(saved);
      setConflict(null);
      setFlash({ ...describe(saved), at: navigated.current + 1 });
      setState({ kind: 'loaded', me, agencies, action: fresh });
      go(action.id, null);
      return 'saved';
    } catch (error) {
      const current = currentAction(error);
      if (!current) return error;
      const fresh = await refresh(current);
      const closed = fresh.status === 'complete';
      setFlash(null);
      setConflict({
        what,
        changes: describeChanges(action, fresh),
        at: navigated.current + (closed ? 1 : 0),
      });
      setState({ kind: 'loaded', me, agencies, action: fresh });
      // A closed action cannot take the change at all: back to the action, with the message.
      if (closed) go(action.id, null, true);
      return 'conflict';
    }
  };

  const focus = navigations > 0;
  const step = route.step;
  if (step && (!canEditBoard(me) || action.status === 'complete')) {
    setTitle(action.status === 'complete' ? 'This action is closed' : 'You cannot change the action plan');
    return html`
      <${BackToAction} action=${action} />
      <${PageHeading} text=${action.status === 'complete' ? 'This action is closed' : 'You cannot change the action plan'} size="l" />
      <p class="govuk-body">
        ${
          action.status === 'complete'
            ? 'A closed action cannot be changed.'
            : 'Only safeguarding partnership board members can change the action plan. You can read it.'
        }
      </p>
    `;
  }
  const formProps: FormProps = { action, me, agencies, focus, conflict, send };
  // Each view is new when arrived at: a form starts empty.
  return html`<${View} key=${`${step ?? 'main'}-${navigations}`} step=${step} formProps=${formProps} flash=${flash} conflict=${conflict} />`;
}

function View(props: {
  step: Step | null;
  formProps: FormProps;
  flash: Flash | null;
  conflict: Conflict | null;
}): VNode {
  const p = props.formProps;
  switch (props.step) {
    case 'progress':
      return html`<${ProgressForm} ...${p} />`;
    case 'details':
      return html`<${DetailsForm} ...${p} />`;
    case 'due':
      return html`<${DueForm} ...${p} />`;
    case 'rag':
      return html`<${RagForm} ...${p} />`;
    case 'close':
      return html`<${CloseForm} ...${p} />`;
    default:
      return html`<${ActionDetails} action=${p.action} me=${p.me} agencies=${p.agencies} flash=${props.flash} conflict=${props.conflict} focus=${p.focus} />`;
  }
}

boot();
mount(html`<${ActionPage} />`);
