/** /guidance/versions/: every published version of the threshold guidance, newest first, for anyone. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { formatDate, Loading, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import { StatusTag, type VersionSummary } from '../changes.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: VersionSummary[] }
  | { kind: 'failed'; error: unknown };

function VersionList(props: { items: VersionSummary[] }): VNode {
  return html`
    <ol class="govuk-list app-version-list">
      ${props.items.map(
        (v) => html`
          <li class="app-version-list__item" key=${v.version}>
            <h2 class="govuk-heading-m govuk-!-margin-bottom-2">
              <a class="govuk-link" href=${`/guidance/version/?v=${v.version}`}>Version ${v.version}</a>${' '}
              <${StatusTag} status=${v.status} />
            </h2>
            <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">In effect from</dt>
                <dd class="govuk-summary-list__value">${v.effectiveFrom ? formatDate(v.effectiveFrom) : 'Not recorded'}</dd>
              </div>
              ${
                v.publishedAt
                  ? html`<div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Published</dt>
                      <dd class="govuk-summary-list__value">${formatDate(v.publishedAt)}</dd>
                    </div>`
                  : null
              }
              ${
                v.approvedBy && v.approvedAt
                  ? html`<div class="govuk-summary-list__row">
                      <dt class="govuk-summary-list__key">Approved</dt>
                      <dd class="govuk-summary-list__value">${formatDate(v.approvedAt)} by ${v.approvedBy.name}</dd>
                    </div>`
                  : null
              }
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">What changed</dt>
                <dd class="govuk-summary-list__value">${v.changeSummary ?? 'No summary was given.'}</dd>
              </div>
            </dl>
          </li>
        `,
      )}
    </ol>
  `;
}

function VersionsPage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ kind: 'loading' });
    apiGet<{ items: VersionSummary[] }>('/guidance/versions').then(
      // Editors also get the draft; this page is the published record.
      (page) =>
        setState({
          kind: 'loaded',
          items: page.items.filter((v) => v.status !== 'draft').sort((a, b) => b.version - a.version),
        }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);

  useEffect(() => {
    setTitle(
      state.kind === 'failed'
        ? 'Versions of the guidance could not be loaded'
        : 'Versions of the threshold guidance',
    );
  }, [state.kind]);

  const top = html`
    <a class="govuk-back-link" href="/guidance/">Threshold guidance</a>
    <${PageHeading} caption="Threshold guidance" text="Versions and what changed" />
  `;
  if (state.kind === 'loading') return html`${top}<${Loading} text="Loading the versions…" />`;
  if (state.kind === 'failed') {
    return html`${top}<${ProblemState} error=${state.error} what="the versions of the guidance" onRetry=${() => setAttempt((n) => n + 1)} />`;
  }
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${top}
      <p class="govuk-body-l">
        The partnership publishes a new version when it changes the levels of need or their indicators. A published
        version never changes, and every one stays here, so you can see which version a decision was made against.
      </p>
      ${
        state.items.length === 0
          ? html`<p class="govuk-body">No version has been published yet.</p>`
          : html`<${VersionList} items=${state.items} />`
      }
    </div></div>
  `;
}

boot();
mount(html`<${VersionsPage} />`);
