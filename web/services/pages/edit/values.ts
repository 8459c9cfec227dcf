/**
 * The service form's values as typed (strings and lists of choices), to and from the fields the API
 * takes, and where each field the API refuses is shown. The API checks every rule; the form only
 * turns what was typed into the shape it reads (an optional field left empty is not sent).
 */
import type { ServiceFields, ServiceView } from '../../../../shared/services/schema.ts';

export interface Values {
  name: string;
  /** 'own' (the editor's agency) or 'other' (an organisation named here). */
  provider: 'own' | 'other';
  providerName: string;
  summary: string;
  needs: string[];
  levels: string[];
  ageFrom: string;
  ageTo: string;
  /** 'county' or 'districts'. */
  area: 'county' | 'districts' | '';
  districts: string[];
  baseDistrict: string;
  free: 'yes' | 'no' | '';
  costDetails: string;
  access: string[];
  howToRefer: string;
  phone: string;
  email: string;
  website: string;
  openingTimes: string;
  languages: string;
  accessibility: string;
}

export function emptyValues(): Values {
  return {
    name: '',
    provider: 'own',
    providerName: '',
    summary: '',
    needs: [],
    levels: [],
    ageFrom: '',
    ageTo: '',
    area: '',
    districts: [],
    baseDistrict: '',
    free: '',
    costDetails: '',
    access: [],
    howToRefer: '',
    phone: '',
    email: '',
    website: '',
    openingTimes: '',
    languages: 'English',
    accessibility: '',
  };
}

export function valuesOf(service: ServiceView, ownAgencyId: string | null): Values {
  const f = service.fields;
  return {
    name: f.name,
    provider: f.provider.agencyId && f.provider.agencyId === ownAgencyId ? 'own' : 'other',
    providerName: f.provider.agencyId === ownAgencyId ? '' : f.provider.name,
    summary: f.summary,
    needs: [...f.needs],
    levels: f.levels.map(String),
    ageFrom: String(f.ages.from),
    ageTo: String(f.ages.to),
    area: f.area.wholeCounty ? 'county' : 'districts',
    districts: [...f.area.districts],
    baseDistrict: f.baseDistrict,
    free: f.cost.free ? 'yes' : 'no',
    costDetails: f.cost.details ?? '',
    access: [...f.access],
    howToRefer: f.contact.howToRefer,
    phone: f.contact.phone ?? '',
    email: f.contact.email ?? '',
    website: f.contact.website ?? '',
    openingTimes: f.openingTimes,
    languages: f.languages.join(', '),
    accessibility: f.accessibility ?? '',
  };
}

