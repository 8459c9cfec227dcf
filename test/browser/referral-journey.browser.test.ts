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
 * Also: consent refused at level 2 stops the referral, with the reason, before and on sending;
 * Dan continues his half-finished draft, and a stale save is refused plainly; the queue on a phone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { JOURNEY_CHILD } from '../../infra/seed/demo-data.ts';
import { CONSENT_REFUSAL_REASON } from '../../shared/referrals/rules.ts';
import { axeViolations, readable, squash } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';
const HUNGRY = 'basic-care-often-hungry';
const SHOUTING = 'family-frequent-shouting';
/** The order of the demo users on the local sign-in page. */
const SIGN_IN_ORDER = ['amira', 'dan', 'priya', 'nadia', 'joe', 'grace'];

const live = portalAndChromium();

/** A fresh browser session (nobody signed in), as a new sitting would be. */
async function newSession(viewport = { width: 1024, height: 800 }): Promise<Page> {
  const page = await live.newPage({ viewport });
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Every page visited must be axe-clean: the URL goes in the message so a failure says where. */
async function expectAxeClean(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, page.url()).toEqual([]);
}

/** What to move the focus to: every given property must match. */
interface Target {
  id?: string;
  /** The element's text starts with this (or is exactly it, with `exact`). */
  text?: string;
  exact?: boolean;
  /** The element's text also contains this. */
  contains?: string;
  href?: string;
  hrefPrefix?: string;
  /** Only inside this element (a CSS selector). */
  within?: string;
}

/**
 * How many presses of Tab (positive) or Shift+Tab (negative) reach the target from the focused
 * element, in the page's sequential focus order (one stop per radio group); null if it is not there.
 */
function tabDistance(target: Target): number | null {
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const matches = (el: Element) =>
    (!target.id || el.id === target.id) &&
    (!target.text || (target.exact ? text(el) === target.text : text(el).startsWith(target.text))) &&
    (!target.contains || text(el).includes(target.contains)) &&
    (!target.href || el.getAttribute('href') === target.href) &&
    (!target.hrefPrefix || (el.getAttribute('href') ?? '').startsWith(target.hrefPrefix)) &&
    (!target.within || el.closest(target.within) !== null);
  const order: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, [tabindex]',
  )) {
    if (el.tabIndex < 0 || el.getClientRects().length === 0) continue;
    if ((el as HTMLButtonElement).disabled || (el as HTMLInputElement).type === 'hidden') continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
      const group = [
        ...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`),
      ];
      order.push(group.find((r) => r.checked) ?? el);
      continue;
    }
    order.push(el);
  }
  const to = order.findIndex(matches);
  if (to < 0) return null;
  const from = order.indexOf(document.activeElement as HTMLElement);
  return from < 0 && to === 0 ? 1 : to - from;
}

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: el?.getAttribute('href') ?? '',
    };
  });
}

/**
 * Moves the focus to the target with Tab or Shift+Tab alone, as a keyboard user would: works out
 * how many presses it takes, presses them, and checks where the focus landed.
 */
async function tabTo(page: Page, target: Target): Promise<Focused> {
  await page.waitForFunction(tabDistance, target);
  for (let attempt = 0; attempt < 4; attempt++) {
    const distance = await page.evaluate(tabDistance, target);
    if (distance === null) break;
    if (distance === 0) return focused(page);
    const key = distance > 0 ? 'Tab' : 'Shift+Tab';
    for (let i = 0; i < Math.abs(distance); i++) await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)} on ${page.url()}`);
}

const byId = (id: string): Target => ({ id });
const button = (text: string): Target => ({ text, within: 'main' });

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, byId(id));
  await page.keyboard.type(text);
}

/** `expect.poll` with room for a slow, busy machine (its default gives up after a second). */
const soon = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Waits for a page whose h1 (or panel title) reads `text`, once it has finished loading. */
async function arrive(page: Page, path: string | RegExp, text: string | RegExp): Promise<void> {
  await page.waitForURL(typeof path === 'string' ? `**${path}` : path);
  await page.waitForFunction(
    () =>
      document.querySelector('#app') !== null &&
      ![...document.querySelectorAll('main [role="status"]')].some((el) =>
        /^(Loading|Taking you|Signing)/.test((el.textContent ?? '').trim()),
      ),
  );
  await soon(async () => squash(await h1(page).first().textContent())).toMatch(text);
}

/** Signs in on the local sign-in page by keyboard: the radios, then Continue. */
async function signInByKeyboard(page: Page, username: string): Promise<void> {
  await arrive(page, /\/sign-in\//, 'Who do you want to sign in as?');
  await expectAxeClean(page);
  await tabTo(page, byId('username'));
  const steps = SIGN_IN_ORDER.indexOf(username);
  if (steps < 0) throw new Error(`Add ${username} to SIGN_IN_ORDER`);
  if (steps === 0) await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  expect(await page.locator('input[name="username"]:checked').getAttribute('value')).toBe(username);
  await tabTo(page, button('Continue'));
  await page.keyboard.press('Enter');
}

async function api<T>(username: string, method: string, path: string, body?: unknown, headers = {}) {
  const response = await live.fetchAs(username, `/api${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** How many of an agency's open referrals (by its name) lie beyond the queue's first page of 100. */
async function moreOf(agencyName: string): Promise<number> {
  const agencies = await api<{ items: { id: string; name: string }[] }>(
    'grace',
    'GET',
    '/agencies?limit=200',
  );
  const id = agencies.body.items.find((a) => a.name === agencyName)?.id;
  let beyond = 0;
  let cursor: string | null = null;
  let page = 0;
  do {
    const query: string = `/referrals?view=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const listed = await api<{ items: { agencyId: string }[]; nextCursor: string | null }>(
      'grace',
      'GET',
      query,
    );
    if (page > 0) beyond += listed.body.items.filter((r) => r.agencyId === id).length;
    cursor = listed.body.nextCursor;
    page += 1;
  } while (cursor);
  return beyond;
}

/** A session already signed in (for the tests that are not about signing in). */
async function signedInSession(username: string, viewport?: { width: number; height: number }) {
  const page = await newSession(viewport);
  const jwt = await live.token(username);
  await page.context().addInitScript((t) => {
    if (!sessionStorage.getItem('portal.session'))
      sessionStorage.setItem(
        'portal.session',
        JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 }),
      );
  }, jwt);
  return page;
}

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
