import type { Framework, Indicator, Level, LevelNumber } from '../../shared/guidance/schema.ts';

/**
 * The parts of a made-up threshold framework the guidance checker's tests build theirs from: wording
 * that names its level, so an answer can be worked out by hand and traced back to where it came from.
 */

/** Level `n`, called `name`; level 4 says to call 999 or the front door. */
export const testLevel = (n: LevelNumber, name = `Level ${n} name`): Level => ({
  level: n,
  name,
  summary: `Summary ${n}`,
  colour: (['green', 'yellow', 'orange', 'red'] as const)[n - 1] ?? 'red',
  response: {
    doNow: `Do now ${n}`,
    whoToContact: n === 4 ? 'Call 999, or the Front Door (0300 000 0000)' : `Contact for level ${n}`,
    assessment: `Assessment ${n}`,
    earlyHelpPlanExpected: n === 3,
  },
  consent: { required: n < 4, guidance: `Consent ${n}` },
});

/** An indicator at level `n` in the basic-care sub-domain, its text naming it. */
export const testIndicator = (id: string, n: LevelNumber, extra: Partial<Indicator> = {}): Indicator => ({
  id,
  level: n,
  subDomainId: 'basic-care',
  text: `Text for ${id}`,
  searchWords: [],
  ...extra,
});

/** Three domains of one sub-domain each (health, basic care, housing): a new list each call. */
export const testDomains = (): Framework['domains'] => [
  { id: 'child-development', name: 'Child', subDomains: [{ id: 'health', name: 'Health' }] },
  { id: 'parenting-capacity', name: 'Parenting', subDomains: [{ id: 'basic-care', name: 'Basic care' }] },
  { id: 'family-environment', name: 'Family', subDomains: [{ id: 'housing', name: 'Housing' }] },
];
