/** /guidance/edit/: every version, including the draft, and starting a new draft. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { isApproved } from '../../../../shared/guidance/sign-off.ts';
import { ApiError, apiGet, apiRequest } from '../../../platform/api.ts';
import {
  Button,
  formatDate,
  formatDateTime,
  Loading,
  NotificationBanner,
  PageHeading,
  ProblemState,
  setTitle,
  Table,
} from '../../../platform/ui.ts';
import { StatusTag, type VersionSummary } from '../../changes.ts';
import { type Flash, NavLink, navigate, urls } from './navigation.ts';
import { describeRefusal } from './saving.ts';
import { approvalText } from './sign-off.ts';

type ListState =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: VersionSummary[] }
  | { kind: 'failed'; error: unknown };

export function VersionsList(props: {
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
        Draft a new version, change its indicators, compare it with the current version, then, once a second guidance
        editor has approved it, publish it with a summary of what changed and the date it takes effect. Published
        versions never change.
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
              <p class="govuk-body">Last saved ${formatDateTime(draft.updatedAt)}. ${approvalText(draft)}.</p>
              <div class="govuk-button-group">
                <${NavLink} href=${urls.draft(draft.version)} classes="govuk-button">Continue editing draft version ${draft.version}</${NavLink}>
                <${NavLink} href=${urls.compare(draft.version)}>Compare with the current version</${NavLink}>
                ${isApproved(draft) ? html`<${NavLink} href=${urls.publish(draft.version)}>Publish</${NavLink}>` : null}
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
    <${Table}
      classes="govuk-table--small-text-until-tablet"
      caption="All versions"
      captionSize="m"
      head=${['Version', 'Status', 'In effect from', 'What changed']}
    >
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
    </${Table}>
  `;
}
