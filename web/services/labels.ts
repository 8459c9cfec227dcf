/**
 * How the directory editors' pages show where an entry stands: its status as a tag, and whether its
 * six-monthly check is due (red) or falls due within a month (orange).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { CHECK_EVERY_MONTHS, type ServiceStatus, STATUS_LABELS } from '../../shared/services/labels.ts';
import type { ServiceView } from '../../shared/services/schema.ts';
import { formatDate, Tag, type TagColour } from '../platform/ui.ts';

const STATUS_COLOURS: Record<ServiceStatus, TagColour> = {
  draft: 'grey',
  published: 'green',
  unpublished: 'yellow',
};

export function StatusTag(props: { status: ServiceStatus }): VNode {
  return html`<${Tag} text=${STATUS_LABELS[props.status]} colour=${STATUS_COLOURS[props.status]} classes="app-tag--inline" />`;
}

/** Today in the browser, as the API's dates are written (YYYY-MM-DD). */
function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export type CheckStanding = 'due' | 'soon' | 'fine';

/** Due: unchecked for six months (the API says). Soon: it falls due within 30 days. */
export function checkStanding(
  service: Pick<ServiceView, 'checkDue' | 'checkDueOn'>,
  now = new Date(),
): CheckStanding {
  if (service.checkDue) return 'due';
  return service.checkDueOn <= isoDate(new Date(now.getTime() + 30 * 86_400_000)) ? 'soon' : 'fine';
}

/** "Check due" (red) or "Check due soon" (orange), or nothing while the entry is freshly checked. */
export function CheckTag(props: { service: Pick<ServiceView, 'checkDue' | 'checkDueOn'> }): VNode | null {
  const standing = checkStanding(props.service);
  if (standing === 'fine') return null;
  return standing === 'due'
    ? html`<${Tag} text="Check due" colour="red" classes="app-tag--inline" />`
    : html`<${Tag} text="Check due soon" colour="orange" classes="app-tag--inline" />`;
}

/** "Last checked 1 March 2026: check due since 1 September 2026", as the editor reads it. */
export function checkText(service: Pick<ServiceView, 'lastCheckedOn' | 'checkDue' | 'checkDueOn'>): string {
  const last = `Last checked ${formatDate(service.lastCheckedOn)}`;
  return service.checkDue
    ? `${last}: not checked for over ${CHECK_EVERY_MONTHS} months, so its check has been due since ${formatDate(service.checkDueOn)}`
    : `${last}: next check due by ${formatDate(service.checkDueOn)}`;
}
