import { describe, expect, it } from 'vitest';
import { CHILD_VIEWS, concernsFrom, LEADS, RATIONALES, TRIED_SO_FAR } from '../../infra/seed/demo-words.ts';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { ReferralContentSchema } from '../../shared/referrals/schema.ts';

/**
 * The demo referrals read as practice would: each concern says, in a practitioner's words, what its
 * indicators describe, and passes the form's own rules; nothing says "demo" or "named lead".
 */
const PLACEHOLDER = /synthetic|demo|named lead|lorem/i;

describe('the demo data’s words', () => {
  it('writes a concern from every indicator the demo referrals can choose, as the form accepts it', () => {
    const indicators = illustrativeFramework.indicators.filter((i) => !i.immediateDanger);
    for (const [n, indicator] of indicators.entries()) {
      const concerns = concernsFrom('Ava', [indicator.id], n);
      expect(concerns).toMatch(/^For Ava, /);
      expect(concerns.toLowerCase()).toContain(indicator.text.slice(1, 30).toLowerCase());
      expect(concerns, indicator.id).not.toMatch(PLACEHOLDER);
      expect(ReferralContentSchema.safeParse({ concerns }).success, indicator.id).toBe(true);
    }
  });

  it('joins two indicators in one sentence and ends it once', () => {
    const [a, b] = illustrativeFramework.indicators;
    const concerns = concernsFrom('Ava', [a?.id ?? '', b?.id ?? ''], 0);
    expect(concerns).toContain('; and ');
    expect(concerns).not.toMatch(/\.\./);
  });

  it('says what was tried, what the child said, why the front door decided and who leads, in real words', () => {
    for (const text of [
      ...TRIED_SO_FAR,
      ...CHILD_VIEWS,
      ...Object.values(RATIONALES),
      ...Object.values(LEADS),
    ])
      expect(text).not.toMatch(PLACEHOLDER);
    expect(Object.keys(RATIONALES)).toEqual(['1', '2', '3', '4']);
  });
});
