/**
 * The front door signposts to services: Grace decides a school's referral as advice and signposting,
 * is told she must choose services or say none fitted, searches the directory and chooses two, all by
 * keyboard; Amira, who referred, reads both with how to reach them. axe finds nothing on either page.
 */
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
  typeInto,
} from './early-help-harness.ts';

const { url, api, signedInPage, sentReferral } = earlyHelpHarness();

describe('signposting names services from the directory', () => {
  it('Grace chooses two services by keyboard and Amira reads them with their contact details', async () => {
    const referral = await sentReferral(
      'amira',
      { firstName: 'Poppy', lastName: 'Thornby', dateOfBirth: '2017-03-09' },
      'Jade Thornby, mother',
    );
    // The front door opens it for review (the queue's journey), then decides.
    await api('grace', 'POST', `/referrals/${referral.id}/review`, undefined, {
      'if-match': `"${referral.version}"`,
    });
    const grace = await signedInPage('grace');
    await grace.goto(url(`/referrals/decide/?id=${referral.id}`));
    await arrive(grace, `/referrals/decide/?id=${referral.id}`, 'Record the decision');

    // Level 1, then the second outcome: advice or signposting.
    await tabTo(grace, byId('level'), LONG);
    await grace.keyboard.press('Space');
    await tabTo(grace, byId('outcome'), LONG);
    await grace.keyboard.press('ArrowDown');
    expect(await grace.locator('input[name="outcome"]:checked').getAttribute('value')).toBe(
      'advice_signposting',
    );
    await soon(() => grace.getByRole('heading', { name: 'Services for the family' }).count()).toBe(1);
    await typeInto(grace, 'rationale', 'Needs met by community services; mum asked for help with food.');
    await typeInto(grace, 'feedback', 'Thank you. The family can contact the services below.');

    // Sent without a service: the error summary says what is missing and links to the search.
    await press(grace, 'Record the decision');
    const summary = grace.locator('.govuk-error-summary');
    await soon(() => readable(summary)).toContain(
      'Choose the services the family can turn to, or say that none fitted',
    );
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#signposts-q');
    await expectAxeClean(grace);

    // Search the directory and tick the first two.
    await typeInto(grace, 'signposts-q', 'family');
    await grace.keyboard.press('Enter');
    await soon(() => readable(grace.locator('#signposts-status'))).toMatch(/\d+ services match “family”/);
    const names: string[] = [];
    for (const id of ['signposts-0', 'signposts-1']) {
      await tabTo(grace, byId(id), LONG);
      await grace.keyboard.press('Space');
      expect(await grace.locator(`#${id}`).isChecked()).toBe(true);
      names.push(squash(await grace.locator(`label[for="${id}"]`).textContent()));
    }
    await expectAxeClean(grace);
    await press(grace, 'Record the decision');
    await arrive(grace, `/referrals/view/?id=${referral.id}&done=decided`, /^Poppy Thornby, EH-/);
    await soon(() => readable(grace.locator('#decision'))).toContain('Services the family can turn to');

    // Amira reads both, with how to refer and how to reach them, each linking to its entry.
    const amira = await signedInPage('amira');
    await amira.goto(url(`/referrals/view/?id=${referral.id}`));
    await arrive(amira, `/referrals/view/?id=${referral.id}`, /^Poppy Thornby, EH-/);
    const decision = amira.locator('#decision');
    await soon(() => readable(decision)).toContain('Services the family can turn to');
    const cards = decision.locator('.app-service-contacts > li');
    expect(await cards.count()).toBe(2);
    for (const [i, name] of names.entries()) {
      const card = cards.nth(i);
      expect(squash(await card.locator('h4').textContent())).toBe(name);
      expect(await readable(card)).toMatch(/How to refer .+ Contact .*(Phone|Email|Website)/);
      expect(await card.getByRole('link', { name }).getAttribute('href')).toMatch(
        /^\/services\/service\/\?id=/,
      );
    }
    await expectAxeClean(amira);
  });
});
