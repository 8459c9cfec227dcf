/**
 * The guidance editor's pages (role guidance-editor):
 *
 *   /guidance/edit/                                 every version, including the draft; start a draft
 *   /guidance/edit/draft/?v=N[&q=word]              the draft's indicators, to find and change
 *   /guidance/edit/draft/?v=N&indicator=ID          change an indicator's level, text, search words
 *   /guidance/edit/draft/?v=N&remove=ID             remove it (after confirming)
 *   /guidance/edit/draft/?v=N&add=1                 add an indicator
 *   /guidance/edit/compare/?v=N                     what the draft changes, against the current version
 *   /guidance/edit/publish/?v=N                     change summary and effective date, then publish
 *
 * Every save is a PUT of the whole framework with If-Match: the draft's revision. A refused save
 * (409) says someone else changed the draft and offers a reload; nothing is overwritten silently.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Framework, GuidanceVersion, Indicator, LevelNumber } from '../../../shared/guidance.ts';
import { levelLabel, searchIndicators } from '../../../shared/guidance-check.ts';
import type { Me } from '../../../shared/me.ts';
import { ApiError, apiGet, apiRequest } from '../api.ts';
import { signInUrl } from '../auth.ts';
import { boot, loadMe } from '../chrome.ts';
import {
  ChangesView,
  describeChanges,
  groupIndicators,
  HighlightedIndicator,
  LevelTag,
  queryWords,
  StatusTag,
  sortedLevels,
  type VersionChanges,
  type VersionSummary,
} from '../guidance-views.ts';
import {
  Button,
  ButtonLink,
  Checkbox,
  DateInput,
  type DateParts,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  formatDateTime,
  Loading,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemState,
  parseDateParts,
  Select,
  setTitle,
  Textarea,
} from '../ui.ts';

// Routes -----------------------------------------------------------------------------------------------

type Route =
  | { page: 'list' }
  | { page: 'draft'; version: number; query: string }
  | { page: 'indicator'; version: number; id: string }
  | { page: 'remove'; version: number; id: string }
  | { page: 'add'; version: number }
  | { page: 'compare'; version: number }
  | { page: 'publish'; version: number }
  | { page: 'not-found' };

type VersionRoute = Exclude<Route, { page: 'list' } | { page: 'not-found' }>;

function readRoute(): Route {
  const path = window.location.pathname.replace(/\/?$/, '/');
  const params = new URLSearchParams(window.location.search);
  if (path === '/guidance/edit/') return { page: 'list' };
  const raw = params.get('v') ?? '';
  if (!/^[1-9]\d{0,5}$/.test(raw)) return { page: 'not-found' };
  const version = Number(raw);
  if (path === '/guidance/edit/compare/') return { page: 'compare', version };
  if (path === '/guidance/edit/publish/') return { page: 'publish', version };
  if (path === '/guidance/edit/draft/') {
    const id = params.get('indicator');
    const remove = params.get('remove');
    if (params.get('add')) return { page: 'add', version };
    if (remove) return { page: 'remove', version, id: remove };
    if (id) return { page: 'indicator', version, id };
    return { page: 'draft', version, query: (params.get('q') ?? '').trim().slice(0, 100) };
  }
  return { page: 'not-found' };
}

const urls = {
  list: () => '/guidance/edit/',
  draft: (v: number, query = '') =>
    `/guidance/edit/draft/?v=${v}${query ? `&q=${encodeURIComponent(query)}` : ''}`,
  indicator: (v: number, id: string) => `/guidance/edit/draft/?v=${v}&indicator=${encodeURIComponent(id)}`,
  remove: (v: number, id: string) => `/guidance/edit/draft/?v=${v}&remove=${encodeURIComponent(id)}`,
  add: (v: number) => `/guidance/edit/draft/?v=${v}&add=1`,
  compare: (v: number) => `/guidance/edit/compare/?v=${v}`,
  publish: (v: number) => `/guidance/edit/publish/?v=${v}`,
};

interface Flash {
  id: number;
  heading: string;
  body?: string;
}

let pendingFlash: Omit<Flash, 'id'> | null = null;

/** Goes to another of the editor's pages without reloading; `flash` shows there as a success banner. */
function navigate(url: string, flash?: Omit<Flash, 'id'>): void {
  pendingFlash = flash ?? null;
  window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function NavLink(props: { href: string; children: ComponentChildren; classes?: string }): VNode {
  const onClick = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    navigate(props.href);
  };
  return html`<a class=${props.classes ?? 'govuk-link'} href=${props.href} onClick=${onClick}>${props.children}</a>`;
}

function BackLink(props: { href: string; text: string }): VNode {
  return html`<${NavLink} href=${props.href} classes="govuk-back-link">${props.text}</${NavLink}>`;
}

// Saving -----------------------------------------------------------------------------------------------

async function saveFramework(draft: GuidanceVersion, framework: Framework): Promise<GuidanceVersion> {
  const { data } = await apiRequest<GuidanceVersion>(`/guidance/versions/${draft.version}`, {
    method: 'PUT',
    body: { framework },
    ifMatch: draft.revision,
  });
  return data;
}

