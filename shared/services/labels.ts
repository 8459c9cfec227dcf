/**
 * The services directory's fixed lists and their words, free of zod: the schemas (schema.ts) build on
 * them, and browser pages import them from here without bringing the schemas into their bundles.
 */

/** Where an entry stands. Only a published entry is public. */
export const SERVICE_STATUSES = ['draft', 'published', 'unpublished'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const STATUS_LABELS: Record<ServiceStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** The levels of need the early-help offer serves: level 4 is children's social care, not a service. */
export const SERVICE_LEVELS = [1, 2, 3] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** How a family reaches the service. */
export const ACCESS_ROUTES = ['self-referral', 'professional-referral', 'front-door'] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];

export const ACCESS_LABELS: Record<AccessRoute, string> = {
  'self-referral': 'Families can contact it themselves',
  'professional-referral': 'A professional refers the family',
  'front-door': 'Through the front door only',
};

/** The oldest age a service may serve: care leavers are supported to 25. */
export const MAX_AGE = 25;

/** An entry not checked for this many months is flagged to its provider. */
export const CHECK_EVERY_MONTHS = 6;

/** Why no service fitted, when the front door signposts and none does. */
export const NONE_FITTED_REASONS = ['no-service', 'waiting-list', 'not-in-area', 'family-declined'] as const;
export type NoneFittedReason = (typeof NONE_FITTED_REASONS)[number];

export const NONE_FITTED_LABELS: Record<NoneFittedReason, string> = {
  'no-service': 'No service meets this need',
  'waiting-list': 'The service that would has a waiting list',
  'not-in-area': 'No service covers the family’s area',
  'family-declined': 'The family declined the services offered',
};

/** Age bands unmet need is counted in (a child's age at the decision). */
export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandOf(age: number): AgeBand {
  if (age <= 4) return '0-4';
  if (age <= 10) return '5-10';
  if (age <= 15) return '11-15';
  return '16-25';
}
