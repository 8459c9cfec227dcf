import { serviceSnapshot } from '../../shared/services/rules.ts';
import type { ServiceMatch, ServiceSnapshot, ServiceView } from '../../shared/services/schema.ts';
import { Unavailable, Unprocessable } from './errors.ts';

/**
 * The published services directory, as another area sees it (the checker's answer, the front door's
 * signposting): through the public services API, never the services table, so each function keeps to
 * its own table and only what the public may read crosses over. Locally the services app answers
 * in-process; in AWS the request goes to the API.
 *
 * `call` is given the part after `/api/services` (a query string, or `/<id>`).
 */
export type CallServices = (pathAfterServices: string) => Response | Promise<Response>;

export interface ServicesSource {
  /** The first page of published services matching the public search's filters, best first. */
  search(filters: URLSearchParams, limit?: number): Promise<ServiceMatch[]>;
  /** One published service, or null when there is none (a draft, unpublished, or no such id). */
  get(id: string): Promise<ServiceView | null>;
}

export function createServicesSource(call: CallServices): ServicesSource {
  return {
    async search(filters, limit = 10) {
      const query = new URLSearchParams(filters);
      query.set('limit', String(limit));
      const res = await call(`?${query}`);
      if (!res.ok) throw new Unavailable('The services directory could not be searched');
      return ((await res.json()) as { items: ServiceMatch[] }).items;
    },
    async get(id) {
      const res = await call(`/${encodeURIComponent(id)}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new Unavailable('The services directory could not be read');
      const service = (await res.json()) as ServiceView;
      // The public read gives published entries only; an editor's token is never sent, so a draft
      // cannot reach another area, but say so in code too.
      return service.status === 'published' ? service : null;
    },
  };
}

/**
 * The published services a record names (an episode's team, a signposting decision), as it keeps
 * them; a refusal naming each id that is not a published service (`<field>.<n>`). Each id once.
 */
export async function chosenServices(
  source: ServicesSource,
  ids: readonly string[],
  field: string,
): Promise<ServiceSnapshot[]> {
  const found = await Promise.all(ids.map((id) => source.get(id)));
  const missing = ids.flatMap((id, i) =>
    found[i] ? [] : [{ field: `${field}.${i}`, reason: `${id} is not a published service in the directory` }],
  );
  if (missing.length) throw new Unprocessable('Only published services can be chosen', missing);
  const seen = new Set<string>();
  return found.flatMap((service) => {
    if (!service || seen.has(service.id)) return [];
    seen.add(service.id);
    return [serviceSnapshot(service)];
  });
}
