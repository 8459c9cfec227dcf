/**
 * The same child referred twice, a day apart: the front door sees both, each naming the other.
 *
 * - Yesterday, Amira (Brookfield Primary School) sent a referral about a made-up child.
 * - Today Dan (Northshire Police) finishes his referral about the same child (same name, date of birth
 *   and postcode) in the browser, by keyboard: consent, telling the family, check, send.
 * - Grace's queue marks both "Possible duplicate"; the police referral's page names the school's,
 *   sent yesterday, and links it; the school's names the police one and links back. axe finds nothing.
 * - Dan sees his own referral with no flag and nothing of the school's, and the school's address
 *   is "not found" for him: a referrer never sees another agency's referral.
 */
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSeedCaller, type Saved } from '../../infra/seed/seed-caller.ts';
import { readable, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import {
  arrive,
  byId,
  expectAxeClean,
  inDays,
  LONG,
  press,
  soon,
  typeDate,
  typeInto,
  ukToday,
} from './early-help-harness.ts';

const live = portalAndChromium();
const url = (path: string) => `${live.portal.url}${path}`;

/** The API as a demo user, each answer checked (for the steps that are other journeys'). */
async function api<T>(username: string, method: string, path: string, body?: unknown, headers = {}) {
  const response = await live.fetchAs(username, `/api${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** A page already signed in as a demo user (signing in by keyboard is the sign-in test's). */
async function signedInPage(username: string): Promise<Page> {
  const page = await live.signedInPage(username, { viewport: { width: 1024, height: 800 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** A surname no demo child and no other test's child has: concurrent referrals of one child flag each other. */
const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
const CHILD = {
  firstName: 'Elsie',
  lastName: `Penhallow-${letters(1).toUpperCase()}${letters(5)}`,
  dateOfBirth: '2017-03-09',
};
const CHILD_NAME = `${CHILD.firstName} ${CHILD.lastName}`;
const ADDRESS = { line1: '7 Quarry Lane', town: 'Northtown', postcode: 'NS4 7QL' };
const SCHOOL_CONCERNS = `${CHILD.firstName} has been falling asleep in class and says she is scared when her dad drinks.`;

/** "3 December 2026": a day as the portal writes it, in UK time. */
const ukDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(iso));

const isFocusedLink = (text: string) => (el: { tag: string; text: string }) =>
  el.tag === 'a' && el.text === text;

/** Tabs to the link to `href` (both rows name the child, so the link text alone will not do). */
async function tabToLink(page: Page, href: string): Promise<void> {
  for (let i = 0; i < LONG.max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === href) return;
  }
  throw new Error(`Tab never reached the link to ${href}`);
}

describe('a police referral about a child a school referred yesterday', () => {
  it('flags both to the front door, each linking the other, and shows the police referrer nothing of the school’s', async () => {
    // Arrange: Amira's referral, sent yesterday at 10am. The API stamps the real time, so this is
    // written as the demo seed writes its history (infra/seed/seed-caller.ts): through the same apps
    // the portal serves, on the portal's own tables, with the apps' clock moved back a day.
    const yesterday = inDays(-1);
    const sentYesterday = `${yesterday}T10:00:00.000Z`;
    const seed = await createSeedCaller(live.portal.db, live.portal.tables, new Date());
    seed.at(Date.parse(sentYesterday) - 30 * 60_000);
    const schoolDraft = await seed.call<Saved>(
      'amira',
      'POST',
      '/api/referrals',
      completeReferral({
        child: { ...completeReferral().child, ...CHILD, address: ADDRESS },
        concerns: SCHOOL_CONCERNS,
        consent: { status: 'given', byWhom: 'Joanne Penhallow (mother)', date: yesterday },
      }),
      { 'idempotency-key': `duplicate-browser-school-${CHILD.lastName}` },
    );
    seed.at(Date.parse(sentYesterday));
    const school = await seed.call<Saved & { reference: string; submittedAt: string }>(
      'amira',
      'POST',
      `/api/referrals/${schoolDraft.id}/submit`,
      undefined,
      { 'if-match': `"${schoolDraft.version}"` },
    );
    expect(school.submittedAt).toBe(sentYesterday);

    // Dan's draft about the same child, with everything but consent and telling the family: the rest
    // of the form is the referral journey's test.
    const { schoolOrSetting: _school, ...child } = completeReferral().child ?? {};
    const {
      consent: _consent,
      familyInformed: _told,
      ...answers
    } = completeReferral({
      child: { ...child, ...CHILD, address: ADDRESS },
      concerns: `Police attended a domestic incident at ${CHILD.firstName}'s home last night; she was in the house.`,
      referrer: { role: 'Police constable', phone: '01632 960 101' },
      police: { incidentNumber: 'NP-26-009812', dashRisk: 'medium' },
    });
    const policeDraft = await api<{ id: string; reference: string }>('dan', 'POST', '/referrals', answers, {
      'idempotency-key': `duplicate-browser-police-${CHILD.lastName}`,
    });

    // Act: Dan continues his draft from his referrals, by keyboard, and sends it.
    const dan = await signedInPage('dan');
    await dan.goto(url('/referrals/'));
    await arrive(dan, '/referrals/', 'Your referrals');
    await tabTo(dan, (el) => el.tag === 'a' && el.text.endsWith(`for ${CHILD_NAME}`), LONG);
    await dan.keyboard.press('Enter');
    await arrive(dan, `/referrals/draft/?id=${policeDraft.id}`, 'Request for early help');
    expect(squash(await dan.locator('#task-consent-status').textContent())).toBe('Not yet started');
    expect(squash(await dan.locator('#task-family-status').textContent())).toBe('Not yet started');
    await tabTo(dan, isFocusedLink('Consent'), LONG);
    await dan.keyboard.press('Enter');

    await arrive(
      dan,
      `/referrals/draft/consent/?id=${policeDraft.id}`,
      'Has the family agreed to this referral?',
    );
    await tabTo(dan, byId('consent-status'), LONG);
    await dan.keyboard.press('Space');
    expect(await dan.locator('#consent-status').isChecked()).toBe(true);
    await typeInto(dan, 'consent-by-whom', 'Joanne Penhallow, mother');
    await typeDate(dan, 'consent-date', ukToday());
    await press(dan, 'Save and continue');

    await arrive(dan, `/referrals/draft/family/?id=${policeDraft.id}`, 'Telling the family');
    await tabTo(dan, byId('family-told'), LONG);
    await dan.keyboard.press('Space');
    expect(await dan.locator('#family-told').isChecked()).toBe(true);
    await press(dan, 'Save and continue');

    await arrive(
      dan,
      `/referrals/draft/check/?id=${policeDraft.id}`,
      'Check your answers before sending your referral',
    );
    const check = await readable(dan.locator('main'));
    expect(check).toContain(CHILD_NAME);
    expect(check).toContain('9 March 2017');
    expect(check).toContain('NP-26-009812');
    expect(check).toContain('Yes, the family gave their informed consent');
    await press(dan, 'Send referral');
    await arrive(dan, `/referrals/submitted/?id=${policeDraft.id}`, 'Referral sent');
    const policeReference = squash(await dan.locator('#reference').textContent());
    expect(policeReference).toBe(policeDraft.reference);
    const sent = await api<{ status: string; submittedAt: string }>(
      'dan',
      'GET',
      `/referrals/${policeDraft.id}`,
    );
    expect(sent.status).toBe('submitted');

    // Assert: Grace's queue marks both as possible duplicates.
    const grace = await signedInPage('grace');
    await grace.goto(url('/referrals/queue/'));
    await arrive(grace, '/referrals/queue/', 'Front Door queue');
    const policeRow = grace.locator('tbody tr', { hasText: policeReference });
    const schoolRow = grace.locator('tbody tr', { hasText: school.reference });
    await soon(() => readable(policeRow)).toContain('Northshire Police');
    await soon(() => readable(schoolRow)).toContain('Brookfield Primary School');
    for (const row of [policeRow, schoolRow]) {
      const text = await readable(row);
      expect(text).toContain(CHILD_NAME);
      expect(text).toContain('Possible duplicate');
    }
    // Just the two referrals of this child: the school's is still waiting, not replaced by the police one.
    const rows = (await grace.locator('tbody tr').allInnerTexts()).map(squash);
    expect(rows.filter((r) => r.includes(CHILD_NAME))).toHaveLength(2);

    // The police referral's page names the school's, sent yesterday, and links it.
    const policeView = `/referrals/view/?id=${policeDraft.id}`;
    const schoolView = `/referrals/view/?id=${school.id}`;
    await tabToLink(grace, policeView);
    await grace.keyboard.press('Enter');
    await arrive(grace, policeView, new RegExp(`^${CHILD_NAME}, ${policeReference}`));
    const flag = grace.locator('#duplicates');
    await soon(() => readable(flag)).toContain('from Brookfield Primary School');
    const policeFlag = await readable(flag);
    expect(policeFlag).toContain('Possible duplicate');
    expect(policeFlag).toContain('This child may have been referred before: read the earlier referral too.');
    expect(policeFlag).toContain(
      `${school.reference} from Brookfield Primary School, sent ${ukDay(sentYesterday)} at`,
    );
    expect(policeFlag).toContain(
      'Same child: name, date of birth and postcode; re-referral within 12 months',
    );
    expect(await flag.getByRole('link').count()).toBe(1);
    expect(await flag.getByRole('link', { name: school.reference }).getAttribute('href')).toBe(schoolView);
    await expectAxeClean(grace);

    // Following the link: the school's page names the police referral and links back to it.
    await tabTo(grace, isFocusedLink(school.reference), LONG);
    await grace.keyboard.press('Enter');
    await arrive(grace, schoolView, new RegExp(`^${CHILD_NAME}, ${school.reference}`));
    await soon(() => readable(flag)).toContain('from Northshire Police');
    const schoolFlag = await readable(flag);
    expect(schoolFlag).toContain(
      `${policeReference} from Northshire Police, sent ${ukDay(sent.submittedAt)} at`,
    );
    expect(schoolFlag).toContain('Same child: name, date of birth and postcode; referred again since');
    expect(await readable(grace.locator('main'))).toContain(SCHOOL_CONCERNS);
    expect(await flag.getByRole('link').count()).toBe(1);
    expect(await flag.getByRole('link', { name: policeReference }).getAttribute('href')).toBe(policeView);
    await expectAxeClean(grace);
    await tabTo(grace, isFocusedLink(policeReference), LONG);
    await grace.keyboard.press('Enter');
    await arrive(grace, policeView, new RegExp(`^${CHILD_NAME}, ${policeReference}`));
    await soon(() => readable(flag)).toContain(school.reference);

    // Dan's own referral: no flag, nothing of the school's referral, no way to it.
    await dan.goto(url(policeView));
    await arrive(dan, policeView, new RegExp(`^${CHILD_NAME}, ${policeReference}`));
    await soon(() => readable(dan.locator('main'))).toContain('Dan Whitfield, Northshire Police');
    const danSees = await readable(dan.locator('main'));
    expect(danSees).toContain('NP-26-009812');
    for (const hidden of [
      'Possible duplicate',
      'referred before',
      school.reference,
      'Brookfield Primary School',
      'Amira Haddad',
      SCHOOL_CONCERNS,
    ])
      expect(danSees).not.toContain(hidden);
    expect(await dan.locator('#duplicates').count()).toBe(0);
    expect(await dan.locator(`a[href*="${school.id}"]`).count()).toBe(0);
    await expectAxeClean(dan);

    // Nor can he reach it by its address.
    await dan.goto(url(schoolView));
    await arrive(dan, schoolView, 'Referral not found');
    expect(await readable(dan.locator('main'))).not.toContain(CHILD_NAME);
  });
});
