/**
 * A service's facts in words, as the public pages and the editor's pages say them alike: its ages,
 * area, cost, ways in, levels, needs and when it was last checked. Plain functions and small views
 * (Preact and htm only), so the server and the browser render them the same.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { DISTRICTS, type District, isDistrict } from '../../services/districts.ts';
import { ACCESS_LABELS, type AccessRoute } from '../../services/labels.ts';
import type { ServiceFields, ServiceView } from '../../services/schema.ts';
import { formatDate } from '../govuk-components.ts';

/** One of the guidance's sub-domains a service can meet (the same shape the services function gives). */
export interface NeedOption {
  id: string;
  label: string;
  domain: string;
}

export function serviceUrl(id: string): string {
  return `/services/service/?id=${encodeURIComponent(id)}`;
}

/** "NS3 Northshire west" */
export function districtName(id: string): string {
  return isDistrict(id) ? `${id} ${DISTRICTS[id as District].name}` : id;
}

/** "Ages 0 to 18", or "Age 5" when it is one age. */
export function agesText(ages: ServiceFields['ages']): string {
  return ages.from === ages.to ? `Age ${ages.from}` : `Ages ${ages.from} to ${ages.to}`;
}

export function areaText(area: ServiceFields['area']): string {
  return area.wholeCounty ? 'The whole county' : area.districts.map(districtName).join(', ');
}

/** "Free", "Free: …", or the charge in the provider's words. */
export function costText(cost: ServiceFields['cost']): string {
  if (cost.free) return cost.details ? `Free: ${cost.details}` : 'Free';
  return cost.details ?? 'There is a charge: ask the service';
}

export function accessText(access: readonly AccessRoute[]): string[] {
  return access.map((a) => ACCESS_LABELS[a]);
}

export function levelsText(levels: readonly number[]): string {
  const sorted = [...levels].sort((a, b) => a - b);
  return `${sorted.length === 1 ? 'Level' : 'Levels'} ${sorted.join(sorted.length === 2 ? ' and ' : ', ')}`;
}

/** The needs a service meets by their names in the guidance ("Parenting capacity: Basic care"). */
export function needNames(ids: readonly string[], needs: readonly NeedOption[]): string[] {
  return ids.map((id) => {
    const need = needs.find((n) => n.id === id);
    return need ? `${need.domain}: ${need.label}` : id;
  });
}

/** "1 March 2026", and whether that is longer ago than the provider is asked to check it. */
export function LastChecked(props: { service: Pick<ServiceView, 'lastCheckedOn' | 'checkDue'> }): VNode {
  return html`${formatDate(props.service.lastCheckedOn)}${
    props.service.checkDue
      ? html` <span class="govuk-body-s app-services-stale">(over 6 months ago: ask the service if it is still running)</span>`
      : null
  }`;
}

/** A list in a summary list's value or a result: one item plain, more as a bulleted list. */
export function Items(props: { items: string[] }): VNode {
  if (props.items.length === 1) return html`${props.items[0]}`;
  return html`<ul class="govuk-list govuk-list--bullet">${props.items.map((i) => html`<li key=${i}>${i}</li>`)}</ul>`;
}
