/**
 * The early-help episode, by keyboard alone, with axe on every page visited:
 *
 * - Grace (the front door) decides a school's referral as targeted early help and asks Harbour
 *   Family Support to lead; the referral's page says who has it now.
 * - Joe (Harbour Family Support) finds the family in his list, accepts the lead, records what the
 *   family agreed to share and the team around them, completes the Early Help Assessment with the
 *   family's words (meeting its errors first) and agrees a plan of outcomes with actions.
 * - An episode past its review date (seeded overdue) raises the drift alarm on Joe's list, on the
 *   front door's overdue list and on the episode itself, until Joe holds the review.
 * - Amira (the school that referred) sees on the referral's page that Joe at Harbour Family Support
 *   leads it, and cannot open the episode's contents.
 *
 * Also: a plan changed in two tabs at once is refused plainly, keeping what was typed; an agency
 * that cannot lead says why, and the front door reads it and asks another.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, readable, squash, tabTo } from '../support/browser.ts';
import {
  arrive,
  byId,
  earlyHelpHarness,
  expectAxeClean,
  inDays,
  LONG,
  link,
  press,
  soon,
  typeDate,
  typeInto,
} from './early-help-harness.ts';

const { url, api, signedInPage, sentReferral } = earlyHelpHarness();
const CHILD = { firstName: 'Ellie', lastName: 'Marsden' };
const NAME = `${CHILD.firstName} ${CHILD.lastName}`;
const OUTCOME_1 = 'Ellie gets to school on time every day';
const OUTCOME_2 = 'Mum feels on top of the bills';
const FAMILY_WORDS =
  'Mum said: “Mornings are a battle and I am on my own with it.” Ellie said school is fun when she gets there.';

describe('an early-help episode, from the front door’s decision to an agreed plan', () => {
  let referralId = '';
  let episodeId = '';

  it('Grace decides a school’s referral as targeted early help and asks Harbour Family Support to lead', async () => {
    // Amira's referral about Ellie, sent through the API: making a referral is the referral journey's.
    referralId = (
      await sentReferral('amira', { ...CHILD, dateOfBirth: '2017-09-02' }, 'Kerry Marsden (mother)')
    ).id;

    const page = await signedInPage('grace');
    // Opening it starts her review.
    await page.goto(`${url('')}/referrals/view/?id=${referralId}`);
    await arrive(page, `/referrals/view/?id=${referralId}`, new RegExp(`^${NAME}`));
    await press(page, 'Record the decision');
    await arrive(page, `/referrals/decide/?id=${referralId}`, 'Record the decision');
    await tabTo(page, byId('level'), LONG);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="levelOfNeed"]:checked').getAttribute('value')).toBe('3');
    await tabTo(page, byId('outcome'), LONG);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="outcome"]:checked').getAttribute('value')).toBe(
      'targeted_early_help',
    );
    // The conditional question: which agency should lead.
    await tabTo(page, byId('lead-agency'), LONG);
    await page.keyboard.type('Harbour');
    expect(await page.locator('#lead-agency').inputValue()).toBe('harbour-family-support');
    await expectAxeClean(page);
    await typeInto(page, 'rationale', 'Late most days and money worries at home; mum wants help.');
    await typeInto(
      page,
      'feedback',
      'Thank you. Harbour Family Support is being asked to work with the family.',
    );
    await press(page, 'Record the decision');
    await arrive(page, `/referrals/view/?id=${referralId}&done=decided`, new RegExp(`^${NAME}`));

    // Who has it now: Harbour Family Support has been asked, and the way into the episode.
    const panel = page.locator('#who-has-this');
    await panel.waitFor();
    const said = await readable(panel);
    expect(said).toContain('Waiting for a lead practitioner');
    expect(said).toContain('Waiting for an answer from Harbour Family Support');
    await expectAxeClean(page);
    await tabTo(page, link('Open the early help episode'), LONG);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    episodeId = new URL(href, url('/')).searchParams.get('id') ?? '';
    expect(episodeId).toMatch(/^[0-9A-Z]{26}$/);
  });

  it('Joe accepts the lead, records consent and the team, completes the assessment and agrees a plan', async () => {
    expect(episodeId, 'the front door test starts the episode').not.toBe('');
    const page = await signedInPage('joe');
    await page.goto(`${url('')}/early-help/`);
    await arrive(page, '/early-help/', 'Your families');
    const row = page.locator('tbody tr', { hasText: NAME });
    expect(await readable(row)).toContain('Waiting for an answer from Harbour Family Support');
    expect(
      await page.getByRole('link', { name: 'Early help', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await expectAxeClean(page);

    await tabTo(page, link(NAME), LONG);
    await page.keyboard.press('Enter');
    await arrive(page, `/early-help/episode/?id=${episodeId}`, NAME);
    await soon(() => page.title()).toMatch(/^EHE-\d{4}-\d+ – Early help episode – /);
    await expectAxeClean(page);

    // Accepting: he becomes the lead practitioner.
    await press(page, 'Answer the request to lead');
    await arrive(
      page,
      `/early-help/episode/?id=${episodeId}&do=answer`,
      'Can your agency lead this family’s early help?',
    );
    await expectAxeClean(page);
    await tabTo(page, byId('answer'), LONG);
    await page.keyboard.press('Space');
    await press(page, 'Send your answer');
    const banner = page.locator('.govuk-notification-banner--success');
    await soon(() => readable(banner)).toContain(`You are now the lead practitioner for ${NAME}`);
    await expectAxeClean(page);
    expect(await readable(page.locator('main'))).toContain('Joe Kamara, Harbour Family Support');

    // What the family agreed to share: with the health visitors, not the school.
    await press(page, 'Record what the family agreed to share');
    await arrive(page, `&do=consent`, 'What the family agreed to share');
    await tabTo(page, byId('sharing'), LONG);
    await page.keyboard.press('Space');
    const health = await page
      .locator('input[name="shareWithAgencyIds"][value="northshire-community-health"]')
      .getAttribute('id');
    await tabTo(page, byId(health ?? ''), LONG);
    await page.keyboard.press('Space');
    await typeInto(page, 'agreed-by', 'Kerry Marsden, mother');
    await expectAxeClean(page);
    await press(page, 'Save what they agreed');
    await soon(() => readable(banner)).toContain('What the family agreed to share is recorded');

    // The team around the family: the health visitor.
    await press(page, 'Add the team around the family');
    await arrive(page, `&do=team`, 'The team around the family');
    await press(page, 'Add a team member');
    await soon(async () => (await focused(page)).id).toBe('member-0-agency');
    await page.keyboard.type('Northshire');
    await typeInto(page, 'member-0-name', 'Priya Nair');
    await typeInto(page, 'member-0-role', 'Health visitor');
    // A service from the directory joins the team: searched for and ticked by keyboard.
    await typeInto(page, 'team-services-q', 'baby bank');
    await page.keyboard.press('Enter');
    await soon(() => readable(page.locator('#team-services-status'))).toContain(
      '1 service match “baby bank”',
    );
    await tabTo(page, byId('team-services-0'), LONG);
    await page.keyboard.press('Space');
    expect(await page.locator('#team-services-0').isChecked()).toBe(true);
    await expectAxeClean(page);
    await press(page, 'Save the team');
    await soon(() => readable(banner)).toContain('The team around the family is saved');
    // The team's page names the service with how to reach it.
    const services = page.locator('.app-service-contacts');
    await soon(() => readable(services)).toContain('Ashgrove baby bank');
    expect(await readable(services)).toContain('baby.bank@example.org');

    // The assessment, sent complete without the family's words: the error summary says so.
    await press(page, 'Start the Early Help Assessment');
    await arrive(page, `&do=assessment`, 'Early Help Assessment');
    await expectAxeClean(page);
    await typeInto(page, 'strengths', 'Mum and Ellie are close; Gran lives nearby and helps on Saturdays.');
    await typeInto(page, 'needs', 'A morning routine, and help with debts since Dad left.');
    await tabTo(page, byId('complete'), LONG);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="complete"]:checked').getAttribute('value')).toBe('yes');
    await press(page, 'Save the assessment');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await soon(() => page.title()).toMatch(/^Error: Early Help Assessment – EHE-/);
    expect(await summary.locator('li').allTextContents()).toEqual([
      'Enter the family’s own words before completing the assessment',
    ]);
    await expectAxeClean(page);
    await tabTo(page, link('Enter the family’s own words before completing the assessment'), LONG);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('family-words');
    await page.keyboard.type(FAMILY_WORDS);
    await press(page, 'Save the assessment');
    await soon(() => readable(banner)).toContain('The Early Help Assessment is complete');
    expect(await readable(page.locator('main'))).toContain(FAMILY_WORDS);

    // The plan: two outcomes, the first with two actions.
    await press(page, 'Agree the plan');
    await arrive(page, `&do=plan`, 'Agree the plan');
    await typeInto(page, 'outcome-0-title', OUTCOME_1);
    await typeInto(page, 'outcome-0-action-0-what', 'Morning routine chart and alarm clock');
    await typeInto(page, 'outcome-0-action-0-owner', 'Joe Kamara');
    await typeDate(page, 'outcome-0-action-0-due', inDays(7));
    await press(page, 'Add an action to outcome 1');
    await soon(async () => (await focused(page)).id).toBe('outcome-0-action-1-what');
    await page.keyboard.type('Breakfast club place');
    await typeInto(page, 'outcome-0-action-1-owner', 'Brookfield Primary School');
    await typeDate(page, 'outcome-0-action-1-due', inDays(14));
    await press(page, 'Add another outcome');
    await soon(async () => (await focused(page)).id).toBe('outcome-1-title');
    await page.keyboard.type(OUTCOME_2);
    await typeInto(page, 'outcome-1-action-0-what', 'Debt advice appointment');
    await typeInto(page, 'outcome-1-action-0-owner', 'Kerry Marsden, with Joe');
    await typeDate(page, 'outcome-1-action-0-due', inDays(21));
    await expectAxeClean(page);
    await press(page, 'Agree the plan');
    await soon(() => readable(banner)).toContain('The plan is agreed');
    expect(await readable(banner)).toContain('The first review is due by');
    const main = await readable(page.locator('main'));
    expect(main).toContain(`Outcome 1: ${OUTCOME_1}`);
    expect(main).toContain('Breakfast club place');
    expect(main).toContain(`Outcome 2: ${OUTCOME_2}`);
    expect(main).toContain('Plan in place, reviewed regularly');
    await expectAxeClean(page);
  });

  it('raises the drift alarm for a review past its date, on Joe’s list, the front door’s and the episode, until it is held', async () => {
    // Oscar's plan was last reviewed 34 working days ago (seeded with the clock moved back): the
    // standard is a review every 30.
    const joe = await signedInPage('joe');
    await joe.goto(`${url('')}/early-help/`);
    await arrive(joe, '/early-help/', 'Your families');
    const first = joe.locator('tbody tr').first();
    expect(await readable(first)).toMatch(
      /^Oscar Penrith EHE-.* Overdue The next review: by .*, overdue by 4 working days/,
    );
    expect(await first.getAttribute('class')).toContain('app-queue__row--overdue');
    expect(await readable(joe.locator('#episodes-summary'))).toBe('1 episode is overdue');
    await expectAxeClean(joe);

    const grace = await signedInPage('grace');
    await grace.goto(`${url('')}/early-help/`);
    await arrive(grace, '/early-help/', 'Early help');
    await tabTo(grace, link('Overdue'), LONG);
    await grace.keyboard.press('Enter');
    await arrive(grace, '/early-help/?view=overdue', 'Early help');
    const overdue = await grace.locator('tbody tr').allInnerTexts();
    expect(overdue.map(squash)).toEqual([expect.stringMatching(/^Oscar Penrith .*Overdue/)]);
    await expectAxeClean(grace);

    // On the episode: the alarm says which step and since when; Joe holds the review.
    await tabTo(joe, link('Oscar Penrith'), LONG);
    await joe.keyboard.press('Enter');
    await arrive(joe, '/early-help/episode/?id=*', 'Oscar Penrith');
    const alarm = joe.locator('.app-drift-banner');
    expect(await readable(alarm)).toMatch(
      /^Overdue The next review of the plan should have been held by .*\. It is overdue by 4 working days\./,
    );
    await expectAxeClean(joe);
    await press(joe, 'Record a review');
    await arrive(joe, '&do=review', 'Record a review');
    await typeInto(joe, 'attendees', 'Emma Penrith (mum), Oscar, Amira Haddad, Joe Kamara');
    await tabTo(joe, byId('progress-0-score'), LONG);
    await joe.keyboard.type('6');
    await tabTo(joe, byId('progress-1-score'), LONG);
    await joe.keyboard.type('4');
    await typeInto(joe, 'child-views', 'Oscar said the calm corner helps.');
    await typeInto(joe, 'family-views', 'Mum said handovers are still hard.');
    await tabTo(joe, byId('decision'), LONG);
    await joe.keyboard.press('Space');
    await expectAxeClean(joe);
    await press(joe, 'Record the review');
    await soon(() => readable(joe.locator('.govuk-notification-banner--success'))).toContain(
      'The review is recorded The next review is due by',
    );
    expect(await joe.locator('.app-drift-banner').count()).toBe(0);
    expect(await readable(joe.locator('main'))).toContain('6 out of 10');
    await expectAxeClean(joe);
  });

  it('tells Joe when the plan changed while he was changing it, and keeps what he typed', async () => {
    expect(episodeId, 'the earlier tests agree the plan').not.toBe('');
    const [first, second] = await Promise.all([signedInPage('joe'), signedInPage('joe')]);
    const open = async (page: Page) => {
      await page.goto(`${url('')}/early-help/episode/?id=${episodeId}&do=plan`);
      await arrive(page, '&do=plan', 'Change the plan');
      await tabTo(page, byId('outcome-1-title'), LONG);
      await page.keyboard.press('End');
    };
    await Promise.all([open(first), open(second)]);
    await first.keyboard.type(', and the rent');
    await press(first, 'Agree the changed plan');
    await soon(() => readable(first.locator('.govuk-notification-banner--success'))).toContain(
      'The changed plan is agreed',
    );

    await second.keyboard.type(' and the shopping');
    await press(second, 'Agree the changed plan');
    const conflict = second.locator('.govuk-notification-banner', { hasText: 'Someone else changed' });
    await conflict.waitFor();
    expect(await readable(conflict)).toContain('The plan was not saved.');
    expect(await second.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      'conflict-title',
    );
    expect(await second.locator('#outcome-1-title').inputValue()).toBe(`${OUTCOME_2} and the shopping`);
    await expectAxeClean(second);
  });

  it('shows the front door every open episode, with who leads it and what is due', async () => {
    const page = await signedInPage('grace');
    await page.goto(`${url('')}/early-help/`);
    await arrive(page, '/early-help/', 'Early help');
    const row = page.locator('tbody tr', { hasText: NAME });
    const said = await readable(row);
    expect(said).toContain('Joe Kamara, Harbour Family Support');
    expect(said).toMatch(/The next review: by \d+ \w+ \d{4}, due in \d+ working days/);
    expect(await page.getByRole('link', { name: 'Open', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expectAxeClean(page);
  });

  it('an agency that cannot lead says why, and the front door asks another', async () => {
    // Nadia's referral, decided through the API, with an episode asking the health visitors to lead.
    let referral = await sentReferral(
      'nadia',
      { firstName: 'Tomas', lastName: 'Lindqvist', dateOfBirth: '2012-01-20' },
      'Anna Lindqvist (mother)',
    );
    for (const [who, action, body] of [
      ['grace', 'review', undefined],
      [
        'grace',
        'decision',
        {
          levelOfNeed: 2,
          outcome: 'early_help_single_agency',
          rationale: 'Needs at level 2.',
          feedback: 'Thank you.',
        },
      ],
    ] as const) {
      referral = await api(who, 'POST', `/referrals/${referral.id}/${action}`, body, {
        'if-match': `"${referral.version}"`,
      });
    }
    const episode = await api<{ id: string }>('grace', 'POST', '/episodes', {
      referralId: referral.id,
      leadAgencyId: 'northshire-community-health',
    });

    // Priya says they cannot, and must say why.
    const priya = await signedInPage('priya');
    await priya.goto(`${url('')}/early-help/episode/?id=${episode.id}&do=answer`);
    await arrive(priya, '&do=answer', 'Can your agency lead this family’s early help?');
    await tabTo(priya, byId('answer'), LONG);
    await priya.keyboard.press('ArrowDown');
    await press(priya, 'Send your answer');
    await priya.locator('.govuk-error-summary').waitFor();
    expect(await priya.locator('#decline-reason-error').textContent()).toContain(
      'Enter why your agency cannot lead, so the front door can ask another',
    );
    await expectAxeClean(priya);
    await typeInto(priya, 'decline-reason', 'No health visitor capacity in the north this month.');
    await press(priya, 'Send your answer');
    await soon(() => readable(priya.locator('.govuk-notification-banner--success'))).toContain(
      'You have said your agency cannot lead it',
    );
    await expectAxeClean(priya);

    // Grace reads the reason and asks Harbour Family Support instead.
    const grace = await signedInPage('grace');
    await grace.goto(`${url('')}/early-help/episode/?id=${episode.id}`);
    await arrive(grace, `/early-help/episode/?id=${episode.id}`, 'Tomas Lindqvist');
    expect(await readable(grace.locator('main'))).toContain(
      'No health visitor capacity in the north this month.',
    );
    await press(grace, 'Ask another agency to lead');
    await arrive(grace, '&do=ask-lead', 'Ask an agency to lead');
    await tabTo(grace, byId('lead-agency'), LONG);
    await grace.keyboard.type('Harbour');
    expect(await grace.locator('#lead-agency').inputValue()).toBe('harbour-family-support');
    await expectAxeClean(grace);
    await press(grace, 'Ask them to lead');
    await soon(() => readable(grace.locator('.govuk-notification-banner--success'))).toContain(
      'Harbour Family Support has been asked to lead',
    );
    expect(await readable(grace.locator('main'))).toContain(
      'Waiting for an answer from Harbour Family Support',
    );
    await expectAxeClean(grace);
  });

  it('Amira sees who leads it on her referral, and cannot open the episode’s contents', async () => {
    expect(episodeId, 'the earlier tests start the episode').not.toBe('');
    const page = await signedInPage('amira', { width: 390, height: 844 });
    await page.goto(`${url('')}/referrals/view/?id=${referralId}`);
    await arrive(page, `/referrals/view/?id=${referralId}`, new RegExp(`^${NAME}`));
    const panel = page.locator('#who-has-this');
    await panel.waitFor();
    const said = await readable(panel);
    expect(said).toContain('Joe Kamara, Harbour Family Support');
    expect(said).toContain('Plan in place, reviewed regularly');
    expect(await panel.getByRole('link').count()).toBe(0);
    await expectAxeClean(page);

    // At the episode's own address: who leads it and where it stands, nothing of the family's record.
    await page.goto(`${url('')}/early-help/episode/?id=${episodeId}`);
    await arrive(page, `/early-help/episode/?id=${episodeId}`, /^EHE-/);
    const main = await readable(page.locator('main'));
    expect(main).toContain('Joe Kamara, Harbour Family Support');
    for (const secret of [NAME, FAMILY_WORDS, OUTCOME_1, 'Breakfast club place'])
      expect(main).not.toContain(secret);
    await expectAxeClean(page);
  });
});
