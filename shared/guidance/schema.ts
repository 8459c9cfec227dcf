import * as z from 'zod';
import { lazySchema } from '../platform/lazy-schema.ts';
import { text } from '../text.ts';

/** Levels of need: 1 universal, 2 additional / early help, 3 targeted / complex, 4 specialist. */
export const LEVELS = [1, 2, 3, 4] as const;
export const LevelNumberSchema = lazySchema(() =>
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
);
export type LevelNumber = z.infer<typeof LevelNumberSchema>;

/** The assessment triangle's three sides. */
export const DOMAIN_IDS = ['child-development', 'parenting-capacity', 'family-environment'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const AGE_BANDS = ['pre-birth', '0-4', '5-11', '12-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const slug = lazySchema(() =>
  z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens')
    .max(80),
);
// Text fields follow the one rule in text.ts: names and titles on one line, the rest multi-line.
const line = (max: number) => text(max, 'line').min(1, 'Enter some text');
const words = (max: number) => text(max, 'multiline').min(1, 'Enter some text');

export const LevelSchema = lazySchema(() =>
  z.strictObject({
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
  }),
);
export type Level = z.infer<typeof LevelSchema>;

export const SubDomainSchema = lazySchema(() =>
  z.strictObject({
    id: slug,
    name: line(120),
    description: words(400).optional(),
  }),
);
export type SubDomain = z.infer<typeof SubDomainSchema>;

export const DomainSchema = lazySchema(() =>
  z.strictObject({
    id: z.enum(DOMAIN_IDS),
    name: line(120),
    subDomains: z.array(SubDomainSchema).min(1).max(20),
  }),
);
export type Domain = z.infer<typeof DomainSchema>;

export const IndicatorSchema = lazySchema(() =>
  z.strictObject({
    id: slug,
    level: LevelNumberSchema,
    subDomainId: slug,
    text: words(300),
    /** Absent when the indicator applies at any age. */
    ageBands: z.array(z.enum(AGE_BANDS)).min(1).optional(),
    searchWords: z.array(text(40).min(1)).max(20),
    /** A child in immediate danger: the checker interrupts with "call 999 / the front door now" before anything else. */
    immediateDanger: z.boolean().optional(),
  }),
);
export type Indicator = z.infer<typeof IndicatorSchema>;

/** The content of one version of the threshold guidance. */
export const FrameworkSchema = lazySchema(() =>
  z.strictObject({
    title: line(200),
    /** Shown on every page: the seed framework is illustrative until the partnership edits it. */
    notice: words(600).optional(),
    levels: z.array(LevelSchema).length(4),
    domains: z.array(DomainSchema).length(3),
    indicators: z.array(IndicatorSchema).min(1).max(500),
  }),
);
export type Framework = z.infer<typeof FrameworkSchema>;

export const GUIDANCE_STATUSES = ['draft', 'published', 'superseded'] as const;
export type GuidanceStatus = (typeof GUIDANCE_STATUSES)[number];

export const GuidanceVersionSchema = lazySchema(() =>
  z.strictObject({
    version: z.number().int().positive(),
    status: z.enum(GUIDANCE_STATUSES),
    framework: FrameworkSchema,
    changeSummary: z.string().optional(),
    /** The date (YYYY-MM-DD) from which a published version applies. */
    effectiveFrom: z.iso.date().optional(),
    publishedAt: z.iso.datetime().optional(),
    publishedBy: z.string().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Optimistic-concurrency counter for drafts. */
    revision: z.number().int().positive(),
  }),
);
export type GuidanceVersion = z.infer<typeof GuidanceVersionSchema>;
