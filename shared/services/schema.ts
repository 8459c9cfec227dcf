import { type TextKind, text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { DISTRICT_IDS } from './districts.ts';
import { ACCESS_ROUTES, MAX_AGE, SERVICE_LEVELS, SERVICE_STATUSES } from './labels.ts';

// A service in the early-help offer (its fixed lists and their words are in labels.ts, its
// districts in districts.ts). Text fields follow the one rule in text.ts.
const required = (max: number, empty = 'Enter some text', kind: TextKind = 'line') =>
  text(max, kind).check(z.minLength(1, empty));
const agencyId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'is not an agency id'));
/** A sub-domain of the published guidance; the function checks it is one of today's. */
const needId = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'is not a need from the guidance'));
const district = z.enum(DISTRICT_IDS, { error: 'Choose a postcode district of the county' });
const age = z.int({ error: 'Enter an age in whole years' }).check(z.minimum(0), z.maximum(MAX_AGE));

export const ServiceFieldsSchema = z
  .strictObject({
    name: required(120, 'Enter the service’s name'),
    /** A partner agency in the portal, or a named organisation that is not one. */
    provider: z.strictObject({
      name: required(120, 'Enter who provides it', 'name'),
      agencyId: z.optional(agencyId),
    }),
    summary: required(1000, 'Say what the service offers, in plain English', 'multiline'),
    // At most 20, so an entry's whole search listing is written with it in one transaction.
    needs: z
      .array(needId)
      .check(
        z.minLength(1, 'Choose at least one need it meets'),
        z.maxLength(20, 'Choose 20 needs or fewer'),
      ),
    levels: z
      .array(
        z.union(
          SERVICE_LEVELS.map((l) => z.literal(l)),
          { error: 'Choose level 1, 2 or 3' },
        ),
      )
      .check(z.minLength(1, 'Choose at least one level it serves'), z.maxLength(3)),
    ages: z.strictObject({ from: age, to: age }),
    area: z.strictObject({
      wholeCounty: z.boolean(),
      districts: z._default(z.array(district).check(z.maxLength(DISTRICT_IDS.length)), []),
    }),
    /** Where it is delivered from: results are ordered by the distance from here. */
    baseDistrict: district,
    cost: z.strictObject({ free: z.boolean(), details: z.optional(text(300)) }),
    access: z
      .array(z.enum(ACCESS_ROUTES, { error: 'Choose how families reach it' }))
      .check(z.minLength(1, 'Choose how families reach it'), z.maxLength(ACCESS_ROUTES.length)),
    contact: z.strictObject({
      howToRefer: required(1000, 'Say how to refer or get in touch', 'multiline'),
      phone: z.optional(
        z
          .string()
          .check(z.trim(), z.regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number, like 01632 960 123')),
      ),
      email: z.optional(
        z.email({ error: 'Enter an email address, like name@example.org' }).check(z.maxLength(200)),
      ),
      website: z.optional(
        z
          .url({ protocol: /^https?$/, error: 'Enter a web address starting https://' })
          .check(z.maxLength(500)),
      ),
    }),
    openingTimes: required(300, 'Say when it is open'),
    languages: z._default(z.array(required(40, 'Enter a language')).check(z.maxLength(20)), ['English']),
    accessibility: z.optional(text(500, 'multiline')),
  })
  .check(
    z.refine((s) => s.ages.from <= s.ages.to, {
      path: ['ages', 'to'],
      message: 'The oldest age must be the same as or older than the youngest',
    }),
    z.refine((s) => s.area.wholeCounty || s.area.districts.length > 0, {
      path: ['area', 'districts'],
      message: 'Choose the districts it covers, or the whole county',
    }),
    z.refine((s) => Boolean(s.contact.phone || s.contact.email || s.contact.website), {
      path: ['contact', 'phone'],
      message: 'Give a phone number, an email address or a website',
    }),
  );
export type ServiceFields = z.infer<typeof ServiceFieldsSchema>;

/** An edit replaces the fields as a whole, so what was checked together stays consistent. */
export const ServiceInputSchema = ServiceFieldsSchema;

const PersonRef = z.object({ userId: z.string(), name: z.string() });

export const ServiceSchema = z.object({
  id: z.string(),
  fields: ServiceFieldsSchema,
  status: z.enum(SERVICE_STATUSES),
  /** The agency whose directory editors keep the entry: the provider's, or the partnership's. */
  ownerAgencyId: z.string(),
  /** Demo data, written to show the directory working: no such service exists. */
  illustrative: z.optional(z.boolean()),
  lastCheckedOn: z.iso.date(),
  lastCheckedBy: PersonRef,
  publishedAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
});
export type Service = z.infer<typeof ServiceSchema>;

/**
 * A service as another record keeps it (an episode's team, a signposting decision): its name,
 * provider and how to reach it as they were when it was chosen, so the record still reads right if
 * the entry later changes or is taken down.
 */
export const ServiceSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  howToRefer: z.string(),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  website: z.optional(z.string()),
});
export type ServiceSnapshot = z.infer<typeof ServiceSnapshotSchema>;

/** A service as read: whether its check is due (6 months unchecked), for today. */
export const ServiceViewSchema = z.extend(ServiceSchema, {
  checkDue: z.boolean(),
  checkDueOn: z.iso.date(),
});
export type ServiceView = z.infer<typeof ServiceViewSchema>;

/** The public search: every filter optional; results are published services only. */
export const ServiceSearchSchema = z.strictObject({
  need: z.optional(z.union([needId, z.array(needId).check(z.maxLength(30))])),
  age: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_AGE))),
  district: z.optional(district),
  free: z.optional(z.enum(['true'])),
  access: z.optional(z.enum(ACCESS_ROUTES)),
  level: z.optional(z.enum(['1', '2', '3'])),
  q: z.optional(text(100)),
});
export type ServiceSearch = z.infer<typeof ServiceSearchSchema>;

/** One search result: the service's public entry and why it matches, in words. */
export const ServiceMatchSchema = z.object({
  service: ServiceViewSchema,
  reasons: z.array(z.string()),
  /** Kilometres from the district searched for, when one was. */
  distanceKm: z.optional(z.number()),
});
export type ServiceMatch = z.infer<typeof ServiceMatchSchema>;
