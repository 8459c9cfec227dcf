/**
 * The local mail page (/local-mail/): every message in the outbox rendered as the email GOV.UK
 * Notify would send for it in AWS (the Notify template with its personalisation), addressed to the
 * team mailbox it would go to, newest first. Only the local runtime serves it: in AWS the emails go
 * to the mailboxes themselves. Like the emails, it holds no child's details, only references and links.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createDynamoDirectoryStore } from '../../functions/directory/store.ts';
import { audienceAgency, FRONT_DOOR_AUDIENCE, outboxAudience } from '../../functions/referrals/keys.ts';
import { renderNotifyEmail } from '../../functions/referrals/notify.ts';
import type { Notification } from '../../shared/referrals/notification.ts';
import { type AssetManifest, layout } from '../../shared/views/layout.ts';
import type { TableNames } from './tables.ts';

export const LOCAL_MAIL_PATH = '/local-mail/';
/** The front door's team mailbox on this machine (in AWS, the `frontDoorEmail` deploy parameter). */
export const LOCAL_FRONT_DOOR_MAILBOX = 'front-door@northshire.example';
const SHOWN = 100;

export interface LocalEmail {
  id: string;
  at: string;
  /** The team mailbox, or null when its agency has none (its referrers see it in Messages only). */
  to: string | null;
  audience: string;
  subject: string;
  body: string;
}

/** The outbox's messages as the emails they would be, newest first. */
export async function localEmails(
  db: DynamoDBDocumentClient,
  tables: Pick<TableNames, 'outbox' | 'directory' | 'audit'>,
  portalUrl: string,
): Promise<LocalEmail[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: tables.outbox, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const directory = createDynamoDirectoryStore(db, tables.directory, tables.audit);
  const mailboxes = new Map<string, string | null>();
  const mailboxOf = async (audience: string) => {
    if (audience === FRONT_DOOR_AUDIENCE) return LOCAL_FRONT_DOOR_MAILBOX;
    const agencyId = audienceAgency(audience) ?? audience;
    if (!mailboxes.has(agencyId))
      mailboxes.set(agencyId, (await directory.getAgency(agencyId))?.notifyEmail ?? null);
    return mailboxes.get(agencyId) ?? null;
  };
  const messages = items
    .map((item) => ({ audience: typeof item.pk === 'string' ? outboxAudience(item.pk) : null, item }))
    .filter((m): m is { audience: string; item: Record<string, unknown> } => m.audience !== null)
    .sort((a, b) => String(b.item.at).localeCompare(String(a.item.at)))
    .slice(0, SHOWN);
  return Promise.all(
    messages.map(async ({ audience, item }) => {
      const notification = item as unknown as Notification;
      const email = renderNotifyEmail({
        subject: notification.subject,
        body: notification.body,
        link: new URL(notification.link, portalUrl).toString(),
      });
      return { id: notification.id, at: notification.at, to: await mailboxOf(audience), audience, ...email };
    }),
  );
}

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  }).format(new Date(iso));

/** An email's body as Notify lays it out: paragraphs, with a line that is an address made a link. */
function Body(props: { text: string }): VNode {
  const paragraphs = props.text.split(/\n{2,}/);
  return html`${paragraphs.map((paragraph) => {
    const lines = paragraph.split('\n');
    return html`<p class="govuk-body">
      ${lines.map((line, i) => html`${i > 0 ? html`<br />` : null}${/^https?:\/\/\S+$/.test(line) ? html`<a class="govuk-link" href=${line}>${line}</a>` : line}`)}
    </p>`;
  })}`;
}

function MailPage(props: { emails: LocalEmail[] }): VNode {
  return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">On this machine only</span>
    <h1 class="govuk-heading-l">Emails the portal has sent</h1>
    <p class="govuk-body">
      In AWS, each of these goes through GOV.UK Notify to the team mailbox shown. Here they are kept instead, as Notify
      would write them from the portal’s email template, newest first. They never carry a child’s details.
    </p>
    ${
      props.emails.length === 0
        ? html`<p class="govuk-body">No emails yet. Send a referral, or decide one, and its email appears here.</p>`
        : props.emails.map(
            (email) => html`<div class="govuk-summary-card" key=${email.id}>
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">${email.subject}</h2>
              </div>
              <div class="govuk-summary-card__content">
                <dl class="govuk-summary-list">
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">To</dt>
                    <dd class="govuk-summary-list__value">${email.to ?? 'No mailbox is set for this agency: its referrers see this in Messages only'}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Sent</dt>
                    <dd class="govuk-summary-list__value">${when(email.at)}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Notify reference</dt>
                    <dd class="govuk-summary-list__value"><code>${email.id}</code></dd>
                  </div>
                </dl>
                <${Body} text=${email.body} />
              </div>
            </div>`,
          )
    }
  </div></div>`;
}

/** The page itself, in the portal's layout with its built assets (the home page's module: nothing to load). */
export function renderLocalMailPage(assets: AssetManifest, emails: LocalEmail[]): string {
  const scriptSrc = assets.modules['platform/pages/home'];
  if (!scriptSrc) throw new Error('The asset manifest has no home page module');
  return layout({
    title: 'Emails the portal has sent',
    nav: 'none',
    mainHtml: `        <div id="app">${renderToString(html`<${MailPage} emails=${emails} />`)}</div>`,
    scriptSrc,
    stylesheets: assets.stylesheets,
    jsEnabledSrc: assets.jsEnabled,
  });
}
