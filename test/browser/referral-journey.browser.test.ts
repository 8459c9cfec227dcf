/**
 * Making a referral, deciding it and hearing back, by keyboard alone, with axe on every page visited:
 *
 * - Amira checks "hungry" and "shouting", makes a referral from the answer, signs in, fills the
 *   question pages for Maisie Fairbrook over two sittings, checks her answers and sends it: she sees
 *   the reference and the time the decision is due.
 * - Grace sees it in the queue with its countdown and "possible duplicate", opens it (it becomes
 *   hers), reads the police referral it duplicates, and decides: level 3, targeted early help.
 * - Amira reads the message (no child's details), the outcome and the feedback; the police
 *   referral about the same child is "not found" for her.
 *
 * The consent rule, drafts and the queue's filters are referral-drafts.browser.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { JOURNEY_CHILD } from '../../infra/seed/demo-data.ts';
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
  SHOUTING,
  signInByKeyboard,
  soon,
  tabTo,
  typeInto,
} from './referral-harness.ts';

const { live, newSession } = referralJourneyHarness();

describe('journeys 2 to 4: a school refers, the Front Door decides, the school hears back', () => {
  let referralId = '';
  let reference = '';
  let policeReferralId = '';
  const feedback =
    'Thank you. A family support worker will phone Maisie’s mum this week and invite you to a meeting.';

  it('Amira refers Maisie from the checker over two sittings, by keyboard, and sees the reference and due time', async () => {
    // The checker: "hungry", then "shouting", one indicator from each.
    let page = await newSession();
    await page.goto(`${live.portal.url}/check/`);
    await page.locator('#search-q').waitFor();
    await typeInto(page, 'search-q', 'hungry');
    await page.keyboard.press('Enter');
    await soon(async () => (await focused(page)).id).toBe('results-heading');
    await tabTo(page, byId(`indicator-${HUNGRY}`));
    await page.keyboard.press('Space');
    await tabTo(page, byId('search-q'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('shouting');
    await page.keyboard.press('Enter');
    await soon(async () => (await focused(page)).id).toBe('results-heading');
    await tabTo(page, byId(`indicator-${SHOUTING}`));
    await page.keyboard.press('Space');
    await tabTo(page, button('See the suggested level'));
    await page.keyboard.press('Enter');
    await arrive(page, /\/check\/answer\//, /Suggested level: Level 2/);

    // "Make a referral with these indicators": signed out, so sign in first and come back.
    await tabTo(page, button('Make a referral with these indicators'));
    await page.keyboard.press('Enter');
    await signInByKeyboard(page, 'amira');
    await arrive(page, `/referrals/new/?indicators=${HUNGRY},${SHOUTING}`, 'Request early help for a child');
    const start = await readable(page.locator('main'));
    expect(start).toContain('Child often hungry');
    expect(start).toContain('Frequent shouting');
    expect(start).toContain('Suggested level: Level 2');
    await soon(() => page.title()).toBe(`Request early help for a child – ${SERVICE}`);
    await expectAxeClean(page);
    await tabTo(page, button('Start now'));
    await page.keyboard.press('Enter');

    // The child: same name, date of birth and postcode as the police referral last month.
    await arrive(page, /\/referrals\/draft\/child\/\?id=/, 'About the child');
    referralId = new URL(page.url()).searchParams.get('id') ?? '';
    expect(referralId).toMatch(/^[0-9A-Z]{26}$/);
    await expectAxeClean(page);
    await typeInto(page, 'child-first-name', JOURNEY_CHILD.firstName);
    await typeInto(page, 'child-last-name', JOURNEY_CHILD.lastName);
    const [year, month, day] = JOURNEY_CHILD.dateOfBirth.split('-');
    await typeInto(page, 'child-dob-day', String(Number(day)));
    await typeInto(page, 'child-dob-month', String(Number(month)));
    await typeInto(page, 'child-dob-year', year ?? '');
    await tabTo(page, byId('child-sex'));
    await page.keyboard.press('Space');
    // A mistyped NHS number: its last digit is not the check digit of the others.
    await typeInto(page, 'child-nhs-number', '943 476 5910');
    await tabTo(page, byId('child-interpreter'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="interpreter"]:checked').getAttribute('value')).toBe('no');
    await tabTo(page, byId('child-send'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="send"]:checked').getAttribute('value')).toBe('sen_support');
    await typeInto(page, 'child-school', 'Brookfield Primary School');
    await typeInto(page, 'child-gp', 'Riverside Surgery, Northtown');
    await typeInto(page, 'child-address-line1', JOURNEY_CHILD.address.line1);
    await typeInto(page, 'child-address-town', JOURNEY_CHILD.address.town);
    await typeInto(page, 'child-address-postcode', 'ns12ab');
    // The lesson bell: save and come back later. The NHS number is refused, by the rule the API uses.
    await tabTo(page, button('Save and come back later'));
    await page.keyboard.press('Enter');
    const nhsSummary = page.locator('.govuk-error-summary');
    await nhsSummary.waitFor();
    expect(squash(await nhsSummary.textContent())).toContain('There is a problem');
    const checksum = 'Enter a real NHS number: the last digit does not match the others';
    expect(await nhsSummary.getByRole('link', { name: checksum }).getAttribute('href')).toBe(
      '#child-nhs-number',
    );
    expect(squash(await page.locator('#child-nhs-number-error').textContent())).toBe(`Error: ${checksum}`);
    await soon(() => page.title()).toBe(`Error: About the child – ${SERVICE}`);
    await expectAxeClean(page);
    expect(new URL(page.url()).pathname).toBe('/referrals/draft/child/');
    await tabTo(page, byId('child-nhs-number'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('943 476 5919');
    await tabTo(page, button('Save and come back later'));
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/?saved=${referralId}`, 'Your referrals');
    expect(squash(await page.locator('.govuk-notification-banner').textContent())).toMatch(
      /Your draft EH-\d{4}-\d{6} is saved/,
    );
    await expectAxeClean(page);

    // The second sitting: a new session, so she signs in again, and continues from her referrals.
    page = await newSession();
    await page.goto(`${live.portal.url}/referrals/`);
    await signInByKeyboard(page, 'amira');
    await arrive(page, '/referrals/', 'Your referrals');
    await page.getByRole('heading', { name: 'Drafts to finish' }).waitFor();
    await expectAxeClean(page);
    await tabTo(page, { text: 'Continue the draft', contains: 'Maisie Fairbrook' });
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/draft/?id=${referralId}`, 'Request for early help');
    expect(squash(await page.locator('#task-child-status').textContent())).toBe('Completed');
    expect(squash(await page.locator('#task-referrer-status').textContent())).toBe('Not yet started');
    expect(squash(await page.locator('#task-household-status').textContent())).toBe('Not yet started');
    // The checker's indicators came with her; her own view of the level is still to give.
    expect(squash(await page.locator('#task-indicators-status').textContent())).toBe('Incomplete');
    expect(squash(await page.locator('#task-indicators-hint').textContent())).toBe(
      'Say which level of need you think the child’s needs are at',
    );
    // The count agrees with the tags: as many sections completed as say "Completed".
    const completed = (await page.locator('.govuk-task-list__status').allTextContents()).filter(
      (t) => squash(t) === 'Completed',
    ).length;
    expect(completed).toBe(1);
    expect(squash(await page.locator('main p').first().textContent())).toMatch(
      new RegExp(`^You have completed ${completed} of 12 sections\\.`),
    );
    await expectAxeClean(page);
    await tabTo(page, { text: 'About you', exact: true });
    await page.keyboard.press('Enter');
    const saveAndContinue = async () => {
      await tabTo(page, button('Save and continue'));
      await page.keyboard.press('Enter');
    };

    // About you: who the Front Door calls back. A school is not asked for a police incident.
    await arrive(page, /\/draft\/referrer\//, 'About you');
    await expectAxeClean(page);
    expect(await page.locator('#police-incident').count()).toBe(0);
    await typeInto(page, 'referrer-role', 'Designated safeguarding lead');
    await typeInto(page, 'referrer-phone', '01632 960 001');
    await saveAndContinue();

    // Household: mum with parental responsibility; her partner, not to be contacted.
    await arrive(page, /\/draft\/household\//, 'Who does the child live with?');
    await expectAxeClean(page);
    await typeInto(page, 'adult-1-name', 'Sarah Fairbrook');
    await typeInto(page, 'adult-1-relationship', 'Mother');
    await tabTo(page, byId('adult-1-pr'));
    await page.keyboard.press('Space');
    await tabTo(page, button('Add another adult'));
    await page.keyboard.press('Enter');
    await soon(async () => (await focused(page)).id).toBe('adult-2-name');
    await page.keyboard.type('Lee Carter');
    await typeInto(page, 'adult-2-relationship', 'Mum’s partner');
    await tabTo(page, byId('adult-2-dnc'));
    await page.keyboard.press('Space');
    // Her brother, as a person the Front Door can check.
    await typeInto(page, 'household-child-1-name', 'Alfie Fairbrook');
    await typeInto(page, 'household-child-1-dob-day', '3');
    await typeInto(page, 'household-child-1-dob-month', '9');
    await typeInto(page, 'household-child-1-dob-year', '2015');
    await typeInto(page, 'household-child-1-relationship', 'Brother');
    await tabTo(page, byId('household-child-1-lives'));
    await page.keyboard.press('Space');
    expect(await page.locator('#household-child-1-lives').isChecked()).toBe(true);
    await expectAxeClean(page);
    await saveAndContinue();

    await arrive(page, /\/draft\/agencies\//, 'Which other agencies are involved? (optional)');
    await expectAxeClean(page);
    await saveAndContinue();

    await arrive(page, /\/draft\/concerns\//, 'What are you worried about?');
    await expectAxeClean(page);
    await typeInto(page, 'concerns', 'Maisie came in hungry again. She said "Mum’s boyfriend shouts".');
    await saveAndContinue();

    await arrive(page, /\/draft\/strengths\//, 'Strengths and needs');
    await expectAxeClean(page);
    await typeInto(page, 'going-well', 'Maisie loves breakfast club and mum comes to every meeting.');
    await typeInto(page, 'needs-to-change', 'Breakfast at home, and calmer evenings.');
    await typeInto(page, 'asking-for', 'A family support worker for mum.');
    await saveAndContinue();

    // The indicators came from the checker, with the level they suggest.
    await arrive(page, /\/draft\/indicators\//, 'Which indicators describe the child?');
    expect(squash(await page.locator('#suggested-level').textContent())).toContain('Level 2');
    expect(squash(await page.locator('#chosen-indicators').textContent())).toBe('Your chosen indicators (2)');
    await expectAxeClean(page);
    // Her own view, beside the suggestion: level 2 too.
    await tabTo(page, byId('referrer-level'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="referrerLevel"]:checked').getAttribute('value')).toBe('2');
    await saveAndContinue();

    await arrive(page, /\/draft\/support\//, 'What has been tried so far?');
    await expectAxeClean(page);
    await typeInto(page, 'tried-so-far', 'Breakfast club since September; a talk with mum.');
    await tabTo(page, byId('eha'));
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#eha-2').isChecked()).toBe(true);
    await saveAndContinue();

    await arrive(page, /\/draft\/child-views\//, 'What does the child say?');
    await expectAxeClean(page);
    await typeInto(page, 'child-views', 'She would like breakfast at home and for the shouting to stop.');
    await saveAndContinue();

    await arrive(page, /\/draft\/parent-views\//, 'What do the parents or carers say? (optional)');
    await expectAxeClean(page);
    await typeInto(page, 'parent-views', 'Mum would like some help.');
    await saveAndContinue();

    // Consent: given, by whom and when.
    await arrive(page, /\/draft\/consent\//, 'Has the family agreed to this referral?');
    await expectAxeClean(page);
    await tabTo(page, byId('consent-status'));
    await page.keyboard.press('Space');
    await typeInto(page, 'consent-by-whom', 'Sarah Fairbrook, mother');
    const today = new Date();
    await typeInto(page, 'consent-date-day', String(today.getDate()));
    await typeInto(page, 'consent-date-month', String(today.getMonth() + 1));
    await typeInto(page, 'consent-date-year', String(today.getFullYear()));
    await saveAndContinue();

    // Telling the family: they know (they consented); nothing to keep from them.
    await arrive(page, /\/draft\/family\//, 'Telling the family');
    await expectAxeClean(page);
    await tabTo(page, byId('family-told'));
    await page.keyboard.press('Space');
    expect(await page.locator('#family-told').isChecked()).toBe(true);
    await saveAndContinue();

    // Check your answers: everything there, each with a way to change it; nothing stops sending.
    await arrive(page, /\/draft\/check\//, 'Check your answers before sending your referral');
    const answers = await readable(page.locator('main'));
    for (const text of [
      'Maisie Fairbrook',
      '14 May 2018',
      'NS1 2AB',
      'Sarah Fairbrook',
      'Do not contact',
      'Mum’s boyfriend shouts',
      'Level 2',
      'Yes, the family gave their informed consent',
      'NHS number 943 476 5919',
      'Interpreter Not needed',
      'Special educational needs (SEN) SEN support',
      'GP practice Riverside Surgery, Northtown',
      'Role Designated safeguarding lead',
      'Telephone number 01632 960 001',
      'Alfie Fairbrook, Brother Born 3 September 2015 Lives with the child',
      'What is going well Maisie loves breakfast club',
      'What needs to change Breakfast at home',
      'What you are asking for A family support worker for mum.',
      'Your view of the level Level 2',
      'Family told about this request Yes',
    ]) {
      expect(answers).toContain(text);
    }
    // A school's referral has no police incident.
    expect(answers).not.toContain('DASH risk level');
    expect(await page.locator('#not-ready').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Change what is going well' }).getAttribute('href')).toBe(
      `/referrals/draft/strengths/?id=${referralId}&return=check`,
    );
    expect(await page.getByRole('link', { name: 'Change date of birth' }).getAttribute('href')).toBe(
      `/referrals/draft/child/?id=${referralId}&return=check`,
    );
    await expectAxeClean(page);
    await tabTo(page, button('Send referral'));
    await page.keyboard.press('Enter');

    // Sent: the reference, and the time by which the Front Door decides.
    await arrive(page, `/referrals/submitted/?id=${referralId}`, 'Referral sent');
    reference = squash(await page.locator('#reference').textContent());
    expect(reference).toMatch(/^EH-\d{4}-\d{6}$/);
    expect(squash(await page.locator('#due').textContent())).toMatch(
      /^The Front Door will decide by 5pm on (Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+( \d{4})?\.$/,
    );
    await soon(() => page.title()).toBe(`Referral sent – ${SERVICE}`);
    await expectAxeClean(page);
  });

  it('Grace sees it in her queue with a countdown and "possible duplicate", opens it (it becomes hers), reads both and decides', async () => {
    expect(reference, 'the first test sends the referral').not.toBe('');
    const page = await newSession();
    await page.goto(`${live.portal.url}/referrals/queue/`);
    await signInByKeyboard(page, 'grace');
    await arrive(page, '/referrals/queue/', 'Front Door queue');
    const row = page.locator('tbody tr', { hasText: reference });
    await soon(() => readable(row)).toContain('Brookfield Primary School');
    const rowText = await readable(row);
    expect(rowText).toContain('Maisie Fairbrook');
    expect(rowText).toContain('Possible duplicate');
    expect(rowText).toMatch(/Due in \d+ (hour|day|minute)/);
    expect(rowText).toContain('Submitted');
    // Most urgent first, then soonest due: within each priority, whatever is overdue leads.
    expect(rowText).toMatch(/^Standard/);
    const rows = await page.locator('tbody tr').allTextContents();
    const priorities = (await page.locator('tbody tr td:first-child').allTextContents()).map(squash);
    const ranks = priorities.map((p) => ['Urgent', 'High', 'Standard'].indexOf(p));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows.filter((r) => r.includes('Overdue')).length).toBeGreaterThan(0);
    for (const rank of new Set(ranks)) {
      const group = rows.filter((_, i) => ranks[i] === rank).map((r) => r.includes('Overdue'));
      expect(group, priorities[ranks.indexOf(rank)]).toEqual(
        [...group].sort((a, b) => Number(b) - Number(a)),
      );
    }
    expect(squash(await page.locator('#queue-summary').textContent())).toMatch(/\d+ overdue/);
    await expectAxeClean(page);

    // Opening it starts the review: it becomes hers.
    await tabTo(page, { href: `/referrals/view/?id=${referralId}` });
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/view/?id=${referralId}`, /^Maisie Fairbrook, EH-/);
    await soon(async () =>
      squash(await page.locator('.govuk-notification-banner--success').textContent()),
    ).toContain('You are now reviewing this referral');
    // Agencies are named once the directory has answered.
    await soon(() => readable(page.locator('#duplicates'))).toContain('Northshire Police');
    const main = await readable(page.locator('main'));
    expect(main).toContain('In review');
    expect(main).toContain('Reviewed by Grace Obi');
    expect(main).toContain('Same child: name, date of birth and postcode');
    // The referral's own page has the further answers, in the Front Door's words.
    for (const text of [
      'NHS number 943 476 5919',
      'Telephone number 01632 960 001',
      'Alfie Fairbrook, Brother',
      'What the referrer is asking for A family support worker for mum.',
      'The referrer’s view of the level Level 2',
    ])
      expect(main).toContain(text);
    await expectAxeClean(page);

    // She reads the police referral too.
    const duplicate = await tabTo(page, { hrefPrefix: '/referrals/view/?id=', within: '#duplicates' });
    policeReferralId = new URL(duplicate.href, live.portal.url).searchParams.get('id') ?? '';
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/view/?id=${policeReferralId}`, /^Maisie Fairbrook, EH-/);
    await soon(() => readable(page.locator('main'))).toContain('Dan Whitfield, Northshire Police');
    expect(await readable(page.locator('main'))).toContain('Closed');
    await expectAxeClean(page);

    // Back (the browser's Back), then the decision.
    await page.goBack();
    await arrive(page, `/referrals/view/?id=${referralId}`, /^Maisie Fairbrook, EH-/);
    await tabTo(page, button('Record the decision'));
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/decide/?id=${referralId}`, 'Record the decision');
    await expectAxeClean(page);
    await tabTo(page, byId('level'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="levelOfNeed"]:checked').getAttribute('value')).toBe('3');
    await tabTo(page, byId('outcome'));
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="outcome"]:checked').getAttribute('value')).toBe(
      'targeted_early_help',
    );
    await typeInto(page, 'rationale', 'Two agencies worried within a month; needs at level 3 together.');
    await typeInto(page, 'feedback', feedback);
    await tabTo(page, button('Record the decision'));
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/view/?id=${referralId}&done=decided`, /^Maisie Fairbrook, EH-/);
    const decided = await readable(page.locator('main'));
    expect(decided).toContain('Decision recorded');
    expect(decided).toContain('Targeted early help with a lead practitioner');
    expect(decided).toContain('Decided');
    await expectAxeClean(page);
  });

  it('Amira reads the message, the outcome and the feedback; the police referral about Maisie is not found for her', async () => {
    expect(policeReferralId, 'the Front Door test finds the police referral').not.toBe('');
    const page = await newSession({ width: 390, height: 844 });
    await page.goto(`${live.portal.url}/notifications/`);
    await signInByKeyboard(page, 'amira');
    await arrive(page, '/notifications/', 'Messages');
    const message = page.locator('.app-messages__item', { hasText: reference }).first();
    await message.waitFor();
    const words = await readable(page.locator('main'));
    expect(words).not.toContain('Maisie');
    expect(words).not.toContain('Fairbrook');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(page);
    await tabTo(page, { text: `Open referral ${reference}`, exact: true });
    await page.keyboard.press('Enter');

    await arrive(page, `/referrals/view/?id=${referralId}`, /^Maisie Fairbrook, EH-/);
    const decision = await readable(page.locator('#decision'));
    expect(decision).toContain('Level 3');
    expect(decision).toContain('Targeted early help with a lead practitioner');
    expect(decision).toContain(feedback);
    // The rationale is the Front Door's record, not the referrer's feedback.
    expect(decision).not.toContain('Rationale');
    expect(await page.locator('#duplicates').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(page);

    // She adds further information; it goes on the referral's history with her name.
    await typeInto(page, 'note', 'Maisie has had breakfast at school every day this week.');
    await tabTo(page, button('Add information'));
    await page.keyboard.press('Enter');
    await soon(() => readable(page.locator('.govuk-notification-banner--success'))).toContain(
      'Further information added',
    );
    // The history reloads after the banner shows: wait for it rather than reading it at once.
    await soon(() => readable(page.locator('.app-timeline'))).toMatch(
      /^Further information added Amira Haddad, Brookfield Primary School/,
    );
    expect(await readable(page.locator('.app-timeline'))).toContain(
      'Maisie has had breakfast at school every day this week.',
    );
    await expectAxeClean(page);

    await page.goto(`${live.portal.url}/referrals/view/?id=${policeReferralId}`);
    await arrive(page, `/referrals/view/?id=${policeReferralId}`, 'Referral not found');
    expect(await readable(page.locator('main'))).not.toContain('Maisie');
    await soon(() => page.title()).toBe(`Referral not found – ${SERVICE}`);
    await expectAxeClean(page);
  });
});
