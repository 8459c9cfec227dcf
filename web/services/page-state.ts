/**
 * The directory editors' pages until they have what they show: loading, a failed request, or someone
 * who is not a directory editor (told who can edit the directory, and where anyone can search it).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { RedirectingState } from '../platform/signed-in.ts';
import { PageHeading, PendingPage, setTitle } from '../platform/ui.ts';

export function EditorPageState(props: {
  state: Exclude<RedirectingState<object>, { kind: 'loaded' }>;
  heading: string;
  caption?: string;
  size?: 'xl' | 'l';
  loading: string;
  what: string;
  onRetry: () => void;
}): VNode {
  const { state } = props;
  if (state.kind === 'not-allowed') return html`<${NotAnEditor} />`;
  if (state.kind === 'failed') setTitle(props.heading);
  return html`<${PendingPage} ...${props} state=${state} />`;
}

function NotAnEditor(): VNode {
  useEffect(() => setTitle('You cannot edit the services directory'), []);
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} text="You cannot edit the services directory" size="l" />
      <p class="govuk-body">
        Only directory editors keep the entries of the services directory: each provider's for its own services, and the
        partnership's for the rest. If your agency's services need changing, ask your portal administrator who your
        directory editor is.
      </p>
      <p class="govuk-body">Anyone can <a class="govuk-link" href="/services/">find a service</a>.</p>
    </div></div>
  `;
}