/** A whole number as a number; anything else as typed, for the API to refuse in its own words. */
function age(value: string): number {
  const trimmed = value.trim();
  return (/^\d{1,3}$/.test(trimmed) ? Number(trimmed) : trimmed) as number;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * What is sent. The provider's agency is the editor's own, or none (an organisation not in the
 * portal, which only the partnership's editors may list: the API says so to anyone else). An entry
 * kept for another partner agency keeps that agency when the provider is left as it was.
 */
export function fieldsOf(
  values: Values,
  own: { id: string; name: string } | null,
  kept: ServiceFields['provider'] | null,
): ServiceFields {
  const keepOther = values.provider === 'other' && kept?.agencyId && values.providerName.trim() === kept.name;
  const provider: ServiceFields['provider'] =
    values.provider === 'own' && own
      ? { name: own.name, agencyId: own.id }
      : keepOther && kept
        ? { ...kept }
        : { name: values.providerName.trim() };
  const languages = values.languages
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const fields = {
    name: values.name.trim(),
    provider,
    summary: values.summary.trim(),
    needs: values.needs,
    levels: values.levels.map(Number),
    ages: { from: age(values.ageFrom), to: age(values.ageTo) },
    area: {
      wholeCounty: values.area === 'county',
      districts: values.area === 'districts' ? values.districts : [],
    },
    baseDistrict: values.baseDistrict,
    cost: { free: values.free === 'yes', details: optional(values.costDetails) },
    access: values.access,
    contact: {
      howToRefer: values.howToRefer.trim(),
      phone: optional(values.phone),
      email: optional(values.email),
      website: optional(values.website),
    },
    openingTimes: values.openingTimes.trim(),
    languages,
    accessibility: optional(values.accessibility),
  };
  // JSON drops the undefined optional fields: an empty optional field is not sent.
  return fields as ServiceFields;
}

/** The form's inputs in the order it asks them, which the error summary follows. */
export const FIELD_ORDER = [
  'name',
  'provider',
  'provider-name',
  'summary',
  'needs',
  'levels',
  'age-from',
  'age-to',
  'area',
  'districts',
  'base-district',
  'free',
  'cost-details',
  'access',
  'how-to-refer',
  'phone',
  'email',
  'website',
  'opening-times',
  'languages',
  'accessibility',
] as const;

const BY_API_FIELD: Record<string, string> = {
  name: 'name',
  'provider.name': 'provider-name',
  'provider.agencyId': 'provider',
  provider: 'provider',
  summary: 'summary',
  needs: 'needs',
  levels: 'levels',
  'ages.from': 'age-from',
  'ages.to': 'age-to',
  ages: 'age-from',
  'area.wholeCounty': 'area',
  'area.districts': 'districts',
  area: 'area',
  baseDistrict: 'base-district',
  'cost.free': 'free',
  'cost.details': 'cost-details',
  access: 'access',
  'contact.howToRefer': 'how-to-refer',
  'contact.phone': 'phone',
  'contact.email': 'email',
  'contact.website': 'website',
  openingTimes: 'opening-times',
  languages: 'languages',
  accessibility: 'accessibility',
};

/** The input an API field (`needs.3`, `contact.email`) is shown at, or null when the form has none. */
export function inputFor(field: string, values: Values): string | null {
  const exact = BY_API_FIELD[field];
  // A provider's name refused while the editor's own agency is chosen is about the choice itself.
  if (exact === 'provider-name' && values.provider === 'own') return 'provider';
  if (exact) return exact;
  // A list's item (`needs.3`, `languages.0`) is shown at the list.
  const list = field.replace(/\.\d+$/, '');
  if (list !== field && BY_API_FIELD[list]) return BY_API_FIELD[list] ?? null;
  return null;
}

/** The fields' names in words, for saying what someone else changed. */
const FIELD_WORDS: [string, (f: ServiceFields) => unknown][] = [
  ['name', (f) => f.name],
  ['provider', (f) => f.provider],
  ['summary', (f) => f.summary],
  ['needs', (f) => [...f.needs].sort()],
  ['levels', (f) => [...f.levels].sort()],
  ['ages', (f) => f.ages],
  ['area', (f) => f.area],
  ['base district', (f) => f.baseDistrict],
  ['cost', (f) => f.cost],
  ['ways in', (f) => [...f.access].sort()],
  ['contact details', (f) => f.contact],
  ['opening times', (f) => f.openingTimes],
  ['languages', (f) => f.languages],
  ['accessibility', (f) => f.accessibility ?? ''],
];

/** What changed between the entry as read and as it is now, in words. */
export function describeChanges(before: ServiceView, after: ServiceView): string[] {
  const changes: string[] = [];
  if (before.status !== after.status)
    changes.push(
      `It was ${after.status === 'published' ? 'published' : after.status === 'unpublished' ? 'taken down' : 'made a draft'}`,
    );
  if (before.lastCheckedOn !== after.lastCheckedOn)
    changes.push(`${after.lastCheckedBy.name} confirmed it is still right`);
  const changed = FIELD_WORDS.filter(
    ([, get]) => JSON.stringify(get(before.fields)) !== JSON.stringify(get(after.fields)),
  ).map(([name]) => name);
  if (changed.length > 0) {
    const list =
      changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
    changes.push(`Its ${list} ${changed.length === 1 ? 'was' : 'were'} changed`);
  }
  if (changes.length === 0) changes.push('It was saved again with no change you can see');
  return changes;
}
