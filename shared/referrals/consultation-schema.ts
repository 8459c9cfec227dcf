import { LevelNumberSchema } from '../guidance/schema.ts';
import { text } from '../platform/text.ts';
import * as z from '../platform/zod.ts';
import { CONSULTATION_VIEWS, WRITTEN_REQUEST_ANSWERS } from './consultations.ts';
import { UK_POSTCODE } from './labels.ts';

/** A consultation call the front door records (consultations.ts holds its rules). */

const PersonRef = z.object({ userId: z.string(), name: z.string() });

export const ConsultationInputSchema = z.strictObject({
  /** When the call was. */
  calledAt: z.iso.datetime({ error: 'Enter when the call was, as a date and time' }),
  caller: z.strictObject({
    name: text(120, 'name').check(z.minLength(1, 'Enter who called')),
    role: z.optional(text(120, 'line')),
    agencyId: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not an agency id'))),
    phone: z.optional(
      z
        .string()
        .check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a telephone number, like 01632 960 001')),
    ),
  }),
  /** Whom the call was about; needed when a written request is asked for, to link it. */
  child: z.optional(
    z.strictObject({
      firstName: text(60, 'name'),
      lastName: text(60, 'name'),
      dateOfBirth: z.optional(z.iso.date({ error: 'Enter a real date, as YYYY-MM-DD' })),
      postcode: z.optional(
        z.string().check(z.trim(), z.regex(UK_POSTCODE, 'Enter a real UK postcode, like NS1 2AB')),
      ),
    }),
  ),
  levelDiscussed: LevelNumberSchema,
  advice: text(2000, 'multiline').check(z.minLength(1, 'Enter what the front door advised')),
  writtenRequest: z.enum(WRITTEN_REQUEST_ANSWERS, { error: 'Say whether a written request is needed' }),
});
export type ConsultationInput = z.infer<typeof ConsultationInputSchema>;

/** The referral a call's written request became, as the call shows it. */
export const ConsultationLinkSchema = z.object({
  referralId: z.string(),
  reference: z.string(),
  agencyId: z.string(),
  submittedAt: z.iso.datetime(),
  /** Within the four hours of the call, or not. */
  onTime: z.boolean(),
});

export const ConsultationSchema = z.extend(ConsultationInputSchema, {
  id: z.string(),
  view: z.enum(CONSULTATION_VIEWS),
  recordedBy: PersonRef,
  recordedAt: z.iso.datetime(),
  writtenRequestDueAt: z.optional(z.iso.datetime()),
  linkedReferral: z.optional(ConsultationLinkSchema),
  version: z.int(),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

/** What a referral shows the front door of the call that asked for it. */
export const ReferralConsultationSchema = z.object({
  consultationId: z.string(),
  calledAt: z.iso.datetime(),
  callerName: z.string(),
  levelDiscussed: LevelNumberSchema,
  advice: z.string(),
  writtenRequestDueAt: z.iso.datetime(),
});
export type ReferralConsultation = z.infer<typeof ReferralConsultationSchema>;
