import { describe, expect, it } from 'vitest';
import {
  addMonths,
  byCheckDue,
  fitsSearch,
  matchReasons,
  mayEdit,
  ownerAgencyOf,
  providerRefusal,
  serviceView,
} from '../../shared/services/rules.ts';
import type { Service, ServiceFields } from '../../shared/services/schema.ts';

/** The services directory's pure rules: who keeps an entry, when it is due a check, what a search finds. */
const PARTNERSHIP = 'northshire-partnership';
const fields: ServiceFields = {
  name: 'Harbour Family Hub',
  provider: { name: 'Harbour Family Support', agencyId: 'harbour-family-support' },
  summary: 'Practical help at home for families under pressure.',
  needs: ['housing-income', 'family-functioning'],
  levels: [2],
  ages: { from: 5, to: 16 },
  area: { wholeCounty: false, districts: ['NS6'] },
  baseDistrict: 'NS6',
  cost: { free: true },
  access: ['self-referral'],
  contact: { howToRefer: 'Ring the hub.', phone: '01632 960 123' },
  openingTimes: 'Weekdays',
  languages: ['English'],
};
const service = (lastCheckedOn: string, name = fields.name): Service => ({
  id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  fields: { ...fields, name },
  status: 'published',
  ownerAgencyId: 'harbour-family-support',
  lastCheckedOn,
  lastCheckedBy: { userId: 'u', name: 'Kofi Mensah' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
});

describe('who keeps an entry', () => {
  const editor = (agencyId: string | null, roles = ['directory-editor']) => ({ roles, agencyId });
  it('is the provider agency, or the partnership when the provider is not a partner agency', () => {
    expect(ownerAgencyOf(fields, PARTNERSHIP)).toBe('harbour-family-support');
    expect(ownerAgencyOf({ provider: { name: 'Libraries' } }, PARTNERSHIP)).toBe(PARTNERSHIP);
  });
  it("lets the partnership's editors edit every entry, a provider's only its own, nobody else any", () => {
    const entry = service('2026-01-01');
    expect(mayEdit(editor(PARTNERSHIP), entry, PARTNERSHIP)).toBe(true);
    expect(mayEdit(editor('harbour-family-support'), entry, PARTNERSHIP)).toBe(true);
    expect(mayEdit(editor('brookfield-primary'), entry, PARTNERSHIP)).toBe(false);
    expect(mayEdit(editor('harbour-family-support', ['referrer']), entry, PARTNERSHIP)).toBe(false);
    expect(mayEdit(editor(null), entry, PARTNERSHIP)).toBe(false);
    expect(mayEdit(null, entry, PARTNERSHIP)).toBe(false);
  });
  it("refuses a provider's editor any provider but their own agency", () => {
    expect(providerRefusal(editor('harbour-family-support'), fields, PARTNERSHIP)).toBeNull();
    expect(providerRefusal(editor(PARTNERSHIP), { provider: { name: 'Libraries' } }, PARTNERSHIP)).toBeNull();
    expect(providerRefusal(editor('brookfield-primary'), fields, PARTNERSHIP)).toMatch(/your own agency/);
    expect(
      providerRefusal(editor('harbour-family-support'), { provider: { name: 'X' } }, PARTNERSHIP),
    ).toMatch(/your own agency/);
  });
});

describe('the six-monthly check', () => {
  it('falls due six calendar months after the last check, kept to the end of a short month', () => {
    expect(addMonths('2026-03-02', 6)).toBe('2026-09-02');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
  it('is due on its day and after, not before', () => {
    expect(serviceView(service('2026-03-02'), '2026-09-01').checkDue).toBe(false);
    expect(serviceView(service('2026-03-02'), '2026-09-02')).toMatchObject({
      checkDue: true,
      checkDueOn: '2026-09-02',
    });
  });
  it('puts check-due entries first, then the longest unchecked, then by name', () => {
    const today = '2026-10-01';
    const views = [
      service('2026-09-01', 'B'),
      service('2026-01-01', 'Z'),
      service('2026-09-01', 'A'),
      service('2025-12-01', 'Y'),
    ].map((s) => serviceView(s, today));
    expect(views.sort(byCheckDue).map((v) => v.fields.name)).toEqual(['Y', 'Z', 'A', 'B']);
  });
});

describe('what a search finds, and why', () => {
  it('matches any of the needs asked for, and every other filter', () => {
    expect(fitsSearch(fields, { need: ['health', 'housing-income'] })).toBe(true);
    expect(fitsSearch(fields, { need: 'health' })).toBe(false);
    expect(fitsSearch(fields, { age: 16 })).toBe(true);
    expect(fitsSearch(fields, { age: 17 })).toBe(false);
    expect(fitsSearch(fields, { district: 'NS6' })).toBe(true);
    expect(fitsSearch(fields, { district: 'NS1' })).toBe(false);
    expect(fitsSearch({ ...fields, area: { wholeCounty: true, districts: [] } }, { district: 'NS1' })).toBe(
      true,
    );
    expect(fitsSearch({ ...fields, cost: { free: false } }, { free: 'true' })).toBe(false);
    expect(fitsSearch(fields, { access: 'front-door' })).toBe(false);
    expect(fitsSearch(fields, { level: '3' })).toBe(false);
    expect(fitsSearch(fields, { q: 'HARBOUR pressure' })).toBe(true);
    expect(fitsSearch(fields, { q: 'harbour swimming' })).toBe(false);
  });
  it('says why in words, naming the needs met as the guidance does', () => {
    const labels = new Map([['housing-income', 'Housing, income and employment']]);
    expect(
      matchReasons(
        fields,
        {
          need: ['housing-income', 'health'],
          age: 8,
          district: 'NS6',
          free: 'true',
          access: 'self-referral',
        },
        labels,
      ),
    ).toEqual([
      'Meets: Housing, income and employment',
      'Ages 5 to 16',
      'Covers NS6',
      'Free',
      'Families can contact it themselves',
    ]);
    expect(matchReasons(fields, {}, labels)).toEqual([]);
  });
});
