import type { ServiceView } from '../../shared/services/schema.ts';
import {
  type Expectation,
  each,
  type MatrixContext,
  MISSING_ULID,
  NONE,
  only,
  type Row,
  simple,
} from './security-matrix.ts';
import { type ServiceOwner, type ServiceState, serviceFields } from './security-services.ts';

/**
 * The matrix's rows for the services directory: each entry route on an entry kept by a provider
 * (Harbour Family Support: providerEditor's agency), one kept by the partnership (directoryEditor's)
 * and none. A published entry is public to read; anything else about an entry answers an editor who
 * does not keep it exactly as a missing one: 404.
 */
const TARGETS = ['provider', 'partnership', 'missing'] as const;

/** Only directory editors write: the partnership's every entry, the provider's its own. */
const KEEPERS: Partial<Expectation> = {
  directoryEditor: [200, 200, 404],
  providerEditor: [200, 404, 404],
};

export function serviceRows(ctx: MatrixContext): Row[] {
  const shared = new Map<string, Promise<ServiceView>>();
  const serviceFor = async (target: string, state: ServiceState, fresh: boolean) => {
    if (target === 'missing') return { id: MISSING_ULID, version: 1 } as ServiceView;
    const make = () => ctx.fx.services.service(state, target as ServiceOwner);
    if (fresh) return make();
    const key = `${state}:${target}`;
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<ServiceView>;
  };
  const entryRow = (
    route: string,
    state: ServiceState,
    expect: Expectation,
    options: { variant?: string; body?: (target: string) => unknown } = {},
  ): Row => ({
    route,
    ...(options.variant ? { variant: options.variant } : {}),
    targets: TARGETS,
    expect,
    async prepare(target, _caller, succeeds) {
      const s = await serviceFor(target, state, succeeds && route.split(' ')[0] !== 'GET');
      const suffix = route.split('{id}')[1] ?? '';
      return {
        path: `/api/services/${s.id}${suffix}`,
        headers: { 'if-match': `"${s.version}"` },
        ...(options.body ? { body: options.body(target) } : {}),
        ids: [s.id],
      };
    },
  });
  const fieldsFor = (target: string) => serviceFields(target === 'partnership' ? 'partnership' : 'provider');

  return [
    simple('GET /api/services', each(200), { query: '?district=NS3&need=housing-income' }),
    // The directory's exports are public, as its published entries are.
    simple('GET /api/services/export/open-referral', each(200)),
    simple('GET /api/services/export/services.csv', each(200)),
    simple('GET /api/services/mine', only({ directoryEditor: 200, providerEditor: 200 })),
    {
      route: 'POST /api/services',
      targets: NONE,
      expect: only({ directoryEditor: 201, providerEditor: 201 }),
      async prepare() {
        return { path: '/api/services', body: serviceFields('provider') };
      },
    },
    entryRow('GET /api/services/{id}', 'published', each([200, 200, 404]), { variant: 'published' }),
    entryRow('GET /api/services/{id}', 'draft', each(404, KEEPERS), { variant: 'draft' }),
    entryRow('PUT /api/services/{id}', 'published', only(KEEPERS), { body: fieldsFor }),
    entryRow('POST /api/services/{id}/publish', 'draft', only(KEEPERS)),
    entryRow('POST /api/services/{id}/unpublish', 'published', only(KEEPERS)),
    entryRow('POST /api/services/{id}/check', 'draft', only(KEEPERS)),
  ];
}
