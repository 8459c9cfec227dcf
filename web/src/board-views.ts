/**
 * What the board's pages share (/board/, /board/action/, /board/new/, /dashboard/): the plan's fixed
 * lists and their words, RAG and status tags, loading the plan and the agencies' names, the CSV
 * download, who may see and change what, and the "someone else changed this" message.
 *
 * Types only from shared/board.ts: its values would bring zod's schemas into every page (+80 KB).
 * The labels are in board-labels.ts.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ActionSummary, ActionView } from '../../shared/board.ts';
import type { Me } from '../../shared/me.ts';
import type { Count, Share, Suppressed } from '../../shared/small-numbers.ts';
import { ApiError, apiGet } from './api.ts';
import { getToken, signInUrl } from './auth.ts';
import {
  type ActionStatus,
  type ActionWithUpdates,
  RAG_LABELS,
  type Rag,
  STATUS_LABELS,
  THEME_LABELS,
  type Theme,
} from './board-labels.ts';
import {
  ButtonLink,
  type ErrorSummaryItem,
  formatDate,
  formatDateTime,
  PageHeading,
  setTitle,
  Tag,
  type TagColour,
} from './ui.ts';

export type { ActionStatus, ActionWithUpdates, Rag, SourceKind, Theme } from './board-labels.ts';
export {
  OPEN_STATUSES,
  RAG_LABELS,
  RAGS,
  SOURCE_KINDS,
  SOURCE_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
  THEMES,
} from './board-labels.ts';

/** GET /api/board/dashboard, as functions/board/routes.ts's DashboardSchema has it. */
export interface RagCounts {
  red: number;
  amber: number;
  green: number;
}
export interface Dashboard {
  today: string;
  total: number;
  byRag: RagCounts;
  byTheme: (RagCounts & { theme: Theme })[];
  byOwner: (RagCounts & { agencyId: string; agencyName: string; overdue: number })[];
  overdue: ActionSummary[];
  escalated: (ActionSummary & { escalationReasons: string[] })[];
}

/** One quarter's figures, an agency's or the partnership's; any count or share may be `Suppressed`. */
export interface QuarterFigures {
  decided: Count;
  decidedOnTime: Count;
  onTimePct: Share;
  /** By outcome; an outcome not listed is 0. */
  outcomes: Record<string, Count>;
  agreement: {
    n: Count;
    agreed: Count;
    agreementPct: Share;
    kappa: number | null | Suppressed;
    kappaNote?: string;
  };
}

/**
 * GET /api/stats/referrals, as functions/referrals/routes.ts's ReferralStatsSchema has it. Small
 * counts arrive already hidden (shared/small-numbers.ts); the totals come with them, because a total
 * cannot be added up from hidden counts.
 */
export interface ReferralStats {
  generatedAt?: string;
  smallNumbers: { threshold: number };
  submitted: Count;
  months: { month: string; agencyId: string; submitted: Count }[];
  monthTotals: { month: string; submitted: Count }[];
  agencyTotals: { agencyId: string; submitted: Count }[];
  quarters: (QuarterFigures & { quarter: string; agencyId: string })[];
  quarterTotals: (QuarterFigures & { quarter: string })[];
}

const RAG_TAG: Record<Rag, TagColour> = { red: 'red', amber: 'orange', green: 'green' };
const STATUS_TAG: Record<ActionStatus, TagColour> = {
  not_started: 'grey',
  in_progress: 'blue',
  blocked: 'purple',
  complete: 'green',
};

// Tags ------------------------------------------------------------------------------------------------

/** "Red", "Amber" or "Green" as a coloured tag: the word is always there, never the colour alone. */
export function RagTag(props: { rag: Rag; classes?: string }): VNode {
  return html`<${Tag} text=${RAG_LABELS[props.rag]} colour=${RAG_TAG[props.rag]} classes=${props.classes} />`;
}

export function StatusTag(props: { status: ActionStatus; classes?: string }): VNode {
  return html`<${Tag} text=${STATUS_LABELS[props.status]} colour=${STATUS_TAG[props.status]} classes=${props.classes} />`;
}

export function EscalatedTag(): VNode {
  return html`<${Tag} text="Escalated" colour="red" classes="app-tag--inline app-board-escalated" />`;
}

// Loading ---------------------------------------------------------------------------------------------

