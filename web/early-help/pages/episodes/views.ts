/** The front door's lists of episodes, one address each (`?view=`), as links with the current one marked. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { EpisodeView } from '../../../../shared/early-help/labels.ts';

export const FRONT_DOOR_VIEWS: { value: Exclude<EpisodeView, 'mine'>; text: string }[] = [
  { value: 'open', text: 'Open' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'closed', text: 'Closed' },
];

export function readView(): Exclude<EpisodeView, 'mine'> {
  const asked = new URLSearchParams(window.location.search).get('view');
  return FRONT_DOOR_VIEWS.find((v) => v.value === asked)?.value ?? 'open';
}

export function ViewLinks(props: { view: EpisodeView }): VNode {
  return html`
    <nav aria-label="Which episodes">
      <ul class="govuk-list app-view-links">
        ${FRONT_DOOR_VIEWS.map((v) => {
          const href = v.value === 'open' ? '/early-help/' : `/early-help/?view=${v.value}`;
          const current = v.value === props.view;
          return html`<li key=${v.value}>
            ${
              current
                ? html`<a class="govuk-link govuk-link--no-visited-state" href=${href} aria-current="page"><strong>${v.text}</strong></a>`
                : html`<a class="govuk-link govuk-link--no-visited-state" href=${href}>${v.text}</a>`
            }
          </li>`;
        })}
      </ul>
    </nav>
  `;
}
