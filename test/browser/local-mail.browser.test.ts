/**
 * The local mail page: a referral sent to the front door is on it as the email GOV.UK Notify would
 * send from the portal's template, to the front door's team mailbox, with the portal's link and the
 * referral's reference but never the child's name. axe finds nothing on it. The child is made up.
 */
import { describe, expect, it } from 'vitest';
import { readable } from '../support/browser.ts';
import { earlyHelpHarness, expectAxeClean, soon } from './early-help-harness.ts';

const { url, api, signedInPage, sentReferral } = earlyHelpHarness();
const CHILD = { firstName: 'Ottilie', lastName: 'Brackenridge', dateOfBirth: '2015-01-23' };

describe('the local mail page', () => {
  it('shows the email the front door’s mailbox would get for a referral, without the child’s details', async () => {
    const sent = await sentReferral('amira', CHILD, 'Gail Brackenridge (mother)');
    const { reference } = await api<{ reference: string }>('amira', 'GET', `/referrals/${sent.id}`);
    const page = await signedInPage('amira');
    await page.goto(url('/local-mail/'));
    await page.getByRole('heading', { level: 1, name: 'Emails the portal has sent' }).waitFor();
    const card = page.locator('.govuk-summary-card', { hasText: reference }).first();
    await soon(() => card.count()).toBe(1);
    const email = await readable(card);
    expect(email).toContain('front-door@northshire.example');
    expect(email).toContain('Open it in the portal (you will be asked to sign in):');
    expect(email).toContain('This is an automatic email from the Northshire Safeguarding Partnership portal');
    const link = await card.locator('a.govuk-link').first().getAttribute('href');
    expect(link).toBe(`${url('')}/referrals/view/?id=${sent.id}`);
    expect(await readable(page.locator('main'))).not.toContain('Brackenridge');
    await expectAxeClean(page);
  });
});
