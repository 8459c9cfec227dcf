/** Which of the editor's pages a version's address shows, once the version is loaded. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import type { GuidanceVersion } from '../../../../shared/guidance/schema.ts';
import { PageHeading, setTitle } from '../../../platform/ui.ts';
import { Compare } from './compare.ts';
import { DraftOverview } from './draft-overview.ts';
import { IndicatorForm } from './indicator-form.ts';
import { BackLink, type Flash, NavLink, urls, type VersionRoute } from './navigation.ts';
import { Publish, Published } from './publish.ts';
import { RemoveIndicator } from './remove-indicator.ts';

function NotADraft(props: { version: GuidanceVersion }): VNode {
  useEffect(() => setTitle(`Version ${props.version.version} is published`), []);
  return html`
    <${BackLink} href=${urls.list()} text="All versions" />
    <${PageHeading} text=${`Version ${props.version.version} is ${props.version.status}`} size="l" />
    <p class="govuk-body">Published versions never change. To change the guidance, start a new draft.</p>
    <p class="govuk-body"><${NavLink} href=${urls.list()}>Start a new draft</${NavLink}></p>
  `;
}

export function VersionPage(props: {
  route: VersionRoute;
  draft: GuidanceVersion;
  me: Me;
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
      return html`<${DraftOverview} draft=${draft} query=${route.query} flash=${props.flash} focus=${props.focus} me=${props.me} onApproved=${props.onSaved} />`;
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
