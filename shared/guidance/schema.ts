import { text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';

/** Levels of need: 1 universal, 2 additional / early help, 3 targeted / complex, 4 specialist. */
export const LEVELS = [1, 2, 3, 4] as const;
export const LevelNumberSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type LevelNumber = z.infer<typeof LevelNumberSchema>;

/** The assessment triangle's three sides. */
export const DOMAIN_IDS = ['child-development', 'parenting-capacity', 'family-environment'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const AGE_BANDS = ['pre-birth', '0-4', '5-11', '12-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens'), z.maxLength(80));
// Text fields follow the one rule in text.ts: names and titles on one line, the rest multi-line.
const line = (max: number) => text(max, 'line').check(z.minLength(1, 'Enter some text'));
const words = (max: number) => text(max, 'multiline').check(z.minLength(1, 'Enter some text'));

export const LevelSchema = z.strictObject({
  level: LevelNumberSchema,
  name: line(80),
  summary: words(600),
  /** A GOV.UK tag colour for the level. */
  colour: z.enum(['green', 'yellow', 'orange', 'red']),
  response: z.strictObject({
    /** What to do now, in plain words, addressed to the practitioner. */
    doNow: words(800),
    whoToContact: words(400),
    assessment: words(400),
    /** Whether an Early Help Assessment and plan should already be in place before escalating to this level. */
    earlyHelpPlanExpected: z.boolean(),
  }),
  consent: z.strictObject({
    /** Levels 1–3: the family's informed consent is needed. Level 4: not needed, but the reason is recorded. */
    required: z.boolean(),
    guidance: words(600),
  }),
});
export type Level = z.infer<typeof LevelSchema>;

export const SubDomainSchema = z.strictObject({
  id: slug,
  name: line(120),
  description: z.optional(words(400)),
});
export type SubDomain = z.infer<typeof SubDomainSchema>;

export const DomainSchema = z.strictObject({
  id: z.enum(DOMAIN_IDS),
  name: line(120),
  subDomains: z.array(SubDomainSchema).check(z.minLength(1), z.maxLength(20)),
});
export type Domain = z.infer<typeof DomainSchema>;

export const IndicatorSchema = z.strictObject({
  id: slug,
  level: LevelNumberSchema,
  subDomainId: slug,
  text: words(300),
  /** Absent when the indicator applies at any age. */
  ageBands: z.optional(z.array(z.enum(AGE_BANDS)).check(z.minLength(1))),
  searchWords: z.array(text(40).check(z.minLength(1))).check(z.maxLength(20)),
  /** A child in immediate danger: the checker interrupts with "call 999 / the front door now" before anything else. */
  immediateDanger: z.optional(z.boolean()),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Whether a specific route replaces the level's referral to the Front Door or goes alongside it. */
export const ROUTE_REFERRALS = ['replaces', 'alongside'] as const;
export type RouteReferral = (typeof ROUTE_REFERRALS)[number];

export const RouteContactSchema = z.strictObject({
  name: line(120),
  /** As it is dialled and read: digits and spaces ("01632 960410", "101"). */
  phone: z.string().check(z.regex(/^\d[\d ]{1,18}\d$/, 'Enter a telephone number of digits and spaces')),
  email: z.optional(z.email({ error: 'Enter an email address, like lado@northshire.example' })),
  hours: line(200),
});
export type RouteContact = z.infer<typeof RouteContactSchema>;

/**
 * A situation the partnership sets a route of its own for, whatever the level (allegations against
 * staff, FGM, Prevent, private fostering, Operation Encompass): English partnerships publish these
 * apart from the levels because the law or national guidance names who must be told, and by when.
 */
export const SpecificRouteSchema = z.strictObject({
  id: slug,
  title: line(120),
  /** What to do and by when, in a few words: the checker's answer shows it beside the title. */
  summary: line(200),
  whenItApplies: words(800),
  steps: z.array(words(500)).check(z.minLength(1), z.maxLength(12)),
  contact: RouteContactSchema,
  timescale: words(300),
  referral: z.enum(ROUTE_REFERRALS),
  /** What "replaces" or "alongside" means for this route. */
  referralNote: words(500),
  /** The indicators that bring the route up in the checker; each must be in the same version. */
  indicatorIds: z.array(slug).check(z.maxLength(50)),
});
export type SpecificRoute = z.infer<typeof SpecificRouteSchema>;

/** The content of one version of the threshold guidance. */
export const FrameworkSchema = z.strictObject({
  title: line(200),
  /** Shown on every page: the seed framework is illustrative until the partnership edits it. */
  notice: z.optional(words(600)),
  levels: z.array(LevelSchema).check(z.length(4)),
  domains: z.array(DomainSchema).check(z.length(3)),
  indicators: z.array(IndicatorSchema).check(z.minLength(1), z.maxLength(500)),
  /** Optional: versions published before routes existed have none. */
  routes: z.optional(z.array(SpecificRouteSchema).check(z.maxLength(30))),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const GUIDANCE_STATUSES = ['draft', 'published', 'superseded'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

/** A guidance editor as a version records them: their user id (the token's subject) and their name then. */
export const EditorRefSchema = z.strictObject({ id: z.string(), name: z.string() });
export type EditorRef = z.infer<typeof EditorRefSchema>;

export const GuidanceVersionSchema = z.strictObject({
  version: z.int().check(z.positive()),
  status: z.enum(GUIDANCE_STATUSES),
  framework: FrameworkSchema,
  changeSummary: z.optional(z.string()),
  /** The date (YYYY-MM-DD) from which a published version applies. */
  effectiveFrom: z.optional(z.iso.date()),
  publishedAt: z.optional(z.iso.datetime()),
  publishedBy: z.optional(z.string()),
  /**
   * Who started the draft and everyone who changed it since: none of them may approve it. Absent on
   * versions made before sign-off existed.
   */
  editedBy: z.optional(z.array(EditorRefSchema)),
  /** The second guidance editor who approved this text; any later edit withdraws it. */
  approvedBy: z.optional(EditorRefSchema),
  approvedAt: z.optional(z.iso.datetime()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Optimistic-concurrency counter for drafts. */
  revision: z.int().check(z.positive()),
});
export type GuidanceVersion = z.infer<typeof GuidanceVersionSchema>;