/** The whole plan: it is small (tens of actions), so every page of it, soonest due first. */
export async function loadAllActions(signal?: AbortSignal): Promise<ActionSummary[]> {
  const items: ActionSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: ActionSummary[]; nextCursor: string | null } = await apiGet(
      `/board/actions?limit=200${query}`,
      signal,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export interface AgencyName {
  id: string;
  name: string;
  active: boolean;
}

/** The partner agencies, by name. A deactivated agency keeps its name on the actions it owns. */
export async function loadAgencies(signal?: AbortSignal): Promise<AgencyName[]> {
  const page = await apiGet<{ items: AgencyName[] }>('/agencies?limit=200', signal);
  return [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function agencyName(agencies: readonly AgencyName[], id: string): string {
  return agencies.find((a) => a.id === id)?.name ?? id;
}

export function actionUrl(id: string, extra = ''): string {
  return `/board/action/?id=${encodeURIComponent(id)}${extra}`;
}

/** The date an action is judged against, with the original when it was revised. */
export function dueText(action: { dueDate: string; effectiveDueDate: string }): string {
  return action.effectiveDueDate === action.dueDate
    ? formatDate(action.dueDate)
    : `${formatDate(action.effectiveDueDate)} (revised from ${formatDate(action.dueDate)})`;
}

// The CSV -----------------------------------------------------------------------------------------------

/**
 * Downloads the plan as CSV. The API needs the bearer token, which a plain link cannot send, so the
 * file is fetched, then saved through a temporary object URL on an <a download> (no inline script).
 */
export async function downloadPlanCsv(): Promise<string> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch('/api/board/actions.csv', {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { title: 'The portal could not be reached' });
  }
  if (!response.ok) {
    let problem: Record<string, unknown> = { title: response.statusText || 'Something went wrong' };
    try {
      problem = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not problem+json: keep the status text.
    }
    throw new ApiError(response.status, problem);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'action-plan.csv';
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

// Who may see and change the plan -------------------------------------------------------------------------

export function canReadBoard(me: Me | null): boolean {
  return !!me && (me.roles.includes('board') || me.roles.includes('triage'));
}

export function canEditBoard(me: Me | null): boolean {
  return !!me && me.roles.includes('board');
}

/** What someone who may not see the page sees instead: sign in, or who can. */
export function NotAllowed(props: { me: Me | null; heading: string; what: string }): VNode {
  useEffect(() => setTitle(props.me ? 'You cannot see this page' : props.heading), [props.heading, props.me]);
  if (!props.me) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text=${props.heading} />
        <p class="govuk-body">Safeguarding partnership board members and the Children's Front Door can see ${props.what}.</p>
        <p class="govuk-body">Sign in to see it.</p>
        <${ButtonLink} href=${signInUrl()} text="Sign in" />
      </div></div>
    `;
  }
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} text="You cannot see this page" />
      <p class="govuk-body">
        Only safeguarding partnership board members and the Children's Front Door can see ${props.what}. You are signed in
        as ${props.me.name}, who is neither.
      </p>
      <p class="govuk-body">If you think you should be able to, ask your portal administrator.</p>
      <p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a></p>
    </div></div>
  `;
}

// Someone else changed this ------------------------------------------------------------------------------

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What changed between the action as someone read it and as it is now, in words: the updates added,
 * the status, the RAG, the dates, the override, the details.
 */
export function describeChanges(before: ActionView, after: ActionWithUpdates | ActionView): string[] {
  const changes: string[] = [];
  const added = after.updateCount - before.updateCount;
  if (added > 0) {
    const updates = 'updates' in after ? after.updates : [];
    const newest = [...updates].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    changes.push(
      newest && added === 1
        ? `${newest.by.name} added a progress update at ${formatDateTime(newest.at)}: “${newest.narrative}”`
        : `${plural(added, 'progress update was', 'progress updates were')} added`,
    );
  }
  if (after.closed && !before.closed) changes.push(`The action was closed by ${after.closed.by.name}`);
  if (after.status !== before.status)
    changes.push(`Status: ${STATUS_LABELS[before.status]} → ${STATUS_LABELS[after.status]}`);
  if (after.rag !== before.rag) changes.push(`RAG: ${RAG_LABELS[before.rag]} → ${RAG_LABELS[after.rag]}`);
  if (after.effectiveDueDate !== before.effectiveDueDate)
    changes.push(
      `Due date: ${formatDate(before.effectiveDueDate)} → ${formatDate(after.effectiveDueDate)}${after.revisionReason ? ` (${after.revisionReason})` : ''}`,
    );
  const overrideOf = (a: ActionView) =>
    a.ragOverride ? `${a.ragOverride.rag}: ${a.ragOverride.justification}` : '';
  if (overrideOf(after) !== overrideOf(before)) {
    changes.push(
      after.ragOverride
        ? `${after.ragOverride.by.name} set the RAG to ${RAG_LABELS[after.ragOverride.rag].toLowerCase()}: “${after.ragOverride.justification}”`
        : 'The RAG override was cleared',
    );
  }
  const details: [string, (a: ActionView) => string][] = [
    ['Title', (a) => a.title],
    ['Description', (a) => a.description],
    ['Theme', (a) => THEME_LABELS[a.theme]],
    ['Owner agency', (a) => a.ownerAgencyId],
    ['Lead', (a) => a.lead],
    ['Contributing agencies', (a) => a.contributingAgencyIds.join(',')],
    ['Subgroup', (a) => a.subgroup ?? ''],
    ['Outcome measure', (a) => JSON.stringify(a.outcomeMeasure ?? null)],
  ];
  const changed = details.filter(([, get]) => get(before) !== get(after)).map(([name]) => name.toLowerCase());
  if (changed.length > 0) {
    const list =
      changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
    changes.push(`The ${list} ${changed.length === 1 ? 'was' : 'were'} changed`);
  }
  if (changes.length === 0) changes.push('The action was saved again with no change you can see');
  return changes;
}

/**
 * "Someone else changed this action while you were editing": an important notification banner that
 * takes focus (it is the answer to pressing the button), with what changed and what to do.
 */
export function ConflictBanner(props: {
  what: string;
  changes: string[];
  children?: ComponentChildren;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div
      class="govuk-notification-banner app-board-conflict"
      role="alert"
      aria-labelledby="conflict-title"
      data-module="govuk-notification-banner"
      tabindex="-1"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="conflict-title">Important</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">Someone else changed this action while you were editing</p>
        <p class="govuk-body">${props.what} was not saved. Since you opened it:</p>
        <ul class="govuk-list govuk-list--bullet">
          ${props.changes.map((c) => html`<li key=${c}>${c}</li>`)}
        </ul>
        ${props.children}
      </div>
    </div>
  `;
}

/** A success banner that takes focus, for what the person has just done. */
export function SuccessBanner(props: { heading: string; children?: ComponentChildren }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div
      class="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-title"
      data-module="govuk-notification-banner"
      tabindex="-1"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="success-title">Success</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <h3 class="govuk-notification-banner__heading">${props.heading}</h3>
        ${props.children}
      </div>
    </div>
  `;
}

/** Is this problem's `current` an action (a 409 carries the action as it now is)? */
export function currentAction(error: unknown): ActionView | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current as Partial<ActionView> | undefined;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as ActionView)
    : null;
}

/** Whole-number percentage for display: 83 → "83%". */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)}%`;
}

/** Today's date in the UK, as the API judges RAG by it. */
export function ukToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

// Forms ---------------------------------------------------------------------------------------------------

export interface Refusal {
  /** Error messages by field id. */
  fields: Record<string, string>;
  items: ErrorSummaryItem[];
}

/**
 * A refused write as an error summary and per-field messages. `fieldId` maps the API's dotted field
 * (`evidence.0.url`) to the id of the input on the page, or null for one the page does not show.
 */
export function describeRefusal(
  error: unknown,
  fieldId: (field: string) => string | null,
  fallbackId: string,
): Refusal {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const items = error.fieldErrors.map((e) => {
      const id = fieldId(e.field);
      if (id && !fields[id]) fields[id] = e.reason;
      return { href: `#${id ?? fallbackId}`, text: e.reason };
    });
    return { fields, items };
  }
  if (error instanceof ApiError && error.status === 401) {
    return {
      fields: {},
      items: [{ href: signInUrl(), text: 'Your sign-in has ended. Sign in again: nothing was saved.' }],
    };
  }
  if (error instanceof ApiError && error.status === 403) {
    return {
      fields: {},
      items: [
        { href: `#${fallbackId}`, text: 'Only board members can change the action plan. Nothing was saved.' },
      ],
    };
  }
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return { fields: {}, items: [{ href: `#${fallbackId}`, text: error.detail ?? error.title }] };
  }
  const text =
    error instanceof ApiError && error.status === 0
      ? 'The portal could not be reached. Check your internet connection and try again.'
      : 'Sorry, there is a problem with the service. Nothing was saved. Try again in a few minutes.';
  return { fields: {}, items: [{ href: `#${fallbackId}`, text }] };
}

