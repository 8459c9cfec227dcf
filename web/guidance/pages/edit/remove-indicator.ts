/** /guidance/edit/draft/?v=N&remove=ID: remove an indicator from the draft, after confirming. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GuidanceVersion, Indicator } from '../../../../shared/guidance/schema.ts';
import { routesNaming, withoutIndicator } from '../../../../shared/guidance/specific-routes.ts';
import { LevelTag } from '../../../../shared/guidance/views/basics.ts';
import { Button, PageHeading, setTitle } from '../../../platform/ui.ts';
import { BackLink, type Flash, NavLink, urls } from './navigation.ts';
import { ConflictBanner, describeRefusal, isConflict, saveFramework } from './saving.ts';

export function RemoveIndicator(props: {
  draft: GuidanceVersion;
  indicator: Indicator;
  focus: boolean;
  onSaved: (saved: GuidanceVersion, flash: Omit<Flash, 'id'>) => void;
}): VNode {
  const { draft, indicator } = props;
  // A route naming a removed indicator would be refused on saving, so it goes from those routes too.
  const routes = routesNaming(draft.framework, indicator.id);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => setTitle(`Remove this indicator? – Draft version ${draft.version}`), [draft.version]);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    try {
      const saved = await saveFramework(draft, withoutIndicator(draft.framework, indicator.id));
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
      ${
        routes.length > 0
          ? html`<p class="govuk-body">
              It will also no longer bring up ${routes.length === 1 ? 'the specific route' : 'the specific routes'}${' '}
              ${routes.map((r, i) => html`${i > 0 ? ', ' : ''}<strong>${r.title}</strong>`)} in the checker.
            </p>`
          : null
      }
      <div class="govuk-button-group">
        <${Button} text=${busy ? 'Removing…' : 'Yes, remove it'} type="button" variant="warning" disabled=${busy} onClick=${remove} />
        <${NavLink} href=${urls.indicator(draft.version, indicator.id)}>No, keep it</${NavLink}>
      </div>
    </div></div>
  `;
}
