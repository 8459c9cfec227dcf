/**
 * A step-down from children's social care, by keyboard alone, with axe on every page visited: Grace
 * (the front door) opens the form from the early-help list, meets its errors first, records Tilly's
 * handover with Harbour Family Support asked to lead, and lands on the new episode, waiting for its lead.
 */
import { describe, expect, it } from 'vitest';
import { readable, tabTo } from '../support/browser.ts';
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
  ukToday,
} from './early-help-harness.ts';

const { url, signedInPage } = earlyHelpHarness();

describe('a step-down from social care', () => {
  it('Grace records one by keyboard, meeting its errors first, and the episode waits for its lead', async () => {
    const page = await signedInPage('grace');
    await page.goto(`${url('')}/early-help/`);
    await arrive(page, '/early-help/', /Early help/);
    await press(page, 'Record a step-down from social care');
    await arrive(page, '/early-help/step-down/', 'Record a step-down from social care');
    await expectAxeClean(page);

    // Sent empty, the summary names what is missing and takes focus.
    await press(page, 'Record the step-down');
    const summary = page.locator('.govuk-error-summary');
    await soon(() => readable(summary)).toContain('Enter the child’s first name');
    expect(await readable(summary)).toContain('Enter the social care case reference');
    expect(await readable(summary)).toContain('Choose the level of need the child steps down to');
    await soon(() =>
      page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')),
    ).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAxeClean(page);

    await typeInto(page, 'first-name', 'Tilly');
    await typeInto(page, 'last-name', 'Marchbank');
    await typeDate(page, 'date-of-birth', '2016-04-09');
    await typeInto(page, 'address-line-1', '4 Quarry Row');
    await typeInto(page, 'town', 'Eastmoor');
    await typeInto(page, 'postcode', 'ns3 4tr');
    await typeInto(page, 'adult-name', 'Dawn Marchbank');
    await typeInto(page, 'adult-relationship', 'Mother');
    await tabTo(page, byId('consent'), LONG);
    await page.keyboard.press('Space');
    await typeInto(page, 'consent-by', 'Dawn Marchbank, mother');
    await typeDate(page, 'consent-on', ukToday());
    await typeInto(page, 'case-reference', `CSC-B${Date.now()}`);
    await typeInto(page, 'social-worker', 'Hannah Oyelaran');
    await typeDate(page, 'stepped-down-on', ukToday());
    // Level 3: the second of the two radios.
    await tabTo(page, byId('level'), LONG);
    await page.keyboard.press('ArrowDown');
    await typeInto(page, 'summary', 'The child protection plan ended; mum wants help with routines.');
    await tabTo(page, byId('lead-agency'), LONG);
    await page.keyboard.type('Harbour');
    await expectAxeClean(page);
    await press(page, 'Record the step-down');

    await arrive(page, '/early-help/episode/?id=*', 'Tilly Marchbank');
    const main = await readable(page.locator('main'));
    expect(main).toContain('Harbour Family Support');
    expect(main).toContain('Stepped down from children’s social care');
    expect(main).toContain('social worker Hannah Oyelaran');
    await expectAxeClean(page);
  });
});
