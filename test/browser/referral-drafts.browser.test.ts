/**
 * A referral's drafts and the Front Door's queue, with axe on every page visited: consent refused
 * at level 2 stops the referral, with the reason, before and on sending; each question page says
 * what it still needs; Dan continues his half-finished draft, and a stale save is refused plainly;
 * Grace narrows the queue by agency and level; the queue and a referral on a 390 px phone.
 */
import { describe, expect, it } from 'vitest';
import { CONSENT_REFUSAL_REASON } from '../../shared/referrals/rules.ts';
import { readable, squash } from '../support/browser.ts';
import {
  arrive,
  button,
  byId,
  expectAxeClean,
  focused,
  HUNGRY,
  referralJourneyHarness,
  SERVICE,
  soon,
  tabTo,
  typeInto,
} from './referral-harness.ts';

const { live, api, moreOf, signedInSession } = referralJourneyHarness();

describe('the consent rule, a draft saved as you go, and a stale save', () => {
  it('refused consent at level 2: the consent page and check-your-answers say why, and sending is refused', async () => {
    const created = await api<{ id: string; version: number }>(
      'nadia',
      'POST',
      '/referrals',
      {
        child: {
          firstName: 'Ruby',
          lastName: 'Testwell',
          dateOfBirth: '2016-02-03',
          address: { line1: '1 Test Row', town: 'Northtown', postcode: 'NS2 3CD' },
        },
        household: {
          adults: [
            {
              name: 'Jo Testwell',
              relationship: 'Mother',
              parentalResponsibility: true,
              doNotContact: false,
            },
          ],
        },
        concerns: 'Often hungry at school.',
        indicatorIds: [HUNGRY],
        triedSoFar: 'Breakfast club.',
        earlyHelpAssessmentInPlace: false,
        childViews: 'She is hungry in the mornings.',
      },
      { 'idempotency-key': `consent-test-${Date.now()}` },
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    const page = await signedInSession('nadia');
    await page.goto(`${live.portal.url}/referrals/draft/consent/?id=${id}`);
    await arrive(page, /\/draft\/consent\//, 'Has the family agreed to this referral?');
    expect(squash(await page.locator('.govuk-inset-text').textContent())).toContain('Level 2');
    await page.getByLabel('No, the family refused').check();
    await soon(async () => squash(await page.locator('#consent-warning').textContent())).toContain(
      squash(CONSENT_REFUSAL_REASON),
    );
    await page.getByLabel('Who refused consent?').fill('Jo Testwell, mother');
    await page.locator('#consent-date-day').fill('2');
    await page.locator('#consent-date-month').fill('3');
    await page.locator('#consent-date-year').fill('2026');
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    // Telling the family comes next: the page itself says what it still needs.
    await arrive(page, /\/draft\/family\//, 'Telling the family');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const unanswered = page.locator('.govuk-error-summary');
    await unanswered.waitFor();
    expect(squash(await unanswered.textContent())).toContain('There is a problem');
    expect(squash(await unanswered.textContent())).toContain(
      'Say whether the family has been told about this request',
    );
    expect(await page.locator('#family-told-error').count()).toBe(1);
    await soon(() => page.title()).toMatch(/^Error: Telling the family/);
    expect(new URL(page.url()).pathname).toBe('/referrals/draft/family/');
    await expectAxeClean(page);
    // Left for later, so the check page lists it with the rest.
    await page.getByRole('link', { name: 'See all the sections of this referral' }).click();
    await arrive(page, `/referrals/draft/?id=${id}`, 'Request for early help');
    await page.goto(`${live.portal.url}/referrals/draft/check/?id=${id}`);

    await arrive(page, /\/draft\/check\//, 'Check your answers before sending your referral');
    const banner = page.locator('#not-ready');
    const told = banner.getByRole('link', {
      name: 'Say whether the family has been told about this request',
    });
    expect(await told.getAttribute('href')).toBe(
      `/referrals/draft/family/?id=${id}&return=check#family-told`,
    );
    expect(squash(await banner.textContent())).toContain('You cannot send this referral yet');
    const reason = banner.getByRole('link', { name: squash(CONSENT_REFUSAL_REASON) });
    expect(await reason.getAttribute('href')).toBe(
      `/referrals/draft/consent/?id=${id}&return=check#consent-status`,
    );
    expect(await readable(page.locator('main'))).toContain('No, the family refused');
    await expectAxeClean(page);

    await page.getByRole('button', { name: 'Send referral' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(squash(await summary.textContent())).toContain('There is a problem');
    // The summary says it once: the banner that listed the same problem is gone.
    expect(await page.locator('#not-ready').count()).toBe(0);
    expect(squash(await summary.textContent())).toContain(squash(CONSENT_REFUSAL_REASON));
    await soon(() => page.title()).toMatch(/^Error: /);
    await expectAxeClean(page);
    const after = await api<{ status: string }>('nadia', 'GET', `/referrals/${id}`);
    expect(after.body.status).toBe('draft');

    // The reason's link goes to the question that fixes it.
    await summary.getByRole('link', { name: squash(CONSENT_REFUSAL_REASON) }).click();
    await arrive(page, /\/draft\/consent\//, 'Has the family agreed to this referral?');
    await soon(async () => (await focused(page)).id).toBe('consent-status');

    // Not sent, so it can be withdrawn, with a reason.
    await page.goto(`${live.portal.url}/referrals/withdraw/?id=${id}`);
    await arrive(page, /\/referrals\/withdraw\//, 'Why are you withdrawing this referral?');
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await soon(() => readable(page.locator('.govuk-error-summary'))).toContain(
      'Enter why you are withdrawing this referral',
    );
    await expectAxeClean(page);
    await page.locator('#reason').fill('The family would rather talk to the school nurse first.');
    await page.getByRole('button', { name: 'Withdraw referral' }).click();
    await arrive(page, `/referrals/view/?id=${id}&done=withdrawn`, /^Ruby Testwell/);
    const withdrawn = await readable(page.locator('main'));
    expect(withdrawn).toContain('Referral withdrawn');
    expect(withdrawn).toContain('The family would rather talk to the school nurse first.');
    expect(await page.getByRole('link', { name: 'Withdraw this referral' }).count()).toBe(0);
    await expectAxeClean(page);
  });

  it('Dan continues his half-finished draft, saving as he goes; a save against a stale copy is refused plainly', async () => {
    const page = await signedInSession('dan');
    await page.goto(`${live.portal.url}/referrals/`);
    await page.getByRole('heading', { name: 'Drafts to finish' }).waitFor();
    await page.getByRole('link', { name: /Continue the draft .* for Harvey Lowther/ }).click();
    await arrive(page, /\/referrals\/draft\/\?id=/, 'Request for early help');
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    expect(squash(await page.locator('#task-child-status').textContent())).toBe('Incomplete');
    expect(await readable(page.locator('main'))).toContain('Enter the child’s date of birth');
    expect(squash(await page.locator('#task-concerns-status').textContent())).toBe('Completed');
    expect(squash(await page.locator('#task-check-status').textContent())).toBe('Not ready yet');
    await expectAxeClean(page);

    await page.getByRole('link', { name: 'About the child' }).click();
    await arrive(page, /\/draft\/child\//, 'About the child');
    expect(await page.locator('#child-first-name').inputValue()).toBe('Harvey');
    // A stale copy of the same page, as if open in another tab.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await arrive(other, /\/draft\/child\//, 'About the child');

    // Bad input is named by field.
    await page.locator('#child-dob-day').fill('31');
    await page.locator('#child-dob-month').fill('2');
    await page.locator('#child-dob-year').fill('2019');
    await page.locator('#child-address-line1').fill('4 Station Road');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(squash(await summary.textContent())).toContain('Date of birth must be a real date');
    expect(squash(await summary.textContent())).toContain('Enter the town or city');
    expect(squash(await summary.textContent())).toContain('Enter the postcode');
    expect(await page.locator('#child-address-town-error').count()).toBe(1);
    await soon(() => page.title()).toBe(`Error: About the child – ${SERVICE}`);
    await expectAxeClean(page);

    await page.locator('#child-dob-day').fill('3');
    await page.locator('#child-address-town').fill('Northtown');
    await page.locator('#child-address-postcode').fill('NS3 4EF');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await arrive(page, `/referrals/?saved=${id}`, 'Your referrals');
    expect(squash(await page.locator('.govuk-notification-banner').textContent())).toContain('is saved');
    const saved = await api<{ child: { dateOfBirth: string; address: { postcode: string } } }>(
      'dan',
      'GET',
      `/referrals/${id}`,
    );
    expect(saved.body.child.dateOfBirth).toBe('2019-02-03');
    expect(saved.body.child.address.postcode).toBe('NS3 4EF');

    // The other tab still has the old version: its save is refused, with the way to reload.
    await other.locator('#child-known-as').fill('Harv');
    await other.getByRole('button', { name: 'Save and come back later' }).click();
    const conflict = other.locator('[aria-labelledby="conflict-title"]');
    await conflict.waitFor();
    expect(squash(await conflict.textContent())).toContain(
      'This referral changed since you opened this page',
    );
    await soon(async () => (await focused(other)).text).toContain('This referral changed');
    expect(await other.getByRole('link', { name: 'Reload the page' }).count()).toBe(1);
    await expectAxeClean(other);
    await other.close();

    // From the police, About you asks for the incident too: until it is given, the section is not done.
    await page.goto(`${live.portal.url}/referrals/draft/?id=${id}`);
    await arrive(page, `/referrals/draft/?id=${id}`, 'Request for early help');
    expect(squash(await page.locator('#task-referrer-status').textContent())).toBe('Not yet started');
    await tabTo(page, { text: 'About you', exact: true });
    await page.keyboard.press('Enter');
    await arrive(page, /\/draft\/referrer\//, 'About you');
    await expectAxeClean(page);
    await typeInto(page, 'referrer-role', 'Police constable');
    await typeInto(page, 'referrer-phone', '01632 960 101');
    await tabTo(page, button('Save and continue'));
    await page.keyboard.press('Enter');
    // The page names what the police must add before it can go on, and stays where it is.
    const missing = page.locator('.govuk-error-summary');
    await missing.waitFor();
    expect(squash(await missing.textContent())).toContain('Enter the incident number or the crime number');
    expect(squash(await missing.textContent())).toContain('Choose the DASH risk level');
    expect(new URL(page.url()).pathname).toBe('/referrals/draft/referrer/');
    await expectAxeClean(page);
    // What was given is kept by saving for later.
    await tabTo(page, button('Save and come back later'));
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/?saved=${id}`, 'Your referrals');
    await page.goto(`${live.portal.url}/referrals/draft/?id=${id}`);
    await arrive(page, `/referrals/draft/?id=${id}`, 'Request for early help');
    expect(squash(await page.locator('#task-referrer-status').textContent())).toBe('Incomplete');
    expect(squash(await page.locator('#task-referrer-hint').textContent())).toBe(
      'Enter the incident number or the crime number',
    );
    await tabTo(page, { text: 'About you', exact: true });
    await page.keyboard.press('Enter');
    await arrive(page, /\/draft\/referrer\//, 'About you');
    expect(await page.locator('#referrer-role').inputValue()).toBe('Police constable');
    await typeInto(page, 'police-incident', 'NP-26-004417');
    await tabTo(page, byId('police-dash'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="dashRisk"]:checked').getAttribute('value')).toBe('medium');
    await expectAxeClean(page);
    await tabTo(page, button('Save and come back later'));
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/?saved=${id}`, 'Your referrals');
    const police = await api<{ police: unknown; referrer: unknown }>('dan', 'GET', `/referrals/${id}`);
    expect(police.body.police).toEqual({ incidentNumber: 'NP-26-004417', dashRisk: 'medium' });
    expect(police.body.referrer).toEqual({ role: 'Police constable', phone: '01632 960 101' });
    await page.goto(`${live.portal.url}/referrals/draft/?id=${id}`);
    await arrive(page, `/referrals/draft/?id=${id}`, 'Request for early help');
    expect(squash(await page.locator('#task-referrer-status').textContent())).toBe('Completed');
    await expectAxeClean(page);
  });

  it('Grace narrows the queue to one agency and one level: every referral shown matches, however many there are', async () => {
    const page = await signedInSession('grace');
    await page.goto(`${live.portal.url}/referrals/queue/`);
    await page.locator('#queue-caption').waitFor();
    // The open queue's columns: priority, due, child, from, level, status.
    const from = (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map(squash);
    const agency = from[0] ?? '';
    expect(agency).not.toBe('');

    // Chosen by keyboard: focus the agency list, pick by its name, then Apply.
    await page.locator('#agency').focus();
    await page.locator('#agency').selectOption({ label: agency });
    await tabTo(page, button('Apply filters'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/agency=/);
    await page.locator('#queue-caption').waitFor();
    expect(squash(await page.locator('#queue-summary').textContent())).toContain(`from ${agency}`);
    const narrowed = (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map(squash);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(new Set(narrowed)).toEqual(new Set([agency]));
    // Every one of that agency's open referrals, not just those among the first page of all of them.
    expect(narrowed.length).toBe(from.filter((a) => a === agency).length + (await moreOf(agency)));
    await expectAxeClean(page);

    // A level as well: still the API's filter, so an empty answer says so plainly.
    const withLevel = new URL(page.url());
    withLevel.searchParams.set('level', '4');
    await page.goto(withLevel.href);
    await page.locator('#queue-summary').waitFor();
    expect(squash(await page.locator('#queue-summary').textContent())).toContain('suggested level 4');
    const levels = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(levels.every((l) => /4/.test(l))).toBe(true);
    if (levels.length === 0)
      expect(await page.getByText('No referrals match these filters.').count()).toBe(1);

    // A mistyped agency in the address is dropped, not a failed queue.
    await page.goto(`${live.portal.url}/referrals/queue/?agency=Not%20An%20Agency`);
    await page.locator('#queue-caption').waitFor();
    expect(await page.locator('#agency').inputValue()).toBe('');
  });

  it('the queue and a referral work on a 390 px phone', async () => {
    const page = await signedInSession('grace', { width: 390, height: 844 });
    await page.goto(`${live.portal.url}/referrals/queue/?view=decided`);
    await page.locator('#queue-caption').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('#view').inputValue()).toBe('decided');
    await expectAxeClean(page);
  });
});