const isConflict = (error: unknown) =>
  error instanceof ApiError && (error.status === 409 || error.status === 412);

/** "Someone else changed this draft", focused when it appears so it is read out. */
function ConflictBanner(props: { what?: string }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div class="govuk-notification-banner" role="region" aria-labelledby="conflict-title" tabindex="-1" ref=${ref}>
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="conflict-title">Important</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">Someone else changed this draft</p>
        <p class="govuk-body">
          ${props.what ?? 'Your change was not saved'}, because the draft changed after you opened it (or it has been
          published). Reload the draft to see it as it is now, then make your change again if it is still needed.
        </p>
        <p class="govuk-body">
          <a class="govuk-notification-banner__link" href=${window.location.href}>Reload the draft</a>
        </p>
      </div>
    </div>
  `;
}

/** Turns a refused save into error-summary items, with each field's reason by form field id. */
function describeRefusal(
  error: unknown,
  fieldFor: (apiField: string) => string | null,
  fallbackId: string,
): { items: ErrorSummaryItem[]; fields: Record<string, string> } {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const items = error.fieldErrors.map((e) => {
      const id = fieldFor(e.field);
      if (id && !fields[id]) fields[id] = e.reason;
      return { href: `#${id ?? fallbackId}`, text: id ? e.reason : `${e.field}: ${e.reason}` };
    });
    return { items, fields };
  }
  if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
    return { items: [{ href: `#${fallbackId}`, text: error.detail ?? error.title }], fields: {} };
  }
  const text =
    error instanceof ApiError && error.status === 0
      ? 'The portal could not be reached. Check your internet connection and try again.'
      : 'Sorry, there is a problem with the service. Nothing was saved. Try again in a few minutes.';
  return { items: [{ href: `#${fallbackId}`, text }], fields: {} };
}

// The list of versions ---------------------------------------------------------------------------------

type ListState =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: VersionSummary[] }
  | { kind: 'failed'; error: unknown };

