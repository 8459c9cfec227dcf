import type { ServiceFields, ServiceView } from '../../shared/services/schema.ts';
import type { TestApi } from './api.ts';

/**
 * Services directory entries made through the API for the security suites: one kept by a provider
 * (Harbour Family Support, kofi's agency) or by the partnership (ruth's), as a draft or published.
 */
export type ServiceOwner = 'provider' | 'partnership';
export type ServiceState = 'draft' | 'published';

export function serviceFields(owner: ServiceOwner = 'provider'): ServiceFields {
  return {
    name: `Security test service ${Math.random().toString(36).slice(2, 8)}`,
    provider:
      owner === 'provider'
        ? { name: 'Harbour Family Support', agencyId: 'harbour-family-support' }
        : { name: 'Northshire Libraries' },
    summary: 'Drop-in help for families with money, housing and school worries.',
    needs: ['housing-income'],
    levels: [2],
    ages: { from: 0, to: 18 },
    area: { wholeCounty: true, districts: [] },
    baseDistrict: 'NS6',
    cost: { free: true },
    access: ['self-referral'],
    contact: { howToRefer: 'Ring the hub and ask for the duty worker.', phone: '01632 960 123' },
    openingTimes: 'Monday to Friday, 9am to 5pm',
    languages: ['English'],
  };
}

export function serviceFixtures(api: TestApi) {
  const as = { provider: 'kofi', partnership: 'ruth' } as const;
  const ok = async (res: Promise<Response>, status: number): Promise<ServiceView> => {
    const r = await res;
    const text = await r.text();
    if (r.status !== status) throw new Error(`fixture: expected ${status}, got ${r.status}: ${text}`);
    return JSON.parse(text) as ServiceView;
  };
  return {
    async service(state: ServiceState, owner: ServiceOwner): Promise<ServiceView> {
      const made = await ok(
        api.request('POST', '/api/services', { as: as[owner], body: serviceFields(owner) }),
        201,
      );
      if (state === 'draft') return made;
      return ok(
        api.request('POST', `/api/services/${made.id}/publish`, {
          as: as[owner],
          headers: { 'if-match': `"${made.version}"` },
        }),
        200,
      );
    },
  };
}
