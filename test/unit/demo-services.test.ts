import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../infra/seed/demo-services.ts';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { ServiceFieldsSchema } from '../../shared/services/schema.ts';

/**
 * The demo directory is a fair picture of an early-help offer: at least 40 services, every area of
 * need in the seeded guidance met at some level, every level 1 to 3 served, each entry one an editor
 * could have sent, all marked illustrative and reaching no one.
 */
describe('the demo services directory', () => {
  const published = DEMO_SERVICES.filter((s) => s.status === 'published');

  it('has at least 40 services, each one an editor could send, all illustrative', () => {
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(40);
    for (const s of DEMO_SERVICES) {
      expect(ServiceFieldsSchema.safeParse(s.fields).success, s.fields.name).toBe(true);
      expect(s.illustrative).toBe(true);
    }
    expect(new Set(DEMO_SERVICES.map((s) => s.fields.name)).size).toBe(DEMO_SERVICES.length);
  });

  it('meets every area of need of the guidance and serves every level 1 to 3, published', () => {
    const needs = illustrativeFramework.domains.flatMap((d) => d.subDomains.map((s) => s.id));
    const met = new Set(published.flatMap((s) => s.fields.needs));
    expect(needs.filter((n) => !met.has(n))).toEqual([]);
    for (const level of [1, 2, 3] as const)
      expect(
        published.some((s) => s.fields.levels.includes(level)),
        `level ${level}`,
      ).toBe(true);
  });

  it('reaches no one: drama phone numbers and example.org addresses only', () => {
    for (const { fields } of DEMO_SERVICES) {
      const { phone, email, website } = fields.contact;
      if (phone) expect(phone.replace(/\s/g, '')).toMatch(/^01632960\d{3}$/);
      if (email) expect(email).toMatch(/@example\.org$/);
      if (website) expect(new URL(website).hostname).toMatch(/(^|\.)example\.org$/);
    }
  });
});