function VersionsList(props: {
  flash: Flash | null;
  focus: boolean;
  onDraft: (draft: GuidanceVersion) => void;
}): VNode {
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; draft?: number } | null>(null);

  useEffect(() => {
    setState({ kind: 'loading' });
    apiGet<{ items: VersionSummary[] }>('/guidance/versions').then(
      (page) => setState({ kind: 'loaded', items: [...page.items].sort((a, b) => b.version - a.version) }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);
  useEffect(() => setTitle('Edit the threshold guidance'), []);

  const startDraft = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { data } = await apiRequest<GuidanceVersion>('/guidance/versions', { method: 'POST', body: {} });
      props.onDraft(data);
      navigate(urls.draft(data.version), {
        heading: `Draft version ${data.version} started`,
        body: `It is a copy of version ${data.version - 1}. Nobody else sees your changes until you publish it.`,
      });
    } catch (error) {
      const current =
        error instanceof ApiError ? (error.problem.current as GuidanceVersion | undefined) : undefined;
      if (error instanceof ApiError && error.status === 409 && current?.version) {
        setProblem({
          text: `Version ${current.version} is already a draft. Edit or publish it first.`,
          draft: current.version,
        });
      } else {
        setProblem({
          text:
            describeRefusal(error, () => null, 'start').items[0]?.text ?? 'The draft could not be started.',
        });
      }
      setBusy(false);
    }
  };

  const heading = html`<${PageHeading} caption="Threshold guidance" text="Edit the threshold guidance" focus=${props.focus} />`;
  if (state.kind === 'loading') return html`${heading}<${Loading} text="Loading the versions…" />`;
  if (state.kind === 'failed') {
    return html`${heading}<${ProblemState} error=${state.error} what="the versions of the guidance" onRetry=${() => setAttempt((n) => n + 1)} />`;
  }
  const draft = state.items.find((v) => v.status === 'draft');
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${props.flash ? html`<${NotificationBanner} key=${props.flash.id} type="success" heading=${props.flash.heading}>${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}</${NotificationBanner}>` : null}
      ${heading}
      <p class="govuk-body">
        Draft a new version, change its indicators, compare it with the current version, then publish it with a summary
        of what changed and the date it takes effect. Published versions never change.
      </p>
      ${
        problem
          ? html`<div class="govuk-error-summary" role="alert" tabindex="-1" id="start">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body">
                <p class="govuk-body">${problem.text}</p>
                ${problem.draft ? html`<p class="govuk-body"><${NavLink} href=${urls.draft(problem.draft)}>Continue editing draft version ${problem.draft}</${NavLink}></p>` : null}
              </div>
            </div>`
          : null
      }
      ${
        draft
          ? html`
            <div class="app-draft-card">
              <h2 class="govuk-heading-m">Version ${draft.version} is a draft</h2>
              <p class="govuk-body">Last saved ${formatDateTime(draft.updatedAt)}.</p>
              <div class="govuk-button-group">
                <${NavLink} href=${urls.draft(draft.version)} classes="govuk-button">Continue editing draft version ${draft.version}</${NavLink}>
                <${NavLink} href=${urls.compare(draft.version)}>Compare with the current version</${NavLink}>
                <${NavLink} href=${urls.publish(draft.version)}>Publish</${NavLink}>
              </div>
            </div>
          `
          : html`
            <h2 class="govuk-heading-m">Start a new version</h2>
            <p class="govuk-body">The draft starts as a copy of the current version.</p>
            <${Button} text=${busy ? 'Starting…' : 'Start a new draft'} type="button" disabled=${busy} onClick=${startDraft} />
          `
      }
    </div></div>
    <table class="govuk-table govuk-table--small-text-until-tablet">
      <caption class="govuk-table__caption govuk-table__caption--m">All versions</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Version</th>
          <th scope="col" class="govuk-table__header">Status</th>
          <th scope="col" class="govuk-table__header">In effect from</th>
          <th scope="col" class="govuk-table__header">What changed</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${state.items.map(
          (v) => html`
            <tr class="govuk-table__row" key=${v.version}>
              <th scope="row" class="govuk-table__header">
                ${
                  v.status === 'draft'
                    ? html`<${NavLink} href=${urls.draft(v.version)}>Version ${v.version}</${NavLink}>`
                    : html`<a class="govuk-link" href=${`/guidance/version/?v=${v.version}`}>Version ${v.version}</a>`
                }
              </th>
              <td class="govuk-table__cell"><${StatusTag} status=${v.status} /></td>
              <td class="govuk-table__cell">${v.effectiveFrom ? formatDate(v.effectiveFrom) : 'Not set'}</td>
              <td class="govuk-table__cell">${v.changeSummary ?? (v.status === 'draft' ? 'Not written yet' : '')}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}

// The draft's indicators --------------------------------------------------------------------------------

function DraftFacts(props: { draft: GuidanceVersion }): VNode {
  const { draft } = props;
  return html`
    <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Status</dt>
        <dd class="govuk-summary-list__value"><${StatusTag} status=${draft.status} /></dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Revision</dt>
        <dd class="govuk-summary-list__value" id="draft-revision">${String(draft.revision)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Last saved</dt>
        <dd class="govuk-summary-list__value">${formatDateTime(draft.updatedAt)}</dd>
      </div>
    </dl>
  `;
}

function DraftOverview(props: {
  draft: GuidanceVersion;
  query: string;
  flash: Flash | null;
  focus: boolean;
}): VNode {
  const { draft, query } = props;
  const { framework } = draft;
  const [input, setInput] = useState(query);
  useEffect(() => setInput(query), [query]);
  useEffect(() => setTitle(`Draft version ${draft.version} – Edit the threshold guidance`), [draft.version]);

  const found = query ? searchIndicators(framework, query) : framework.indicators;
  const words = queryWords(query);
  const groups = groupIndicators(framework, undefined, found);

  const onFind = (event: Event) => {
    event.preventDefault();
    navigate(urls.draft(draft.version, input.trim()));
  };

  return html`
    <${BackLink} href=${urls.list()} text="All versions" />
    ${props.flash ? html`<${NotificationBanner} key=${props.flash.id} type="success" heading=${props.flash.heading}>${props.flash.body ? html`<p class="govuk-body">${props.flash.body}</p>` : null}</${NotificationBanner}>` : null}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} caption="Edit the threshold guidance" text=${`Draft version ${draft.version}`} focus=${props.focus} />
      <${DraftFacts} draft=${draft} />
      <div class="govuk-button-group">
        <${NavLink} href=${urls.add(draft.version)} classes="govuk-button govuk-button--secondary">Add an indicator</${NavLink}>
        <${NavLink} href=${urls.compare(draft.version)}>Compare with the current version</${NavLink}>
        <${NavLink} href=${urls.publish(draft.version)}>Publish this version</${NavLink}>
      </div>
      <h2 class="govuk-heading-l">Indicators</h2>
      <form action="/guidance/edit/draft/" method="get" role="search" aria-label="Indicators in this draft" onSubmit=${onFind}>
        <input type="hidden" name="v" value=${String(draft.version)} />
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="find-q">Find an indicator</label>
          <div id="find-q-hint" class="govuk-hint">A word from its text or search words, for example shouting</div>
          <div class="app-search__row">
            <input
              class="govuk-input app-search__input"
              id="find-q"
              name="q"
              type="search"
              maxlength="100"
              spellcheck=${false}
              autocomplete="off"
              aria-describedby="find-q-hint"
              value=${input}
              onInput=${(e: Event) => setInput((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="govuk-button govuk-button--secondary app-search__button" data-module="govuk-button">Find</button>
          </div>
        </div>
      </form>
      <p class="govuk-body" role="status">
        ${
          query
            ? `${found.length} of ${framework.indicators.length} indicators match “${query}”.`
            : `${framework.indicators.length} indicators.`
        }
        ${query ? html` <${NavLink} href=${urls.draft(draft.version)}>Show all indicators</${NavLink}>` : null}
      </p>
    </div></div>
    ${groups.map(
      (group) => html`
        <h3 class="govuk-heading-m" key=${group.domain.id}>${group.domain.name}</h3>
        ${group.subDomains.map(
          ({ subDomain, indicators }) => html`
            <table class="govuk-table govuk-table--small-text-until-tablet app-indicator-table" key=${subDomain.id}>
              <caption class="govuk-table__caption govuk-table__caption--s">${subDomain.name}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Indicator</th>
                  <th scope="col" class="govuk-table__header app-indicator-table__level">Level</th>
                  <th scope="col" class="govuk-table__header app-table__action"><span class="govuk-visually-hidden">Action</span></th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                ${indicators.map(
                  (indicator) => html`
                    <tr class="govuk-table__row" key=${indicator.id}>
                      <td class="govuk-table__cell"><${HighlightedIndicator} indicator=${indicator} words=${words} /></td>
                      <td class="govuk-table__cell"><${LevelTag} level=${indicator.level} framework=${framework} /></td>
                      <td class="govuk-table__cell app-table__action">
                        <${NavLink} href=${urls.indicator(draft.version, indicator.id)}>
                          Change<span class="govuk-visually-hidden"> ${indicator.text}</span>
                        </${NavLink}>
                      </td>
                    </tr>
                  `,
                )}
              </tbody>
            </table>
          `,
        )}
      `,
    )}
  `;
}

// Change, add or remove an indicator ----------------------------------------------------------------------

interface IndicatorFields {
  text: string;
  level: string;
  subDomainId: string;
  searchWords: string;
  immediateDanger: boolean;
}

const FIELD_IDS: Record<string, string> = {
  text: 'indicator-text',
  level: 'indicator-level',
  subDomainId: 'indicator-sub-domain',
  searchWords: 'indicator-search-words',
};

function splitWords(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\n,]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

function validateIndicator(fields: IndicatorFields): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = fields.text.trim();
  if (!text) errors['indicator-text'] = 'Enter what the indicator says';
  else if (text.length > 300) errors['indicator-text'] = 'The indicator must be 300 characters or fewer';
  if (!['1', '2', '3', '4'].includes(fields.level)) errors['indicator-level'] = 'Choose the level of need';
  if (!fields.subDomainId) errors['indicator-sub-domain'] = 'Choose the area of need';
  const words = splitWords(fields.searchWords);
  if (words.length > 20) errors['indicator-search-words'] = 'Enter 20 search words or fewer';
  else if (words.some((w) => w.length > 40))
    errors['indicator-search-words'] = 'Each search word must be 40 characters or fewer';
  return errors;
}

/** A new indicator's id: its sub-domain and the first words of its text, made unique. */
function newIndicatorId(framework: Framework, subDomainId: string, text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 5)
    .join('-');
  const base = `${subDomainId}-${words || 'indicator'}`.slice(0, 74).replace(/-+$/, '');
  const taken = new Set(framework.indicators.map((i) => i.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Maps an API field such as `framework.indicators.12.text` to the form's field id. */
function indicatorFieldFor(apiField: string): string | null {
  const m = /^framework\.indicators\.\d+\.(\w+)/.exec(apiField);
  return m?.[1] ? (FIELD_IDS[m[1]] ?? null) : null;
}

function IndicatorForm(props: {
  draft: GuidanceVersion;
  indicator: Indicator | null;
  focus: boolean;
  onSaved: (saved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode {
  const { draft, indicator } = props;
  const { framework } = draft;
  const editing = indicator !== null;
  const [fields, setFields] = useState<IndicatorFields>({
    text: indicator?.text ?? '',
    level: indicator ? String(indicator.level) : '',
    subDomainId: indicator?.subDomainId ?? '',
    searchWords: indicator?.searchWords.join('\n') ?? '',
    immediateDanger: indicator?.immediateDanger === true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<IndicatorFields>) => setFields((f) => ({ ...f, ...patch }));
  const title = editing ? 'Change an indicator' : 'Add an indicator';

  useEffect(
    () => setTitle(`${title} – Draft version ${draft.version}`, summary.length > 0),
    [summary.length, title, draft.version],
  );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const found = validateIndicator(fields);
    const order = ['indicator-text', 'indicator-level', 'indicator-sub-domain', 'indicator-search-words'];
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setSummary(order.filter((id) => found[id]).map((id) => ({ href: `#${id}`, text: found[id] ?? '' })));
      return;
    }
    const next: Indicator = {
      ...(indicator ?? {}),
      id: indicator?.id ?? newIndicatorId(framework, fields.subDomainId, fields.text),
      level: Number(fields.level) as LevelNumber,
      subDomainId: fields.subDomainId,
      text: fields.text.trim(),
      searchWords: splitWords(fields.searchWords),
    };
    if (fields.immediateDanger) next.immediateDanger = true;
    else delete next.immediateDanger;
    const indicators = editing
      ? framework.indicators.map((i) => (i.id === indicator.id ? next : i))
      : [...framework.indicators, next];
    setBusy(true);
    try {
      const saved = await saveFramework(draft, { ...framework, indicators });
      const moved =
        editing && indicator.level !== next.level
          ? ` It moved from level ${indicator.level} to level ${next.level}.`
          : '';
      props.onSaved(saved, {
        heading: `Saved. Draft version ${saved.version} is now at revision ${saved.revision}.`,
        body: `${editing ? 'Changed' : 'Added'}: “${next.text}”${moved}`,
      });
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(true);
        setErrors({});
        setSummary([]);
        return;
      }
      const refusal = describeRefusal(error, indicatorFieldFor, 'indicator-text');
      setErrors(refusal.fields);
      setSummary(refusal.items);
    }
  };

  const levelOptions = sortedLevels(framework).map((l) => ({ value: String(l.level), text: levelLabel(l) }));
  const subDomainGroups = framework.domains.map((d) => ({
    label: d.name,
    options: d.subDomains.map((s) => ({ value: s.id, text: s.name })),
  }));

  return html`
    <${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${summary.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${summary} />` : null}
      ${conflict ? html`<${ConflictBanner} key=${submissions} />` : null}
      <${PageHeading} caption=${`Draft version ${draft.version}`} text=${title} size="l" focus=${props.focus && summary.length === 0 && !conflict} />
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="indicator-text"
          name="text"
          label="What the indicator says"
          labelClasses="govuk-label--s"
          hint="Plain English, as a practitioner would describe what they see or hear. Up to 300 characters."
          value=${fields.text}
          error=${errors['indicator-text']}
          rows=${4}
          onInput=${(text: string) => set({ text })}
        />
        <${Select}
          id="indicator-level"
          name="level"
          label="Level of need"
          labelClasses="govuk-label--s"
          value=${fields.level}
          placeholder=${editing ? undefined : 'Choose a level'}
          options=${levelOptions}
          error=${errors['indicator-level']}
          onChange=${(level: string) => set({ level })}
        />
        <${Select}
          id="indicator-sub-domain"
          name="subDomainId"
          label="Area of need"
          labelClasses="govuk-label--s"
          value=${fields.subDomainId}
          placeholder=${editing ? undefined : 'Choose an area'}
          groups=${subDomainGroups}
          error=${errors['indicator-sub-domain']}
          onChange=${(subDomainId: string) => set({ subDomainId })}
        />
        <${Textarea}
          id="indicator-search-words"
          name="searchWords"
          label="Search words"
          labelClasses="govuk-label--s"
          hint="The words people might search for, one a line, most telling first. Up to 20, each up to 40 characters."
          value=${fields.searchWords}
          error=${errors['indicator-search-words']}
          rows=${6}
          spellcheck=${false}
          onInput=${(searchWords: string) => set({ searchWords })}
        />
        <${Checkbox}
          id="indicator-immediate-danger"
          name="immediateDanger"
          label="This can mean a child is in immediate danger"
          hint="The checker then tells people to call 999 and the Front Door now, before anything else."
          checked=${fields.immediateDanger}
          onChange=${(immediateDanger: boolean) => set({ immediateDanger })}
        />
        <div class="govuk-button-group">
          <${Button} text=${busy ? 'Saving…' : editing ? 'Save changes' : 'Add indicator'} disabled=${busy} />
          <${NavLink} href=${urls.draft(draft.version)}>Cancel</${NavLink}>
        </div>
      </form>
      ${
        editing
          ? html`
            <h2 class="govuk-heading-m">Remove this indicator</h2>
            <p class="govuk-body">Remove it if the partnership no longer uses it. It stays in earlier versions.</p>
            <${NavLink} href=${urls.remove(draft.version, indicator.id)} classes="govuk-button govuk-button--warning">Remove this indicator</${NavLink}>
          `
          : null
      }
    </div></div>
  `;
}

function RemoveIndicator(props: {
  draft: GuidanceVersion;
  indicator: Indicator;
  focus: boolean;
  onSaved: (saved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode {
  const { draft, indicator } = props;
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => setTitle(`Remove this indicator? – Draft version ${draft.version}`), [draft.version]);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    try {
      const saved = await saveFramework(draft, {
        ...draft.framework,
        indicators: draft.framework.indicators.filter((i) => i.id !== indicator.id),
      });
      props.onSaved(saved, {
        heading: `Saved. Draft version ${saved.version} is now at revision ${saved.revision}.`,
        body: `Removed: “${indicator.text}”`,
      });
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict((n) => n + 1);
      else
        setFailed(
          describeRefusal(error, () => null, 'remove').items[0]?.text ?? 'The indicator was not removed.',
        );
    }
  };

  return html`
    <${BackLink} href=${urls.indicator(draft.version, indicator.id)} text="Back to the indicator" />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${conflict ? html`<${ConflictBanner} key=${conflict} what="The indicator was not removed" />` : null}
      ${
        failed
          ? html`<div class="govuk-error-summary" role="alert" id="remove"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p class="govuk-body">${failed}</p></div></div>`
          : null
      }
      <${PageHeading} caption=${`Draft version ${draft.version}`} text="Remove this indicator?" size="l" focus=${props.focus && !conflict} />
      <div class="govuk-inset-text">
        <${LevelTag} level=${indicator.level} framework=${draft.framework} /> ${indicator.text}
      </div>
      <p class="govuk-body">
        It will no longer be in the draft. Nobody else sees the change until you publish the draft, and earlier
        versions keep it.
      </p>
      <div class="govuk-button-group">
        <${Button} text=${busy ? 'Removing…' : 'Yes, remove it'} type="button" variant="warning" disabled=${busy} onClick=${remove} />
        <${NavLink} href=${urls.indicator(draft.version, indicator.id)}>No, keep it</${NavLink}>
      </div>
    </div></div>
  `;
}

// Compare and publish -------------------------------------------------------------------------------------

type ChangesState =
  | { kind: 'loading' }
  | { kind: 'loaded'; changes: VersionChanges }
  | { kind: 'failed'; error: unknown };

function useChanges(version: number): [ChangesState, () => void] {
  const [state, setState] = useState<ChangesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (version < 2) return;
    setState({ kind: 'loading' });
    apiGet<VersionChanges>(`/guidance/versions/${version}/changes`).then(
      (changes) => setState({ kind: 'loaded', changes }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [version, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}

function Compare(props: { draft: GuidanceVersion; focus: boolean }): VNode {
  const { draft } = props;
  const previous = draft.version - 1;
  const [state, retry] = useChanges(draft.version);
  useEffect(() => setTitle(`Compare version ${draft.version} with version ${previous}`), [draft.version]);
  return html`
    <${BackLink} href=${draft.status === 'draft' ? urls.draft(draft.version) : urls.list()} text=${draft.status === 'draft' ? `Draft version ${draft.version}` : 'All versions'} />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading}
        caption="Edit the threshold guidance"
        text=${`What version ${draft.version} changes`}
        size="l"
        focus=${props.focus}
      />
      <p class="govuk-body">Compared with version ${previous}${draft.status === 'draft' ? ', the current version' : ''}.</p>
      ${
        previous < 1
          ? html`<p class="govuk-body">This is the first version: there is nothing to compare it with.</p>`
          : state.kind === 'loading'
            ? html`<${Loading} text="Comparing the versions…" />`
            : state.kind === 'failed'
              ? html`<${ProblemState} error=${state.error} what="the comparison" onRetry=${retry} />`
              : html`<${ChangesView} changes=${state.changes} framework=${draft.framework} headingLevel=${2} />`
      }
      ${
        draft.status === 'draft'
          ? html`<div class="govuk-button-group">
              <${NavLink} href=${urls.publish(draft.version)} classes="govuk-button">Publish version ${draft.version}</${NavLink}>
              <${NavLink} href=${urls.draft(draft.version)}>Keep editing</${NavLink}>
            </div>`
          : null
      }
    </div></div>
  `;
}

function Published(props: { version: GuidanceVersion }): VNode {
  const { version } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setTitle(`Version ${version.version} published`);
    ref.current?.focus();
  }, []);
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <div class="govuk-panel govuk-panel--confirmation">
        <h1 class="govuk-panel__title" tabindex="-1" ref=${ref}>Version ${version.version} published</h1>
        <div class="govuk-panel__body">
          ${version.effectiveFrom ? `In effect from ${formatDate(version.effectiveFrom)}` : 'Now the current version'}
        </div>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">
        Everyone now sees version ${version.version} on the threshold guidance page, with your summary of what changed.
        The checker uses it for every new check, and each referral records the version it was made against.
      </p>
      <ul class="govuk-list">
        <li><a class="govuk-link" href="/guidance/">Read the threshold guidance</a></li>
        <li><a class="govuk-link" href=${`/guidance/version/?v=${version.version}`}>See what changed in version ${version.version}</a></li>
        <li><${NavLink} href=${urls.list()}>Back to all versions</${NavLink}></li>
      </ul>
    </div></div>
  `;
}

