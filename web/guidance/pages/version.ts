/**
 * /guidance/version/?v=N: one version of the threshold guidance as it was published, and what changed
 * since the version before it (indicators added, removed, moved level and reworded). For anyone.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import { LevelSection, sortedLevels } from '../../../shared/guidance/views/levels.ts';
import { ApiError, apiGet } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { formatDate, Loading, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import { ChangesView, StatusTag, type VersionChanges } from '../changes.ts';

function versionFromUrl(): number | null {
  const raw = new URLSearchParams(window.location.search).get('v') ?? '';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

type Changes = { kind: 'loading' } | { kind: 'loaded'; changes: VersionChanges } | { kind: 'failed' } | null;

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; guidance: GuidanceVersion }
  | { kind: 'missing' }
  | { kind: 'failed'; error: unknown };

function WhatChanged(props: { guidance: GuidanceVersion; changes: Changes; onRetry: () => void }): VNode {
  const { guidance, changes } = props;
  const previous = guidance.version - 1;
  return html`
    <h2 class="govuk-heading-l" id="what-changed">What changed since version ${previous}</h2>
    ${guidance.changeSummary ? html`<p class="govuk-body-l">${guidance.changeSummary}</p>` : null}
    ${
      changes?.kind === 'loaded'
        ? html`<${ChangesView} changes=${changes.changes} framework=${guidance.framework} headingLevel=${3} />`
        : changes?.kind === 'failed'
          ? html`<p class="govuk-body">The list of changes could not be loaded.</p>
              <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick=${props.onRetry}>
                Try again
              </button>`
          : html`<p class="govuk-body" role="status">Loading what changed…</p>`
    }
    <p class="govuk-body"><a class="govuk-link" href=${`/guidance/version/?v=${previous}`}>Read version ${previous}</a></p>
  `;
}

function VersionView(props: { guidance: GuidanceVersion; changes: Changes; onRetry: () => void }): VNode {
  const { guidance } = props;
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <a class="govuk-back-link" href="/guidance/versions/">All versions</a>
      <${PageHeading} caption=${guidance.framework.title} text=${`Version ${guidance.version}`} />
      <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Status</dt>
          <dd class="govuk-summary-list__value"><${StatusTag} status=${guidance.status} /></dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">In effect from</dt>
          <dd class="govuk-summary-list__value">${guidance.effectiveFrom ? formatDate(guidance.effectiveFrom) : 'Not set'}</dd>
        </div>
        ${
          guidance.publishedAt
            ? html`<div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Published</dt>
                <dd class="govuk-summary-list__value">${formatDate(guidance.publishedAt)}${guidance.publishedBy ? ` by ${guidance.publishedBy}` : ''}</dd>
              </div>`
            : null
        }
        ${
          guidance.approvedBy && guidance.approvedAt
            ? html`<div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">Approved</dt>
                <dd class="govuk-summary-list__value">${formatDate(guidance.approvedAt)} by ${guidance.approvedBy.name}, the second guidance editor</dd>
              </div>`
            : null
        }
      </dl>
      ${
        guidance.status === 'superseded'
          ? html`<div class="govuk-inset-text">
              This version has been replaced. <a class="govuk-link" href="/guidance/">Read the current guidance</a>.
            </div>`
          : guidance.status === 'draft'
            ? html`<div class="govuk-inset-text">This is a draft. Nobody outside the guidance editors can see it until it is published.</div>`
            : null
      }
      ${
        guidance.version > 1
          ? html`<${WhatChanged} guidance=${guidance} changes=${props.changes} onRetry=${props.onRetry} />`
          : html`
            <h2 class="govuk-heading-l">What changed</h2>
            <p class="govuk-body">${guidance.changeSummary ?? 'This is the first version.'}</p>
          `
      }
      <h2 class="govuk-heading-l app-version__content-heading">The guidance in version ${guidance.version}</h2>
      ${sortedLevels(guidance.framework).map(
        (level) =>
          html`<${LevelSection} key=${level.level} framework=${guidance.framework} level=${level} />`,
      )}
    </div></div>
  `;
}

function VersionPage(): VNode {
  const number = versionFromUrl();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [changes, setChanges] = useState<Changes>(null);
  const [attempt, setAttempt] = useState(0);
  const [changesAttempt, setChangesAttempt] = useState(0);

  useEffect(() => {
    if (number === null) {
      setState({ kind: 'missing' });
      return;
    }
    setState({ kind: 'loading' });
    apiGet<GuidanceVersion>(`/guidance/versions/${number}`).then(
      (guidance) => setState({ kind: 'loaded', guidance }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && error.status === 404 ? { kind: 'missing' } : { kind: 'failed', error },
        ),
    );
  }, [attempt]);

  useEffect(() => {
    if (number === null || number < 2) return;
    setChanges({ kind: 'loading' });
    apiGet<VersionChanges>(`/guidance/versions/${number}/changes`).then(
      (result) => setChanges({ kind: 'loaded', changes: result }),
      () => setChanges({ kind: 'failed' }),
    );
  }, [changesAttempt]);

  useEffect(() => {
    setTitle(
      state.kind === 'loaded'
        ? `Version ${state.guidance.version} – Threshold guidance`
        : state.kind === 'missing'
          ? 'Version not found – Threshold guidance'
          : 'Threshold guidance version',
    );
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} text=${number ? `Version ${number}` : 'Threshold guidance version'} /><${Loading} text="Loading this version of the guidance…" />`;
    case 'missing':
      return html`
        <a class="govuk-back-link" href="/guidance/versions/">All versions</a>
        <${PageHeading} text="Version not found" />
        <p class="govuk-body">There is no published version of the threshold guidance with that number.</p>
        <p class="govuk-body"><a class="govuk-link" href="/guidance/versions/">See every published version</a></p>
      `;
    case 'failed':
      return html`
        <${PageHeading} text=${`Version ${number}`} />
        <${ProblemState} error=${state.error} what="this version of the guidance" onRetry=${() => setAttempt((n) => n + 1)} />
      `;
    case 'loaded':
      return html`<${VersionView}
        guidance=${state.guidance}
        changes=${changes}
        onRetry=${() => setChangesAttempt((n) => n + 1)}
      />`;
  }
}

boot();
mount(html`<${VersionPage} />`);
