/**
 * The partnership's early-help standards: how many working days each step may take. Held as data
 * (the early-help table's standards item overrides these), so a partnership that sets other targets
 * changes a record, not the code. The defaults are illustrative: 5 working days to allocate a lead
 * practitioner after the decision, 20 to complete the assessment after allocation, 5 to agree the
 * plan after the assessment, and a review at least every 6 weeks (30 working days).
 */
export interface EarlyHelpStandards {
  /** Working days from the front door's decision (or the step-down) to an accepted lead. */
  readonly leadWithinWorkingDays: number;
  /** Working days from the lead's acceptance to a completed Early Help Assessment. */
  readonly assessmentWithinWorkingDays: number;
  /** Working days from the completed assessment to an agreed plan. */
  readonly planWithinWorkingDays: number;
  /** Working days from the plan (or the last review) to the next review. */
  readonly reviewEveryWorkingDays: number;
}

export const DEFAULT_STANDARDS: EarlyHelpStandards = {
  leadWithinWorkingDays: 5,
  assessmentWithinWorkingDays: 20,
  planWithinWorkingDays: 5,
  reviewEveryWorkingDays: 30,
};

/** The bounds a standard must keep: at least a day, at most a year of working days. */
export const STANDARD_MIN_WORKING_DAYS = 1;
export const STANDARD_MAX_WORKING_DAYS = 260;

/** The standards' fields, in the order an episode meets them. */
export const STANDARD_FIELDS = [
  'leadWithinWorkingDays',
  'assessmentWithinWorkingDays',
  'planWithinWorkingDays',
  'reviewEveryWorkingDays',
] as const satisfies readonly (keyof EarlyHelpStandards)[];
export type StandardField = (typeof STANDARD_FIELDS)[number];

/**
 * The name of the standards an episode's lists were sorted under ("5-20-5-30"). Equal standards
 * sort an episode alike, so the values themselves name them: saving the same standards again
 * leaves every listing as it is, and only a real change has lists to re-sort.
 */
export const standardsBasis = (standards: EarlyHelpStandards): string =>
  STANDARD_FIELDS.map((field) => standards[field]).join('-');
