/**
 * Consultation calls, by keyboard: a school rings the front door about a child; Grace records the
 * call (told first what is missing), asks for a written request and sees it due within 4 hours; the
 * school's referral arrives and the call shows it, linked, on time. Read on a phone's width too;
 * axe finds nothing on any page. The child is made up, and not the one other tests use.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readable, squash, tabTo } from '../support/browser.ts';
import {
  arrive,
  byId,
  earlyHelpHarness,
  expectAxeClean,
  LONG,
  press,
  soon,
  typeDate,
  typeInto,
} from './early-help-harness.ts';

const { url, signedInPage, sentReferral } = earlyHelpHarness();
const PHONE = { width: 390, height: 844 };
const CHILD = { firstName: 'Juniper', lastName: 'Halloway', dateOfBirth: '2015-04-11' };

const activeClasses = (page: Page) => page.evaluate(() => document.activeElement?.className ?? '');

describe('a consultation call asks for a written request, and the request is linked when it arrives', () => {
  it('Grace records the call by keyboard and later sees the school’s referral linked to it, on time', async () => {
    const grace = await signedInPage('grace');
    await grace.goto(url('/referrals/consultations/new/'));
    await arrive(grace, '/referrals/consultations/new/', 'Record a consultation call');

    // Sent with nothing filled in: the summary says what is missing, and takes the focus.
    await press(grace, 'Record the call');
    const summary = grace.locator('.govuk-error-summary');
    await soon(() => readable(summary)).toContain('There is a problem');
    const problems = await readable(summary);
    expect(problems).toContain('Enter the caller’s name');
    expect(problems).toContain('Enter what the front door advised');
    expect(await summary.getByRole('link', { name: 'Enter the caller’s name' }).getAttribute('href')).toBe(
      '#caller-name',
    );
    await soon(() => activeClasses(grace)).toContain('govuk-error-summary');
    expect(await grace.title()).toMatch(/^Error: Record a consultation call/);
    await expectAxeClean(grace);

    // The call, in the page's order; its date and time are already now.
    await typeInto(grace, 'caller-name', 'Amira Haddad');
    await typeInto(grace, 'caller-role', 'Designated safeguarding lead');
    await tabTo(grace, byId('caller-agency'), LONG);
    await grace.keyboard.type('Brookfield');
    expect(squash(await grace.locator('#caller-agency option:checked').textContent())).toBe(
      'Brookfield Primary School',
    );
    await typeInto(grace, 'caller-phone', '01632 960 001');
    await typeInto(grace, 'child-first-name', CHILD.firstName);
    await typeInto(grace, 'child-last-name', CHILD.lastName);
    await typeDate(grace, 'child-date-of-birth', CHILD.dateOfBirth);
    await tabTo(grace, byId('level'), LONG);
    for (let i = 0; i < 3; i++) await grace.keyboard.press('ArrowDown');
    expect(await grace.locator('input[name="levelDiscussed"]:checked').getAttribute('value')).toBe('4');
    await typeInto(
      grace,
      'advice',
      'Likely section 47: send the written request this morning; do not tell her stepfather.',
    );
    await tabTo(grace, byId('written-request'), LONG);
    await grace.keyboard.press('Space');
    expect(await grace.locator('input[name="writtenRequest"]:checked').getAttribute('value')).toBe('needed');
    await press(grace, 'Record the call');

    // The list, with the banner saying when the written request is due, and its clock running.
    await arrive(grace, '/referrals/consultations/?done=recorded&id=*', 'Consultation calls');
    const banner = grace.locator('.govuk-notification-banner--success');
    await soon(() => readable(banner)).toContain('Call recorded');
    expect(await readable(banner)).toMatch(
      /written request from Amira Haddad about Juniper Halloway is due by \d/,
    );
    const card = grace.locator('.govuk-summary-card', { hasText: 'Juniper Halloway' });
    const awaiting = await readable(card);
    expect(awaiting).toMatch(/Written request due Due by \d.+ \(due in (3 hours( \d+ minutes?)?|4 hours)\)/);
    expect(awaiting).toContain('Amira Haddad, Designated safeguarding lead, Brookfield Primary School');
    expect(awaiting).toContain('Born 11 April 2015');
    expect(awaiting).toMatch(/Level discussed Level 4/);
    expect(squash(await grace.locator('#calls-summary').textContent())).toMatch(
      /^Waiting for the written request\. Soonest due first\. (Nothing is overdue\.|\d+ overdue)$/,
    );
    await expectAxeClean(grace);

    // The school's written request arrives (its own journey), and is linked to the call.
    // The harness types only what it needs of the referral it sends; the API gives it whole.
    const referral = (await sentReferral('amira', CHILD, 'Hazel Halloway, mother')) as {
      id: string;
      version: number;
      reference?: string;
    };
    const reference = referral.reference ?? '';
    expect(reference).toMatch(/^EH-/);
    await grace.goto(url('/referrals/consultations/?view=received'));
    await arrive(grace, '/referrals/consultations/?view=received', 'Consultation calls');
    const received = grace.locator('.govuk-summary-card', { hasText: 'Juniper Halloway' });
    await soon(() => readable(received)).toContain(`Written request ${reference} On time`);
    expect(await received.getByRole('link', { name: reference }).getAttribute('href')).toBe(
      `/referrals/view/?id=${referral.id}`,
    );
    expect(
      await grace
        .getByRole('navigation', { name: 'Which calls' })
        .locator('[aria-current="page"]')
        .textContent(),
    ).toBe('Written request received');
    await expectAxeClean(grace);

    // The referral shows the front door what was said on the call.
    await tabTo(grace, (el) => el.tag === 'a' && el.text === reference, LONG);
    await grace.keyboard.press('Enter');
    await arrive(grace, `/referrals/view/?id=${referral.id}`, /^Juniper Halloway, EH-/);
    await soon(() => readable(grace.locator('#consultation-call'))).toMatch(
      /^Amira Haddad called .*; level 4 discussed\. Advised: /,
    );
    await expectAxeClean(grace);

    // It no longer waits, and on a phone's width nothing needs scrolling sideways.
    const phone = await signedInPage('grace', PHONE);
    await phone.goto(url('/referrals/consultations/'));
    await arrive(phone, '/referrals/consultations/', 'Consultation calls');
    expect(await phone.locator('.govuk-summary-card', { hasText: 'Juniper Halloway' }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.goto(url('/referrals/consultations/?view=received'));
    await arrive(phone, '/referrals/consultations/?view=received', 'Consultation calls');
    await soon(() => readable(phone.locator('main'))).toContain(reference);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.goto(url('/referrals/consultations/new/'));
    await arrive(phone, '/referrals/consultations/new/', 'Record a consultation call');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
