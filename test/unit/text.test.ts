import { describe, expect, it } from 'vitest';
import type { $ZodType } from 'zod/v4/core';
import { ActionFieldsSchema, ProgressInputSchema } from '../../shared/board/schema.ts';
import { AgencyCreateSchema } from '../../shared/directory/schema.ts';
import { IndicatorSchema } from '../../shared/guidance/schema.ts';
import { confusableSkeleton } from '../../shared/platform/confusables.ts';
import { TEXT_REASONS, type TextKind, text, textProblem } from '../../shared/platform/text.ts';
import * as z from '../../shared/platform/zod.ts';
import { ReferralContentSchema } from '../../shared/referrals/schema.ts';

/** The field errors a schema gives, as `field: reason`. */
function refusals(schema: $ZodType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const KINDS: TextKind[] = ['name', 'line', 'multiline'];

describe('the one text rule', () => {
  const everywhere: [string, string, string][] = [
    ['NUL', 'Mai\u0000sie', TEXT_REASONS.control],
    ['escape', 'Mai\u001b[31msie', TEXT_REASONS.control],
    ['DEL', 'Mai\u007fsie', TEXT_REASONS.control],
    ['a C1 control (NEL)', 'Mai\u0085sie', TEXT_REASONS.control],
    ['a right-to-left override', 'Maisie\u202eenoD', TEXT_REASONS.invisible],
    ['a left-to-right embedding', '\u202aMaisie', TEXT_REASONS.invisible],
    ['a first-strong isolate', 'Mai\u2068sie\u2069', TEXT_REASONS.invisible],
    ['a zero-width space', 'Mai\u200bsie', TEXT_REASONS.invisible],
    ['a word joiner', 'Mai\u2060sie', TEXT_REASONS.invisible],
    ['a byte order mark at the start (trim would drop it)', '\ufeffMaisie', TEXT_REASONS.invisible],
    ['a lone high surrogate', 'Maisie\ud83d', TEXT_REASONS.surrogate],
    ['a lone low surrogate', '\ude00Maisie', TEXT_REASONS.surrogate],
    ['surrogates the wrong way round', 'Mai\ude00\ud83dsie', TEXT_REASONS.surrogate],
  ];

  for (const kind of KINDS) {
    it.each(everywhere)(`${kind}: refuses %s`, (_what, value, reason) => {
      expect(refusals(text(200, kind), value)).toEqual([`: ${reason}`]);
    });
  }

  it('keeps tab and new lines in multi-line text only', () => {
    const letter = 'Dear front door,\n\tMaisie is hungry.\r\nThank you';
    expect(text(200, 'multiline').parse(letter)).toBe(letter);
    expect(refusals(text(200, 'line'), 'Maisie\tFairbrook')).toEqual([`: ${TEXT_REASONS.control}`]);
    expect(refusals(text(200, 'name'), 'Maisie\nFairbrook')).toEqual([`: ${TEXT_REASONS.control}`]);
    expect(refusals(text(200, 'line'), 'one\u2028two')).toEqual([`: ${TEXT_REASONS.control}`]);
  });

  it('refuses direction marks in names, and keeps them in free text', () => {
    expect(refusals(text(60, 'name'), 'Amira\u200f')).toEqual([`: ${TEXT_REASONS.invisible}`]);
    expect(refusals(text(60, 'name'), '\u200eAmira')).toEqual([`: ${TEXT_REASONS.invisible}`]);
    expect(refusals(text(60, 'name'), 'Amira\u061c')).toEqual([`: ${TEXT_REASONS.invisible}`]);
    expect(text(200, 'multiline').parse('Her name is أميرة\u200f (Amira).')).toContain('\u200f');
  });

  it('keeps the zero-width joiners that emoji and scripts need in free text, and refuses them in names', () => {
    const family = 'Drew a picture of 👩‍👧 and 🏳️‍🌈';
    const persian = 'مادرش می‌گوید کمک می‌خواهد';
    expect(text(200, 'multiline').parse(family)).toBe(family);
    expect(text(200, 'multiline').parse(persian)).toBe(persian);
    expect(refusals(text(200, 'multiline'), '\u200dhidden')).toEqual([`: ${TEXT_REASONS.invisible}`]);
    expect(refusals(text(200, 'multiline'), 'a \u200c b')).toEqual([`: ${TEXT_REASONS.invisible}`]);
    expect(refusals(text(60, 'name'), 'North\u200dshire')).toEqual([`: ${TEXT_REASONS.invisible}`]);
  });

  it('accepts emoji and every script, normalised to NFC', () => {
    const kept = [
      'Zoë O’Brien-Smith',
      'Siân Llŷr',
      'Ffion ap Dafydd, Caerdydd – ŵyr a ŷd',
      'Łucja Wąsowska-Żółć',
      'أميرة حداد',
      '王小明',
      'Ngọc Ánh',
      'Ольга Петрова',
      'Γιώργος',
      'Maisie 😀🎉',
    ];
    for (const kind of KINDS) {
      for (const value of kept) expect(text(200, kind).parse(value), `${kind}: ${value}`).toBe(value);
    }
    // "Siân" typed with a combining circumflex is stored as the one character.
    expect(text(60, 'name').parse('Sia\u0302n')).toBe('Siân');
    expect(text(60, 'name').parse('  Maisie  ')).toBe('Maisie');
  });

  it('counts length after NFC and trimming', () => {
    expect(text(4, 'name').parse(' Sia\u0302n ')).toBe('Siân');
    expect(refusals(text(3, 'name'), 'Siân')).toEqual([': Use 3 characters or fewer']);
  });

  it('gives a reason for the first problem only', () => {
    expect(textProblem('\u202e\u0000', 'line')).toBe(TEXT_REASONS.control);
    expect(textProblem('fine', 'line')).toBeUndefined();
  });
});

describe('every text field of the request schemas uses it', () => {
  it('names the field: a referral’s child, adults, free text and consent', () => {
    expect(refusals(ReferralContentSchema, { child: { firstName: 'Mai\u0000sie' } })).toEqual([
      `child.firstName: ${TEXT_REASONS.control}`,
    ]);
    expect(
      refusals(ReferralContentSchema, {
        child: {
          lastName: 'Fair\u202ebrook',
          address: { line1: '12\u200b Example Row', town: 'Northtown', postcode: 'NS1 2AB' },
        },
        household: {
          adults: [
            {
              name: 'Kerry\u200f',
              relationship: 'Mother',
              parentalResponsibility: true,
              doNotContact: false,
            },
          ],
        },
        concerns: 'Hungry\ud800',
        consent: { status: 'given', byWhom: 'Kerry\u2066' },
      }),
    ).toEqual([
      `child.lastName: ${TEXT_REASONS.invisible}`,
      `child.address.line1: ${TEXT_REASONS.invisible}`,
      `household.adults.0.name: ${TEXT_REASONS.invisible}`,
      `concerns: ${TEXT_REASONS.surrogate}`,
      `consent.byWhom: ${TEXT_REASONS.invisible}`,
    ]);
    expect(ReferralContentSchema.parse({ concerns: 'Line one\nLine two 😀' }).concerns).toBe(
      'Line one\nLine two 😀',
    );
  });

  it('an agency’s name, a board action’s fields and progress, and the guidance’s indicators', () => {
    expect(refusals(AgencyCreateSchema, { name: 'North\u200bshire Police', kind: 'police' })).toEqual([
      `name: ${TEXT_REASONS.invisible}`,
    ]);
    const action = {
      reference: 'BA-100',
      title: 'Joint\u0007 offer',
      description: 'Commission it.\n\nWith health.',
      source: { kind: 'business_plan', reference: 'Plan 2026' },
      theme: 'early-help',
      ownerAgencyId: 'northshire-council',
      lead: 'Tom\u202e',
      startDate: '2026-01-05',
      dueDate: '2026-06-30',
    };
    expect(refusals(ActionFieldsSchema, action)).toEqual([
      `title: ${TEXT_REASONS.control}`,
      `lead: ${TEXT_REASONS.invisible}`,
    ]);
    expect(refusals(ProgressInputSchema, { narrative: '\ufeffAgreed.' })).toEqual([
      `narrative: ${TEXT_REASONS.invisible}`,
    ]);
    expect(
      refusals(IndicatorSchema, {
        id: 'x',
        level: 2,
        subDomainId: 'y',
        text: 'Often hungry',
        searchWords: ['food\u200b'],
      }),
    ).toEqual([`searchWords.0: ${TEXT_REASONS.invisible}`]);
  });
});

describe('look-alike names', () => {
  it('fold to one key: Cyrillic and Greek letters, invisible characters, case and spacing', () => {
    const key = confusableSkeleton('Northshire Police');
    expect(key).toBe('northshire police');
    for (const lookAlike of [
      'Northshire P\u043elice', // Cyrillic о
      'North\u200bshire Police',
      'NORTHSHIRE  POLICE',
      'NORTHS\u041dIRE \u0420OLICE', // Cyrillic Н and Р
      'N\u03bfrthshire P\u03bflice', // Greek ο
      'ＮＯＲＴＨＳＨＩＲＥ ＰＯＬＩＣＥ', // full-width
      ' Northshire\u00a0Police ',
      'Northshire Pol\u0456ce', // Cyrillic і
    ]) {
      expect(confusableSkeleton(lookAlike), lookAlike).toBe(key);
    }
    expect(confusableSkeleton('St Mary’s – North')).toBe(confusableSkeleton("st mary's - north"));
    expect(confusableSkeleton('Straße')).toBe(confusableSkeleton('STRASSE'));
  });

  it('keeps names that look different apart', () => {
    expect(confusableSkeleton('Northshire Police')).not.toBe(confusableSkeleton('Northshire Polite'));
    expect(confusableSkeleton('Siân Academy')).not.toBe(confusableSkeleton('Sian Academy'));
    expect(confusableSkeleton('Ольга')).not.toBe(confusableSkeleton('Olga'));
  });
});
