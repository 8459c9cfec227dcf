/**
 * The referral form's sections, in the order the form asks them: the question pages, the task list
 * and the check-your-answers page all read this list, and the build writes a page for each. Pure (no
 * DOM, no zod at run time), so web/referrals/routes.ts can import it at build time.
 */

export type SectionSlug =
  | 'child'
  | 'referrer'
  | 'household'
  | 'agencies'
  | 'concerns'
  | 'strengths'
  | 'indicators'
  | 'support'
  | 'child-views'
  | 'parent-views'
  | 'consent'
  | 'family';

export interface Section {
  slug: SectionSlug;
  /** The task list's name for it. */
  name: string;
  /** The question page's h1 (and title). */
  heading: string;
  /** It may be left out of a referral. */
  optional?: boolean;
  /** A step-up from early help carries the episode's record instead, so it may be left out of one. */
  notAskedOfStepUps?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { slug: 'child', name: 'About the child', heading: 'About the child' },
  { slug: 'referrer', name: 'About you', heading: 'About you', notAskedOfStepUps: true },
  { slug: 'household', name: 'Household and adults', heading: 'Who does the child live with?' },
  {
    slug: 'agencies',
    name: 'Other agencies involved',
    heading: 'Which other agencies are involved?',
    optional: true,
  },
  { slug: 'concerns', name: 'Your concerns', heading: 'What are you worried about?' },
  { slug: 'strengths', name: 'Strengths and needs', heading: 'Strengths and needs', notAskedOfStepUps: true },
  {
    slug: 'indicators',
    name: 'Indicators and level of need',
    heading: 'Which indicators describe the child?',
  },
  { slug: 'support', name: 'What has been tried', heading: 'What has been tried so far?' },
  { slug: 'child-views', name: 'The child’s views', heading: 'What does the child say?' },
  {
    slug: 'parent-views',
    name: 'The parents’ views',
    heading: 'What do the parents or carers say?',
    optional: true,
  },
  { slug: 'consent', name: 'Consent', heading: 'Has the family agreed to this referral?' },
  { slug: 'family', name: 'Telling the family', heading: 'Telling the family', notAskedOfStepUps: true },
];

export function sectionFor(slug: string): Section | undefined {
  return SECTIONS.find((s) => s.slug === slug);
}

/** Whether a referral may be sent without this section. */
export function isOptional(section: Section, referral: { stepUpFrom?: unknown }): boolean {
  return Boolean(section.optional || (section.notAskedOfStepUps && referral.stepUpFrom));
}

export function sectionUrl(slug: SectionSlug | 'check' | '', id: string, returnToCheck = false): string {
  const path = slug ? `/referrals/draft/${slug}/` : '/referrals/draft/';
  return `${path}?id=${encodeURIComponent(id)}${returnToCheck ? '&return=check' : ''}`;
}
