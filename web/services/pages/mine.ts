/**
 * /services/mine/: the directory entries the signed-in directory editor keeps (a provider's editor,
 * their agency's; the partnership's, every one), check-due first as the API orders them. A banner
 * counts the entries whose six-monthly check is due: this is how a provider hears that an entry is
 * going stale. Each entry opens its edit page, where it is confirmed, changed, published or taken down.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ServiceView } from '../../../shared/services/schema.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  ButtonLink,
  mount,
  NotificationBanner,
  PageHeading,
  plural,
  setTitle,
  Table,
} from '../../platform/ui.ts';
import { canEditServices, editUrl, loadMine } from '../api.ts';
import { CheckTag, checkText, StatusTag } from '../labels.ts';
import { EditorPageState } from '../page-state.ts';

const HEADING = 'Your services';
const CAPTION = 'Services directory';

function MinePage(): VNode {
  const { state, retry } = useSignedInLoad(canEditServices, async () => ({ items: await loadMine() }), {
    redirect: true,
  });
  if (state.kind !== 'loaded') {
    return html`<${EditorPageState} state=${state} heading=${HEADING} caption=${CAPTION} loading="Loading your services…" what="your services" onRetry=${retry} />`;
  }
  setTitle(HEADING);
  const due = state.items.filter((s) => s.checkDue);
  return html`
    ${due.length > 0 ? html`<${CheckDueBanner} due=${due} />` : null}
    <${PageHeading} text=${HEADING} caption=${CAPTION} />
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <p class="govuk-body">
        Families and practitioners find these entries in the public directory. Check each one at least every 6 months: an
        entry unchecked for longer is shown as possibly out of date.
      </p>
    </div></div>
    <${ButtonLink} href="/services/new/" text="Add a service" />
    ${
      state.items.length === 0
        ? html`<p class="govuk-body">You do not keep any entries yet.</p>`
        : html`<${MineTable} items=${state.items} />`
    }
  `;
}

function CheckDueBanner(props: { due: ServiceView[] }): VNode {
  const { due } = props;
  return html`
    <${NotificationBanner} heading=${`${plural(due.length, 'entry needs', 'entries need')} checking`}>
      <p class="govuk-body">
        ${due.length === 1 ? 'It has' : 'They have'} not been checked for over 6 months. Open ${due.length === 1 ? 'it' : 'each'},
        make sure it is still right, and confirm it:
      </p>
      <ul class="govuk-list govuk-list--bullet">
        ${due.map((s) => html`<li key=${s.id}><a class="govuk-notification-banner__link" href=${editUrl(s.id)}>${s.fields.name}</a></li>`)}
      </ul>
    </${NotificationBanner}>
  `;
}

function MineTable(props: { items: ServiceView[] }): VNode {
  return html`
    <${Table} caption=${plural(props.items.length, 'entry', 'entries')} captionSize="m" head=${['Service', 'Status', 'Last checked']}>
      ${props.items.map(
        (s) => html`
          <tr class="govuk-table__row" key=${s.id}>
            <th scope="row" class="govuk-table__header">
              <a class="govuk-link" href=${editUrl(s.id)}>${s.fields.name}</a>
              <span class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">${s.fields.provider.name}</span>
            </th>
            <td class="govuk-table__cell"><${StatusTag} status=${s.status} /></td>
            <td class="govuk-table__cell">
              <${CheckTag} service=${s} />
              <span class="govuk-!-display-block">${checkText(s)}</span>
            </td>
          </tr>
        `,
      )}
    </${Table}>
  `;
}

boot();
mount(html`<${MinePage} />`);
