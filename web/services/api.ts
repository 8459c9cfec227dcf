/**
 * What the services directory's pages read from and send to the API: the caller's entries (an edit
 * page finds its entry among them, as a published entry is public to read), the needs a service can
 * meet (today's guidance's sub-domains), and the writes, each with the version read (If-Match).
 * Types only from shared/services/schema.ts, so no zod reaches a page.
 */
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { ServiceFields, ServiceView } from '../../shared/services/schema.ts';
import type { NeedOption } from '../../shared/views/services/facts.ts';
import { ApiError, apiGet, apiPost, apiRequest, orNotFound } from '../platform/api.ts';

export const MINE_PATH = '/services/mine/';

export function editUrl(id: string, extra = ''): string {
  return `/services/edit/?id=${encodeURIComponent(id)}${extra}`;
}

/** Every entry the caller keeps, check-due and longest unchecked first (a provider has tens at most). */
export async function loadMine(): Promise<ServiceView[]> {
  const items: ServiceView[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: ServiceView[]; nextCursor: string | null } = await apiGet(
      `/services/mine?limit=100${query}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** The needs a service can meet: the current guidance's sub-domains, under their domains. */
export async function loadNeeds(): Promise<NeedOption[]> {
  const guidance = await orNotFound(apiGet<GuidanceVersion>('/guidance'));
  return (guidance?.framework.domains ?? []).flatMap((d) =>
    d.subDomains.map((s) => ({ id: s.id, label: s.name, domain: d.name })),
  );
}

export function createService(fields: ServiceFields): Promise<ServiceView> {
  return apiPost<ServiceView>('/services', fields);
}

export async function saveService(id: string, fields: ServiceFields, version: number): Promise<ServiceView> {
  return (
    await apiRequest<ServiceView>(`/services/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: fields,
      ifMatch: version,
    })
  ).data;
}

export type StandingChange = 'publish' | 'unpublish' | 'check';

export async function changeStanding(
  id: string,
  step: StandingChange,
  version: number,
): Promise<ServiceView> {
  return (
    await apiRequest<ServiceView>(`/services/${encodeURIComponent(id)}/${step}`, {
      method: 'POST',
      ifMatch: version,
    })
  ).data;
}

/** The entry a 409 carries: someone else changed it since it was read. */
export function currentService(error: unknown): ServiceView | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = error.problem.current as Partial<ServiceView> | undefined;
  return current && typeof current.id === 'string' && typeof current.version === 'number'
    ? (current as ServiceView)
    : null;
}

export function canEditServices(me: { roles: readonly string[] } | null): boolean {
  return !!me && me.roles.includes('directory-editor');
}
