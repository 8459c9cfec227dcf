import { v5 as uuidV5 } from 'uuid';
import { DISTRICTS } from '../../shared/services/districts.ts';
import { ACCESS_LABELS } from '../../shared/services/labels.ts';
import type { ServiceView } from '../../shared/services/schema.ts';
import type { ServiceNeed } from './ports.ts';

/**
 * A published service as Open Referral UK describes one (the `service` object of the UK profile's
 * compiled schema, nested with its organisation, contacts, schedules, areas, languages, costs and
 * taxonomy terms), so a council's directory or DfE's "Find support for your family" can take ours.
 *
 * The standard's ids are UUIDs and ours are ULIDs, so each is a name-based UUID (version 5) of ours:
 * the same entry always has the same id, and nothing needs storing to keep them.
 */
const PORTAL_NAMESPACE = 'f3b1c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const idFor = (...parts: string[]) => uuidV5(parts.join('/'), PORTAL_NAMESPACE);

/** The portal's own classifications, published as taxonomies so a consumer can filter by them. */
const TAXONOMIES = {
  need: 'Northshire threshold guidance: areas of need',
  level: 'Northshire threshold guidance: levels of need',
  access: 'How families reach the service',
} as const;

export interface OpenReferralService {
  id: string;
  name: string;
  status: 'active';
  [field: string]: unknown;
}

export function openReferralService(view: ServiceView, needs: readonly ServiceNeed[]): OpenReferralService {
  const { fields } = view;
  const id = idFor('service', view.id);
  const linked = (kind: string, key: string) => ({ id: idFor(kind, view.id, key), service_id: id });
  const organisationKey = fields.provider.agencyId ?? fields.provider.name;
  const organisationId = idFor('organization', organisationKey);
  const labelOf = new Map(needs.map((n) => [n.id, n]));

  const term = (taxonomy: keyof typeof TAXONOMIES, key: string, name: string, description: string) => {
    const termId = idFor('taxonomy-term', taxonomy, key);
    return {
      id: idFor('attribute', view.id, taxonomy, key),
      link_id: id,
      link_type: 'service',
      taxonomy_term_id: termId,
      taxonomy_term: {
        id: termId,
        name,
        description,
        term: key,
        taxonomy: TAXONOMIES[taxonomy],
        taxonomy_id: idFor('taxonomy', taxonomy),
      },
    };
  };

  return {
    id,
    organization_id: organisationId,
    name: fields.name,
    description: fields.summary,
    ...(fields.contact.website ? { url: fields.contact.website } : {}),
    ...(fields.contact.email ? { email: fields.contact.email } : {}),
    status: 'active',
    minimum_age: fields.ages.from,
    maximum_age: fields.ages.to,
    assured_date: view.lastCheckedOn,
    last_modified: view.updatedAt,
    // Demo entries say so wherever they go, as they do on the portal's own pages.
    ...(view.illustrative
      ? { alert: 'Illustrative: demo data written to show the directory; no such service exists.' }
      : {}),
    organization: {
      id: organisationId,
      name: fields.provider.name,
      description: fields.provider.agencyId
        ? `${fields.provider.name}, a partner agency of the safeguarding partnership`
        : fields.provider.name,
    },
    contacts: [
      {
        ...linked('contact', 'referrals'),
        name: fields.provider.name,
        title: fields.contact.howToRefer,
        // Not in the UK profile's contact, but in the international standard (HSDS 3) it extends.
        ...(fields.contact.phone
          ? { phones: [{ id: idFor('phone', view.id), number: fields.contact.phone }] }
          : {}),
      },
    ],
    schedules: [{ ...linked('schedule', 'opening'), description: fields.openingTimes }],
    service_areas: fields.area.wholeCounty
      ? [{ ...linked('service-area', 'county'), name: 'The whole county', service_area: 'Northshire' }]
      : fields.area.districts.map((d) => ({
          ...linked('service-area', d),
          name: `${d} ${DISTRICTS[d].name}`,
          service_area: d,
          extent_type: 'postcode district',
        })),
    // The UK profile's language has ids only; the name is HSDS 3's, so a consumer can read it.
    languages: fields.languages.map((name) => ({ ...linked('language', name), name })),
    cost_options: [
      fields.cost.free
        ? { ...linked('cost-option', 'free'), option: 'Free', amount: 0 }
        : {
            ...linked('cost-option', 'charge'),
            option: 'Charge',
            amount_description: fields.cost.details ?? 'There is a charge',
          },
    ],
    attributes: [
      ...fields.needs.map((need) => {
        const known = labelOf.get(need);
        return term('need', need, known?.label ?? need, known?.domain ?? 'An area of need in the guidance');
      }),
      ...fields.levels.map((level) =>
        term('level', String(level), `Level ${level}`, `Serves families at level ${level}`),
      ),
      ...fields.access.map((route) => term('access', route, ACCESS_LABELS[route], ACCESS_LABELS[route])),
    ],
  };
}

/** One page of the export, in the standard's page shape, with our cursor for the next. */
export function openReferralPage(
  services: readonly OpenReferralService[],
  page: { first: boolean; nextCursor: string | null },
) {
  return {
    size: services.length,
    first_page: page.first,
    last_page: page.nextCursor === null,
    empty: services.length === 0,
    contents: services,
    // The standard numbers pages; a store read in key order pages by cursor, so this names the next.
    next_cursor: page.nextCursor,
  };
}
