import { describe, expect, it } from 'vitest';
import { illustrativeFramework as framework } from '../../infra/seed/guidance-framework.ts';
import { findFrameworkProblems, searchIndicators } from '../../shared/guidance/check.ts';
import { DOMAIN_IDS, FrameworkSchema } from '../../shared/guidance/schema.ts';

const subDomains = framework.domains.flatMap((d) => d.subDomains);
const byId = new Map(framework.indicators.map((i) => [i.id, i]));

describe('the illustrative threshold guidance', () => {
  it('is a valid framework, unchanged by parsing, with no cross-reference problems', () => {
    expect(FrameworkSchema.parse(framework)).toEqual(framework);
    expect(findFrameworkProblems(framework)).toEqual([]);
  });

  it('tells every reader it is illustrative and that the partnership will edit it', () => {
    expect(framework.notice).toMatch(/illustrative/i);
    expect(framework.notice).toMatch(/demonstration/i);
    expect(framework.notice).toMatch(/partnership will edit/i);
  });

  it('has the four levels in order, green to red', () => {
    expect(framework.levels.map((l) => [l.level, l.colour])).toEqual([
      [1, 'green'],
      [2, 'yellow'],
      [3, 'orange'],
      [4, 'red'],
    ]);
    expect(framework.levels.map((l) => l.name)).toEqual([
      'Universal',
      'Additional needs: early help',
      'Targeted early help: complex needs',
      'Specialist: child in need and child protection',
    ]);
  });

  it('needs informed consent at levels 1–3, and at level 4 records why it was not sought', () => {
    expect(framework.levels.map((l) => l.consent.required)).toEqual([true, true, true, false]);
    const level4 = framework.levels[3];
    expect(level4?.consent.guidance).toMatch(/never seek consent where doing so would put the child/i);
    expect(level4?.consent.guidance).toMatch(/record why consent was not sought/i);
    expect(framework.levels[1]?.consent.guidance).toMatch(/informed consent/i);
  });

  it('tells the practitioner what to do and whom to contact at each level', () => {
    const [l1, l2, l3, l4] = framework.levels;
    expect(l1?.response.doNow).toMatch(/no referral is needed/i);
    expect(l2?.response.doNow).toMatch(/Early Help Assessment/);
    expect(l2?.response.whoToContact).toContain('Early Help Hub');
    expect(l3?.response.doNow).toMatch(/team around the family/i);
    expect(l3?.response.earlyHelpPlanExpected).toBe(true);
    expect(l4?.response.doNow).toMatch(/call 999/i);
    expect(l4?.response.whoToContact).toContain('the Front Door (0300 000 0000)');
    expect(l4?.response.assessment).toMatch(/section 47/);
    expect(l4?.response.earlyHelpPlanExpected).toBe(false);
  });

  it('follows the assessment triangle with at least 12 sub-domains, each with indicators', () => {
    expect(framework.domains.map((d) => [d.id, d.name])).toEqual([
      [DOMAIN_IDS[0], "The child's developmental needs"],
      [DOMAIN_IDS[1], 'Parenting capacity'],
      [DOMAIN_IDS[2], 'Family and environmental factors'],
    ]);
    expect(subDomains.length).toBeGreaterThanOrEqual(12);
    for (const sub of subDomains) {
      expect(
        framework.indicators.filter((i) => i.subDomainId === sub.id),
        sub.id,
      ).not.toHaveLength(0);
    }
  });

  it('has at least 90 indicators, with every level well represented', () => {
    expect(framework.indicators.length).toBeGreaterThanOrEqual(90);
    for (const level of [1, 2, 3, 4] as const) {
      expect(
        framework.indicators.filter((i) => i.level === level).length,
        `level ${level}`,
      ).toBeGreaterThanOrEqual(12);
    }
  });

  it('uses unique indicator and sub-domain ids, and every indicator names a real sub-domain', () => {
    const ids = framework.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const subIds = subDomains.map((s) => s.id);
    expect(new Set(subIds).size).toBe(subIds.length);
    const missing = framework.indicators.filter((i) => !subIds.includes(i.subDomainId)).map((i) => i.id);
    expect(missing).toEqual([]);
  });

  it('has the indicators the journeys use, at the levels they expect', () => {
    expect(byId.get('basic-care-often-hungry')).toMatchObject({
      level: 2,
      text: expect.stringMatching(/^Child often hungry or without adequate food/),
    });
    expect(byId.get('family-frequent-shouting')).toMatchObject({
      level: 2,
      text: expect.stringMatching(/^Frequent shouting or verbal aggression at home/),
    });
    expect(byId.get('safety-disclosed-hit-with-injury')).toMatchObject({
      level: 4,
      immediateDanger: true,
      text: expect.stringMatching(/^Disclosed being hit, with a visible injury/),
    });
  });

  it('covers attendance at levels 2 and 3, bruises and county lines in its search words', () => {
    const withWord = (word: string) => framework.indicators.filter((i) => i.searchWords.includes(word));
    const attendanceLevels = new Set(withWord('attendance').map((i) => i.level));
    expect(attendanceLevels.has(2)).toBe(true);
    expect(attendanceLevels.has(3)).toBe(true);
    expect(withWord('bruise').some((i) => i.level === 4)).toBe(true);
    expect(withWord('county lines').some((i) => i.id === 'exploitation-county-lines')).toBe(true);
  });

  it('finds something for each concern a worried practitioner might type', () => {
    const concerns = [
      'neglect',
      'domestic abuse',
      'county lines',
      'sexual exploitation',
      'self-harm',
      'mental health',
      'attendance',
      'pregnant',
      'physical abuse',
      'sexual abuse',
      'online harm',
      'young carer',
      'homeless',
      'bruise',
      'hungry',
      'FGM',
      'radicalisation',
    ];
    const missing = concerns.filter((c) => searchIndicators(framework, c).length === 0);
    expect(missing).toEqual([]);
  });

  it('marks a few level 4 indicators, and only level 4, as immediate danger', () => {
    const danger = framework.indicators.filter((i) => i.immediateDanger === true);
    expect(danger.length).toBeGreaterThanOrEqual(1);
    expect(danger.length).toBeLessThanOrEqual(10);
    expect(danger.filter((i) => i.level !== 4).map((i) => i.id)).toEqual([]);
    expect(danger.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        'safety-disclosed-hit-with-injury',
        'safety-afraid-to-go-home',
        'safety-baby-unexplained-injury',
        'exploitation-missing-with-exploiters',
        'safety-sexual-abuse-disclosed',
      ]),
    );
  });

  it('tags pre-birth indicators as pre-birth only', () => {
    const preBirth = framework.indicators.filter((i) => i.id.startsWith('pre-birth-'));
    expect(preBirth.length).toBeGreaterThanOrEqual(4);
    for (const i of preBirth) expect(i.ageBands, i.id).toEqual(['pre-birth']);
    const taggedElsewhere = framework.indicators.filter(
      (i) => i.ageBands?.includes('pre-birth') && i.subDomainId !== 'pre-birth',
    );
    expect(taggedElsewhere).toEqual([]);
  });

  it('gives no real phone number but 999 and 101: the rest are fictional or from Ofcom’s drama range', () => {
    const all = JSON.stringify(framework);
    const fictional = /^(0300 000 000\d|01632 960\d{3})$/;
    const phoneLike = all.match(/\+?\d[\d ]{4,}\d/g) ?? [];
    expect(phoneLike.length).toBeGreaterThan(0);
    expect(phoneLike.filter((n) => !fictional.test(n))).toEqual([]);
    // Short numbers (111, 116 123...) would be real services; 101 is the police's non-emergency
    // number, which the FGM reporting duty names, so the FGM route must give it.
    const shortNumbers =
      all.replace(/0300 000 000\d|01632 960\d{3}/g, '').match(/(?<![\d%])\d{3}(?![\d%])/g) ?? [];
    expect(new Set(shortNumbers)).toEqual(new Set(['999', '101']));
    expect(all.match(/\b101\b/g)?.length).toBeGreaterThan(0);
  });

  it('gives every email address at northshire.example', () => {
    const emails = JSON.stringify(framework).match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.filter((e) => !e.endsWith('@northshire.example'))).toEqual([]);
  });
});
