import type { District } from '../../shared/services/districts.ts';
import type { AccessRoute, ServiceLevel } from '../../shared/services/labels.ts';
import type { ServiceFields } from '../../shared/services/schema.ts';

/**
 * How the demo directory's entries are written: a short spec each, expanded here into the fields the
 * services API takes. Every entry is made up (Northshire is a fictional county) and reaches no one:
 * phone numbers are in Ofcom's range for drama (01632 960000 to 960999), email addresses and websites
 * are example.org's.
 */
export interface DemoService {
  /** What an editor sends: POST /api/services takes exactly these. */
  fields: ServiceFields;
  /** Where the seed leaves it: published, never published, or published and then taken down. */
  status: 'published' | 'draft' | 'unpublished';
  /** Months since someone last checked it: over six and its check is due. */
  checkedMonthsAgo: number;
  /** Demo data written to show the directory working: no such service exists. */
  illustrative: true;
}

/** Demo agencies that provide services, as infra/seed/demo-data.ts names them. */
export const PROVIDERS = {
  harbour: { name: 'Harbour Family Support', agencyId: 'harbour-family-support' },
  health: { name: 'Northshire Community Health', agencyId: 'northshire-community-health' },
  council: { name: 'Northshire County Council', agencyId: 'northshire-council' },
  police: { name: 'Northshire Police', agencyId: 'northshire-police' },
  academy: { name: 'Northshire Academy', agencyId: 'northshire-academy' },
  brookfield: { name: 'Brookfield Primary School', agencyId: 'brookfield-primary' },
} as const;

export interface DemoSpec {
  name: string;
  /** A demo agency (its key in PROVIDERS), or the name of an organisation not in the portal. */
  by: keyof typeof PROVIDERS | { name: string };
  summary: string;
  needs: string[];
  levels: ServiceLevel[];
  ages: [from: number, to: number];
  /** The whole county, or the districts it covers. */
  area: 'county' | District[];
  base: District;
  /** What it costs; absent when it is free. */
  cost?: string;
  access: AccessRoute[];
  refer: string;
  phone?: string;
  email?: string;
  /** A path under https://example.org/northshire/. */
  web?: string;
  open: string;
  languages?: string[];
  accessibility?: string;
  status?: 'draft' | 'unpublished';
  /** Months since its last check: 2 unless given. */
  checked?: number;
}

export function demoService(spec: DemoSpec): DemoService {
  const provider = typeof spec.by === 'string' ? { ...PROVIDERS[spec.by] } : { name: spec.by.name };
  const fields: ServiceFields = {
    name: spec.name,
    provider,
    summary: spec.summary,
    needs: spec.needs,
    levels: spec.levels,
    ages: { from: spec.ages[0], to: spec.ages[1] },
    area:
      spec.area === 'county'
        ? { wholeCounty: true, districts: [] }
        : { wholeCounty: false, districts: spec.area },
    baseDistrict: spec.base,
    cost: spec.cost === undefined ? { free: true } : { free: false, details: spec.cost },
    access: spec.access,
    contact: {
      howToRefer: spec.refer,
      ...(spec.phone ? { phone: spec.phone } : {}),
      ...(spec.email ? { email: spec.email } : {}),
      ...(spec.web ? { website: `https://example.org/northshire/${spec.web}` } : {}),
    },
    openingTimes: spec.open,
    languages: spec.languages ?? ['English'],
    ...(spec.accessibility ? { accessibility: spec.accessibility } : {}),
  };
  return {
    fields,
    status: spec.status ?? 'published',
    checkedMonthsAgo: spec.checked ?? 2,
    illustrative: true,
  };
}
