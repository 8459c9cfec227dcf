import { DISTRICTS, type District, kilometresBetween } from './districts.ts';
import { ACCESS_LABELS, CHECK_EVERY_MONTHS } from './labels.ts';
import type { Service, ServiceFields, ServiceSearch, ServiceSnapshot, ServiceView } from './schema.ts';

/**
 * The services directory's rules, pure: who keeps an entry, when its check is due, whether a
 * published entry fits a search and why, in words a front-door worker would use.
 */

/** Who is asking to edit: their roles and agency, as their token says. */
export interface Editor {
  roles: readonly string[];
  agencyId: string | null;
}

/** The agency whose editors keep an entry: the provider's, if it is a partner agency, else the partnership's. */
export function ownerAgencyOf(fields: Pick<ServiceFields, 'provider'>, partnershipAgencyId: string): string {
  return fields.provider.agencyId ?? partnershipAgencyId;
}

/** The partnership's directory editors keep every entry; a provider's, only their own agency's. */
export function mayEdit(
  editor: Editor | null,
  service: Pick<Service, 'ownerAgencyId'>,
  partnershipAgencyId: string,
): boolean {
  if (!editor?.agencyId || !editor.roles.includes('directory-editor')) return false;
  return editor.agencyId === partnershipAgencyId || editor.agencyId === service.ownerAgencyId;
}

/**
 * Why an editor may not give an entry these fields, or null: a provider's editor may only list their
 * own agency as the provider, so they cannot make (or hand over) an entry they could not then keep.
 */
export function providerRefusal(
  editor: Editor,
  fields: Pick<ServiceFields, 'provider'>,
  partnershipAgencyId: string,
): string | null {
  if (editor.agencyId === partnershipAgencyId) return null;
  if (fields.provider.agencyId === editor.agencyId) return null;
  return `must be your own agency (${editor.agencyId}): the partnership lists other providers`;
}

/** The date `months` calendar months after an ISO date, kept to the month's last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** An entry as read on `today`: whether its six-monthly check is due, and from when. */
export function serviceView(service: Service, today: string): ServiceView {
  const checkDueOn = addMonths(service.lastCheckedOn, CHECK_EVERY_MONTHS);
  return { ...service, checkDue: today >= checkDueOn, checkDueOn };
}

/** Check-due first, then the longest unchecked, then by name: the order a provider works through. */
export function byCheckDue(a: ServiceView, b: ServiceView): number {
  if (a.checkDue !== b.checkDue) return a.checkDue ? -1 : 1;
  if (a.lastCheckedOn !== b.lastCheckedOn) return a.lastCheckedOn < b.lastCheckedOn ? -1 : 1;
  return a.fields.name.localeCompare(b.fields.name, 'en-GB');
}

/** The districts an entry covers: all of them for a whole-county service. */
export function districtsCovered(fields: Pick<ServiceFields, 'area'>): District[] {
  if (fields.area.wholeCounty) return Object.keys(DISTRICTS) as District[];
  return [...new Set(fields.area.districts)];
}

/** The needs a search asks for, however many were sent. */
export function searchedNeeds(query: ServiceSearch): string[] {
  if (query.need === undefined) return [];
  return [...new Set(Array.isArray(query.need) ? query.need : [query.need])];
}

/** The words of a free-text search, lower case, as the listing's text is kept. */
export function searchWords(q: string | undefined): string[] {
  return [
    ...new Set(
      searchText(q ?? '')
        .split(' ')
        .filter(Boolean),
    ),
  ].slice(0, 5);
}

/** Text folded for matching: lower case, accents and punctuation gone, single spaces. */
export function searchText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a free-text search looks in: the name, the provider and the summary. */
export function textOf(fields: ServiceFields): string {
  return searchText(`${fields.name} ${fields.provider.name} ${fields.summary}`);
}

/** Whether a published entry fits every filter of a search (the store's listing narrows; this decides). */
export function fitsSearch(fields: ServiceFields, query: ServiceSearch): boolean {
  const needs = searchedNeeds(query);
  if (needs.length && !needs.some((n) => fields.needs.includes(n))) return false;
  if (query.age !== undefined && (query.age < fields.ages.from || query.age > fields.ages.to)) return false;
  if (query.district && !districtsCovered(fields).includes(query.district)) return false;
  if (query.free === 'true' && !fields.cost.free) return false;
  if (query.access && !fields.access.includes(query.access)) return false;
  if (query.level && !(fields.levels as number[]).includes(Number(query.level))) return false;
  const text = textOf(fields);
  return searchWords(query.q).every((word) => text.includes(word));
}

/** Why an entry matches a search, one line per filter it was asked to meet; needs by their guidance names. */
export function matchReasons(
  fields: ServiceFields,
  query: ServiceSearch,
  needLabels: ReadonlyMap<string, string>,
): string[] {
  const reasons: string[] = [];
  const met = searchedNeeds(query).filter((n) => fields.needs.includes(n));
  if (met.length) reasons.push(`Meets: ${met.map((n) => needLabels.get(n) ?? n).join(', ')}`);
  if (query.age !== undefined) reasons.push(`Ages ${fields.ages.from} to ${fields.ages.to}`);
  if (query.district)
    reasons.push(
      fields.area.wholeCounty ? `Covers ${query.district} (the whole county)` : `Covers ${query.district}`,
    );
  if (query.free === 'true') reasons.push('Free');
  if (query.access) reasons.push(ACCESS_LABELS[query.access]);
  if (query.level) reasons.push(`Serves level ${query.level}`);
  if (query.q) reasons.push(`Mentions “${query.q.trim()}”`);
  return reasons;
}

/** Kilometres from where the service is delivered to the district searched for. */
export function distanceKm(fields: Pick<ServiceFields, 'baseDistrict'>, district: District): number {
  return kilometresBetween(fields.baseDistrict, district);
}

/** What another record keeps of a service it names: who runs it and how to reach it, as it is now. */
export function serviceSnapshot(service: Pick<Service, 'id' | 'fields'>): ServiceSnapshot {
  const { name, provider, contact } = service.fields;
  return {
    id: service.id,
    name,
    provider: provider.name,
    howToRefer: contact.howToRefer,
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.website ? { website: contact.website } : {}),
  };
}
