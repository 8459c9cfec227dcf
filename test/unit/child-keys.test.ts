import { describe, expect, it } from 'vitest';
import { createChildKeys } from '../../functions/referrals/child-keys.ts';

/**
 * The duplicate index's keys (functions/referrals/child-keys.ts): the same child, however typed, is
 * filed under the same keys, and nothing of her name, date of birth or postcode can be read from them.
 */
const SECRET = 'a-unit-test-match-key-secret-0123456789';
const maisie = {
  firstName: 'Maisie',
  lastName: 'Thornbury-Quill',
  dateOfBirth: '2017-03-09',
  postcode: 'NS4 7QT',
};

describe('the duplicate index keys', () => {
  it('are the same for the same child typed differently, and differ for another child', () => {
    const keys = createChildKeys(SECRET);
    const typedDifferently = {
      ...maisie,
      firstName: ' MAISIE',
      lastName: 'thornbury quill',
      postcode: 'ns47qt',
    };
    expect(keys(typedDifferently)).toEqual(keys(maisie));
    expect(keys({ ...maisie, dateOfBirth: '2017-03-10' })).not.toEqual(keys(maisie));
  });

  it('keep a strict key and a name-and-birth key, so a child who moved is still found', () => {
    const keys = createChildKeys(SECRET);
    const [strict, loose] = keys(maisie);
    const [movedStrict, movedLoose] = keys({ ...maisie, postcode: 'NS9 1AA' });
    expect(strict).toMatch(/^c:[A-Za-z0-9_-]{43}$/);
    expect(loose).toMatch(/^nd:[A-Za-z0-9_-]{43}$/);
    expect(movedStrict).not.toBe(strict);
    expect(movedLoose).toBe(loose);
    // Without a date of birth there is no looser key: names alone match too many children.
    expect(keys({ firstName: 'Maisie', lastName: 'Thornbury-Quill' })).toHaveLength(1);
  });

  it('hold nothing of her details, and cannot be matched without the secret', () => {
    const keys = createChildKeys(SECRET).call(null, maisie).join(' ').toLowerCase();
    for (const part of ['maisie', 'thornbury', 'quill', '2017', 'ns4', '7qt', 'ns47qt'])
      expect(keys).not.toContain(part);
    expect(createChildKeys(`${SECRET}-another`)(maisie)).not.toEqual(createChildKeys(SECRET)(maisie));
  });

  it('refuses a short secret', () => {
    expect(() => createChildKeys('too-short')).toThrow(/at least 32/);
  });
});
