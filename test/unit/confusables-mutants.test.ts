import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../shared/platform/confusables.ts';

describe('look-alike letters, every group', () => {
  it.each([
    ['Cyrillic capitals', 'АВЕЅІЈКМНОРСТУХҮҺԚԜӀ', 'ABESIJKMHOPCTYXYHQWI'],
    ['Cyrillic small letters', 'аеѕіјорсухһԁԛԝӏү', 'aesijopcyxhdqwly'],
    ['Greek capitals', 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ', 'ABEZHIKMNOPTYXC'],
    ['Greek small letters', 'αικνορυχγϲϳ', 'aikvopuxycj'],
    ['Latin letters drawn like others', 'ıɑɡ', 'iag'],
  ])('reads %s as the Latin letters they look like', (_group, lookAlikes, latin) => {
    expect(confusableSkeleton(lookAlikes)).toBe(confusableSkeleton(latin));
  });
});
