/** /guidance/edit/compare/?v=N: what the draft changes, against the current version. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { isApproved } from '../../../../shared/guidance/sign-off.ts';
import { apiGet } from '../../../platform/api.ts';
import { Loading, PageHeading, ProblemState, setTitle } from '../../../platform/ui.ts';
import { ChangesView, type VersionChanges } from '../../changes.ts';
import { BackLink, NavLink, urls } from './navigation.ts';
import { PublishWaits } from './sign-off.ts';

type ChangesState =
  | { kind: 'loading' }
  | { kind: 'loaded'; changes: VersionChanges }
  | { kind: 'failed'; error: unknown };

export function useChanges(version: number): [ChangesState, () => void] {
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

export function Compare(props: { draft: GuidanceVersion; focus: boolean }): VNode {
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
          ? html`${isApproved(draft) ? null : html`<${PublishWaits} version=${draft.version} />`}
            <div class="govuk-button-group">
              ${isApproved(draft) ? html`<${NavLink} href=${urls.publish(draft.version)} classes="govuk-button">Publish version ${draft.version}</${NavLink}>` : null}
              <${NavLink} href=${urls.draft(draft.version)}>Keep editing</${NavLink}>
            </div>`
          : null
      }
    </div></div>
  `;
}