/** A web address the API accepts for evidence: http or https, absolute. */
export function checkEvidenceUrl(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') {
      return text.length > 500 ? 'The web address must be 500 characters or fewer' : null;
    }
  } catch {
    // Not a URL: the message below.
  }
  return 'Enter a web address starting https://, like https://example.org/report';
}

/** A length check with GOV.UK's wording: "Title must be 200 characters or fewer". */
export function tooLong(what: string, value: string, max: number): string | null {
  return value.trim().length > max
    ? `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`
    : null;
}

/** GOV.UK checkboxes: several choices under one legend. */
export function CheckboxGroup(props: {
  idPrefix: string;
  name: string;
  legend: string;
  legendClasses?: string;
  hint?: string;
  items: { value: string; text: string }[];
  values: string[];
  onChange: (values: string[]) => void;
}): VNode {
  const hintId = props.hint ? `${props.idPrefix}-hint` : undefined;
  return html`
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby=${hintId}>
        <legend class=${`govuk-fieldset__legend ${props.legendClasses ?? 'govuk-fieldset__legend--s'}`}>${props.legend}</legend>
        ${props.hint ? html`<div id=${hintId} class="govuk-hint">${props.hint}</div>` : null}
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          ${props.items.map((item, index) => {
            const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${index + 1}`;
            const checked = props.values.includes(item.value);
            return html`
              <div class="govuk-checkboxes__item" key=${item.value}>
                <input
                  class="govuk-checkboxes__input"
                  id=${id}
                  name=${props.name}
                  type="checkbox"
                  value=${item.value}
                  checked=${checked}
                  onChange=${(event: Event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked;
                    props.onChange(
                      on ? [...props.values, item.value] : props.values.filter((v) => v !== item.value),
                    );
                  }}
                />
                <label class="govuk-label govuk-checkboxes__label" for=${id}>${item.text}</label>
              </div>
            `;
          })}
        </div>
      </fieldset>
    </div>
  `;
}
