/**
 * The directory's plain lists and their words, free of zod: the schemas (schema.ts) build on them,
 * and browser pages import them from here without bringing the schemas into their bundles.
 */
export const AGENCY_KINDS = ['school', 'health', 'police', 'local-authority', 'voluntary', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  school: 'School or setting',
  health: 'Health',
  police: 'Police',
  'local-authority': 'Local authority',
  voluntary: 'Voluntary sector',
  other: 'Other',
};