const PUBLISH_FIELDS: Record<string, string> = {
  changeSummary: 'change-summary',
  effectiveFrom: 'effective-from-day',
};

function Publish(props: {
  draft: GuidanceVersion;
  focus: boolean;
  onPublished: (v: GuidanceVersion) => void;
}): VNode {
  const { draft } = props;
  const [summaryText, setSummaryText] = useState(draft.changeSummary ?? '');
  const [date, setDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [dateParts, setDateParts] = useState<(keyof DateParts)[]>([]);
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [changes] = useChanges(draft.version);

  useEffect(
    () => setTitle(`Publish version ${draft.version}`, summary.length > 0),
    [summary.length, draft.version],
  );

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const errors: Record<string, string> = {};
    const items: ErrorSummaryItem[] = [];
    const text = summaryText.trim();
    if (!text) errors['change-summary'] = 'Enter a summary of what changed';
    else if (text.length > 2000) errors['change-summary'] = 'The summary must be 2,000 characters or fewer';
    if (errors['change-summary']) items.push({ href: '#change-summary', text: errors['change-summary'] });
    const parsed = parseDateParts(date, 'The date it takes effect');
    if ('error' in parsed) {
      errors['effective-from'] = parsed.error;
      setDateParts(parsed.parts);
      items.push({ href: `#effective-from-${parsed.parts[0] ?? 'day'}`, text: parsed.error });
    }
    if (items.length > 0 || !('date' in parsed)) {
      setFieldErrors(errors);
      setSummary(items);
      return;
    }
    setBusy(true);
    try {
      const { data } = await apiRequest<GuidanceVersion>(`/guidance/versions/${draft.version}/publish`, {
        method: 'POST',
        body: { changeSummary: text, effectiveFrom: parsed.date },
        ifMatch: draft.revision,
      });
      props.onPublished(data);
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(true);
        setSummary([]);
        setFieldErrors({});
        return;
      }
      if (error instanceof ApiError && error.status === 422) {
        // Content problems: each is fixed in the draft, so each links there.
        setFieldErrors({});
        setSummary(error.fieldErrors.map((e) => ({ href: urls.draft(draft.version), text: e.reason })));
        return;
      }
      const refusal = describeRefusal(error, (f) => PUBLISH_FIELDS[f] ?? null, 'change-summary');
      const mapped: Record<string, string> = {};
      for (const [id, reason] of Object.entries(refusal.fields))
        mapped[id === 'effective-from-day' ? 'effective-from' : id] = reason;
      setDateParts(['day', 'month', 'year']);
      setFieldErrors(mapped);
      setSummary(refusal.items);
    }
  };

  return html`
    <${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${summary.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${summary} />` : null}
      ${conflict ? html`<${ConflictBanner} key=${submissions} what="The version was not published" />` : null}
      <${PageHeading} caption="Edit the threshold guidance" text=${`Publish version ${draft.version}`} size="l" focus=${props.focus && summary.length === 0} />
      <p class="govuk-body">
        When you publish, version ${draft.version} becomes the guidance everyone sees and the checker uses, and
        version ${draft.version - 1} is kept as a superseded version. A published version cannot be changed.
      </p>
      <div class="govuk-inset-text">
        ${changes.kind === 'loaded' ? html`This version: ${describeChanges(changes.changes)}.${' '}` : null}
        <${NavLink} href=${urls.compare(draft.version)}>Check what changed before you publish</${NavLink}>
      </div>
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="change-summary"
          name="changeSummary"
          label="Summary of what changed"
          labelClasses="govuk-label--m"
          hint="Practitioners read this on the guidance page. Say what changed and why, in plain words."
          value=${summaryText}
          error=${fieldErrors['change-summary']}
          rows=${5}
          onInput=${setSummaryText}
        />
        <${DateInput}
          id="effective-from"
          name="effectiveFrom"
          legend="Date it takes effect"
          legendClasses="govuk-fieldset__legend--m"
          hint="For example, 1 9 2026"
          value=${date}
          error=${fieldErrors['effective-from']}
          errorParts=${dateParts}
          onChange=${setDate}
        />
        <${Button} text=${busy ? 'Publishing…' : `Publish version ${draft.version}`} disabled=${busy} />
      </form>
    </div></div>
  `;
}

// The page ------------------------------------------------------------------------------------------------

type MeState = { kind: 'loading' } | { kind: 'loaded'; me: Me | null } | { kind: 'failed'; error: unknown };

type DraftState =
  | { kind: 'idle' }
  | { kind: 'loading'; number: number }
  | { kind: 'loaded'; number: number; draft: GuidanceVersion }
  | { kind: 'missing'; number: number }
  | { kind: 'failed'; number: number; error: unknown };

function NotADraft(props: { version: GuidanceVersion }): VNode {
  useEffect(() => setTitle(`Version ${props.version.version} is published`), []);
  return html`
    <${BackLink} href=${urls.list()} text="All versions" />
    <${PageHeading} text=${`Version ${props.version.version} is ${props.version.status}`} size="l" />
    <p class="govuk-body">Published versions never change. To change the guidance, start a new draft.</p>
    <p class="govuk-body"><${NavLink} href=${urls.list()}>Start a new draft</${NavLink}></p>
  `;
}

function VersionPage(props: {
  route: VersionRoute;
  draft: GuidanceVersion;
  flash: Flash | null;
  focus: boolean;
  onSaved: (saved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
  onPublished: (v: GuidanceVersion) => void;
  published: boolean;
}): VNode {
  const { route, draft } = props;
  if (route.page === 'compare') return html`<${Compare} draft=${draft} focus=${props.focus} />`;
  if (route.page === 'publish' && props.published) return html`<${Published} version=${draft} />`;
  if (draft.status !== 'draft') return html`<${NotADraft} version=${draft} />`;
  switch (route.page) {
    case 'draft':
      return html`<${DraftOverview} draft=${draft} query=${route.query} flash=${props.flash} focus=${props.focus} />`;
    case 'publish':
      return html`<${Publish} draft=${draft} focus=${props.focus} onPublished=${props.onPublished} />`;
    case 'add':
      return html`<${IndicatorForm} key="add" draft=${draft} indicator=${null} focus=${props.focus} onSaved=${props.onSaved} />`;
    case 'indicator':
    case 'remove': {
      const indicator = draft.framework.indicators.find((i) => i.id === route.id);
      if (!indicator) {
        setTitle('Indicator not found');
        return html`
          <${BackLink} href=${urls.draft(draft.version)} text=${`Draft version ${draft.version}`} />
          <${PageHeading} text="Indicator not found" size="l" focus=${props.focus} />
          <p class="govuk-body">Draft version ${draft.version} has no indicator with that reference. It may have been removed.</p>
        `;
      }
      return route.page === 'remove'
        ? html`<${RemoveIndicator} key=${`remove-${indicator.id}`} draft=${draft} indicator=${indicator} focus=${props.focus} onSaved=${props.onSaved} />`
        : html`<${IndicatorForm} key=${`edit-${indicator.id}`} draft=${draft} indicator=${indicator} focus=${props.focus} onSaved=${props.onSaved} />`;
    }
  }
}

function EditorPage(): VNode {
  const [route, setRoute] = useState<Route>(readRoute);
  const [navigations, setNavigations] = useState(0);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [meState, setMeState] = useState<MeState>({ kind: 'loading' });
  const [draftState, setDraftState] = useState<DraftState>({ kind: 'idle' });
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    loadMe().then(
      (me) => setMeState({ kind: 'loaded', me }),
      (error: unknown) => setMeState({ kind: 'failed', error }),
    );
    const onPop = () => {
      setRoute(readRoute());
      setNavigations((n) => n + 1);
      const next = pendingFlash;
      pendingFlash = null;
      setFlash((current) => (next ? { ...next, id: (current?.id ?? 0) + 1 } : null));
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const wanted = 'version' in route ? route.version : null;
  const isEditor = meState.kind === 'loaded' && meState.me?.roles.includes('guidance-editor') === true;

  useEffect(() => {
    if (wanted === null || !isEditor) return;
    if (draftState.kind !== 'idle' && draftState.number === wanted && draftState.kind !== 'failed') return;
    setDraftState({ kind: 'loading', number: wanted });
    apiGet<GuidanceVersion>(`/guidance/versions/${wanted}`).then(
      (draft) => setDraftState({ kind: 'loaded', number: wanted, draft }),
      (error: unknown) =>
        setDraftState(
          error instanceof ApiError && error.status === 404
            ? { kind: 'missing', number: wanted }
            : { kind: 'failed', number: wanted, error },
        ),
    );
  }, [wanted, isEditor, attempt]);

  const focus = navigations > 0 && flash === null;
  const heading = (text: string) => html`<${PageHeading} text=${text} />`;

  if (meState.kind === 'loading')
    return html`${heading('Edit the threshold guidance')}<${Loading} text="Checking who you are…" />`;
  if (meState.kind === 'failed') {
    return html`${heading('Edit the threshold guidance')}<${ProblemState} error=${meState.error} what="the guidance editor" onRetry=${() => window.location.reload()} />`;
  }
  const { me } = meState;
  if (!me) {
    setTitle('Edit the threshold guidance');
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${heading('Edit the threshold guidance')}
        <p class="govuk-body">Guidance editors in the partnership's business unit draft and publish the threshold guidance.</p>
        <p class="govuk-body">Sign in to edit it. Anyone can <a class="govuk-link" href="/guidance/">read the current guidance</a> without signing in.</p>
        <${ButtonLink} href=${signInUrl()} text="Sign in" />
      </div></div>
    `;
  }
  if (!isEditor) {
    setTitle('You need to be a guidance editor');
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${heading('You need to be a guidance editor')}
        <p class="govuk-body">
          Only the partnership's guidance editors can draft and publish the threshold guidance. You are signed in as ${me.name},
          who is not one.
        </p>
        <p class="govuk-body">If you think you should be, ask your portal administrator.</p>
        <p class="govuk-body"><a class="govuk-link" href="/guidance/">Read the threshold guidance</a></p>
      </div></div>
    `;
  }

  if (route.page === 'not-found') {
    setTitle('Page not found');
    return html`
      ${heading('Page not found')}
      <p class="govuk-body"><${NavLink} href=${urls.list()}>Go to the versions of the guidance</${NavLink}></p>
    `;
  }
  if (route.page === 'list') {
    return html`<${VersionsList}
      flash=${flash}
      focus=${focus}
      onDraft=${(draft: GuidanceVersion) => setDraftState({ kind: 'loaded', number: draft.version, draft })}
    />`;
  }

  if (draftState.kind === 'idle' || draftState.kind === 'loading' || draftState.number !== route.version) {
    return html`${heading(`Version ${route.version}`)}<${Loading} text="Loading the draft…" />`;
  }
  if (draftState.kind === 'missing') {
    setTitle('Version not found');
    return html`
      <${BackLink} href=${urls.list()} text="All versions" />
      ${heading('Version not found')}
      <p class="govuk-body">There is no version ${route.version}.</p>
    `;
  }
  if (draftState.kind === 'failed') {
    return html`${heading(`Version ${route.version}`)}<${ProblemState} error=${draftState.error} what="this version" onRetry=${() => setAttempt((n) => n + 1)} />`;
  }
  return html`<${VersionPage}
    route=${route}
    draft=${draftState.draft}
    flash=${flash}
    focus=${focus}
    published=${publishedVersion === route.version}
    onSaved=${(saved: GuidanceVersion, next: Omit<Flash, 'id'>) => {
      setDraftState({ kind: 'loaded', number: saved.version, draft: saved });
      navigate(urls.draft(saved.version), next);
    }}
    onPublished=${(v: GuidanceVersion) => {
      setDraftState({ kind: 'loaded', number: v.version, draft: v });
      setPublishedVersion(v.version);
      window.scrollTo(0, 0);
    }}
  />`;
}

boot();
mount(html`<${EditorPage} />`);
