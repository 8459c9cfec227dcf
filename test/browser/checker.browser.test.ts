/**
 * Journey 1, "Is this early help?": a school's designated safeguarding lead, not signed in, checks
 * a worry step by step. Searching "attendance" and choosing two indicators gives the level and what
 * to do now (by keyboard alone); choosing "disclosed being hit, with a visible injury" shows the
 * call-999-and-the-Front-Door interruption before anything else. Also the guidance pages around it:
 * search, by area of need, the print-friendly level, and the versions. axe finds nothing on any step.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { checkIndicators, levelLabel, searchIndicators } from '../../shared/guidance/check.ts';
import { axeViolations, focused, readable, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';
const HUNGRY = 'basic-care-often-hungry';
const HIT = 'safety-disclosed-hit-with-injury';

const indicator = (id: string) => {
  const found = illustrativeFramework.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`The seed guidance has no indicator ${id}`);
  return found;
};

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

describe('the threshold checker, as a school, signed out', () => {
  it('searches "attendance", chooses two indicators and gets the level and what to do now, by keyboard alone', async () => {
    const response = await page.goto(`${live.portal.url}/check/`);
    expect(response?.status()).toBe(200);
    await page.locator('#search-q').waitFor();
    expect(await page.title()).toBe(`Check a level of need – ${SERVICE}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('What are you worried about?');
    // Before any search: browse by area of need, and nothing chosen yet.
    expect(await page.getByRole('link', { name: 'Basic care and food' }).count()).toBe(1);
    expect(await page.locator('#chosen-heading').textContent()).toContain('Your chosen indicators');
    expect(await axeViolations(page)).toEqual([]);

    // Skip link, then Tab to the search box and search.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await tabTo(page, (el) => el.id === 'search-q');
    await page.keyboard.type('attendance');
    await page.keyboard.press('Enter');

    // Focus moves to the results, which mark the word searched for.
    const expected = searchIndicators(illustrativeFramework, 'attendance');
    await expect.poll(async () => (await focused(page)).id).toBe('results-heading');
    expect(squash(await page.locator('#results-heading').textContent())).toBe(
      `${expected.length} indicators match “attendance”`,
    );
    expect(await page.locator('.govuk-checkboxes__item').count()).toBe(expected.length);
    const marks = await page.locator('.govuk-checkboxes__label mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toContain('attendance');
    expect(page.url()).toContain('q=attendance');

    // The next two Tabs are the first two indicators: Space ticks each.
    const [first, second] = expected;
    if (!first || !second) throw new Error('The seed guidance needs two "attendance" indicators');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe(`indicator-${first.id}`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe(`indicator-${second.id}`);
    await page.keyboard.press('Space');
    expect((await focused(page)).checked).toBe(true);

    // The chosen list shows both, and the address holds them (so Back, refresh and sharing work).
    const chosen = page.locator('.app-chosen');
    await expect
      .poll(async () => squash(await chosen.locator('h2').textContent()))
      .toBe('Your chosen indicators (2)');
    expect(await chosen.textContent()).toContain(first.text);
    expect(await chosen.textContent()).toContain(second.text);
    expect(page.url()).toContain(`indicators=${first.id},${second.id}`);
    expect(await axeViolations(page)).toEqual([]);

    // Step 2: the answer.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'See the suggested level');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/check/answer/?indicators=${first.id},${second.id}`);
    const outcome = checkIndicators(illustrativeFramework, [first.id, second.id]);
    if (outcome.level === null) throw new Error('The check should suggest a level');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(async () => squash(await h1.textContent())).toContain(outcome.record.name);
    expect(squash(await h1.textContent())).toBe(
      `Suggested level: Level ${outcome.level}: ${outcome.record.name}`,
    );
    expect(await page.title()).toBe(`${levelLabel(outcome.record)} – Check a level of need – ${SERVICE}`);
    expect(await h1.locator('.govuk-tag').getAttribute('class')).toContain(
      `govuk-tag--${outcome.record.colour}`,
    );
    // No immediate danger here: no interruption.
    expect(await page.locator('.govuk-panel--interruption').count()).toBe(0);
    // What to do now, who to contact, the assessment and the consent rule, in the level's own words.
    const text = await readable(page.locator('main'));
    expect(text).toContain(`What to do now ${squash(outcome.record.response.doNow)}`);
    expect(text).toContain(squash(outcome.record.response.whoToContact));
    expect(text).toContain(squash(outcome.record.response.assessment));
    expect(text).toContain(squash(outcome.record.consent.guidance));
    // Why: the reasons, and the indicator that decided the level.
    for (const reason of outcome.reasons) expect(text).toContain(squash(reason));
    for (const driver of outcome.drivers) expect(text).toContain(driver.text);
    // The way on: a referral carrying the indicators, start again, and the version used.
    expect(
      await page.getByRole('button', { name: 'Make a referral with these indicators' }).getAttribute('href'),
    ).toBe(`/referrals/new/?indicators=${first.id},${second.id}`);
    expect(await page.getByRole('link', { name: 'Start again' }).getAttribute('href')).toBe('/check/');
    expect(text).toContain('This answer uses version 1 of the threshold guidance');
    expect(await axeViolations(page)).toEqual([]);

    // Back returns to the choices, still ticked.
    await page.goBack();
    await page.locator(`#indicator-${second.id}`).waitFor();
    expect(await page.locator(`#indicator-${first.id}`).isChecked()).toBe(true);
    expect(await page.locator(`#indicator-${second.id}`).isChecked()).toBe(true);
  });

  it('shows the immediate-danger interruption first for "disclosed being hit, with a visible injury"', async () => {
    const hungry = indicator(HUNGRY);
    const hit = indicator(HIT);
    await page.goto(`${live.portal.url}/check/`);
    await page.locator('#search-q').fill('hungry');
    await page.locator('#search-q').press('Enter');
    await page.locator(`#indicator-${HUNGRY}`).check();
    // A second search keeps the first choice.
    await page.locator('#search-q').fill('hit');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator(`#indicator-${HIT}`).waitFor();
    expect(await page.locator(`label[for="indicator-${HIT}"]`).textContent()).toContain('Immediate danger');
    expect(await page.locator('#call-now').count()).toBe(0);
    await page.locator(`#indicator-${HIT}`).check();
    // Call now, as soon as it is ticked: not only once the level is asked for.
    await expect
      .poll(async () => squash(await page.locator('#call-now h2').textContent()))
      .toBe('Call 999 if a child is in immediate danger, then the Front Door now');
    expect(await page.locator('#call-now').getAttribute('role')).toBe('alert');
    expect(await page.locator('#call-now a[href="tel:999"]').count()).toBe(1);
    const chosen = page.locator('.app-chosen');
    await expect.poll(async () => await chosen.textContent()).toContain(hungry.text);
    expect(await chosen.textContent()).toContain(hit.text);

    // Remove takes one away; browsing by area of need puts it back.
    await chosen.getByRole('button', { name: `Remove ${hungry.text}` }).click();
    await expect.poll(async () => (await focused(page)).id).toBe('chosen-heading');
    expect(await chosen.textContent()).not.toContain(hungry.text);
    await page.getByRole('link', { name: 'Browse by area of need instead' }).click();
    await page.getByRole('link', { name: 'Basic care and food' }).click();
    await page.locator(`#indicator-${HUNGRY}`).check();
    await expect
      .poll(async () => squash(await chosen.locator('h2').textContent()))
      .toBe('Your chosen indicators (2)');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'See the suggested level' }).click();
    await page.waitForURL(`**/check/answer/?indicators=${HIT},${HUNGRY}`);
    const panel = page.locator('.govuk-panel--interruption');
    await panel.waitFor();

    // The interruption is the first thing in the page's content, it is the h1, and it has focus.
    expect(await readable(page.locator('#app'))).toMatch(
      /^Call 999 if a child is in immediate danger, then the Front Door now/,
    );
    expect(squash(await page.getByRole('heading', { level: 1 }).textContent())).toBe(
      'Call 999 if a child is in immediate danger, then the Front Door now',
    );
    expect((await focused(page)).id).toBe('immediate-danger');
    expect(await page.title()).toBe(
      `Call 999 if a child is in immediate danger – Check a level of need – ${SERVICE}`,
    );
    // With the numbers from level 4's record, each one a tap away on a phone.
    const level4 = illustrativeFramework.levels.find((l) => l.level === 4);
    expect(squash(await panel.textContent())).toContain(squash(level4?.response.whoToContact ?? 'missing'));
    expect(await panel.textContent()).toContain(hit.text);
    expect(await panel.locator('a[href="tel:999"]').count()).toBe(1);
    expect(await panel.locator('a[href="tel:03000000000"]').count()).toBe(1);
    // Then the level.
    const level = page.locator('#answer-level');
    expect(squash(await level.textContent())).toBe(`Suggested level: Level 4: ${level4?.name}`);
    expect(
      await page.evaluate(() => {
        const a = document.querySelector('#immediate-danger');
        const b = document.querySelector('#answer-level');
        return a && b ? a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      }),
    ).toBeTruthy();
    // The referral is the second thing to do here, and its button says so: secondary, not green.
    expect(
      await page.getByRole('button', { name: 'Make a referral with these indicators' }).getAttribute('class'),
    ).toContain('govuk-button--secondary');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works on a 390 px phone, and says plainly when a shared link names indicators that no longer exist', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${live.portal.url}/check/?indicators=${HUNGRY}&q=county%20lines`);
    await page.locator('#results-heading').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('#search-q').inputValue()).toBe('county lines');
    // On a phone the chosen list is below the results; a link near the top jumps to it.
    expect(await page.getByRole('link', { name: 'You have chosen 1 indicator' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${live.portal.url}/check/answer/?indicators=${HUNGRY},no-such-indicator`);
    await page
      .getByRole('heading', { level: 1, name: 'Some indicators are not in the current guidance' })
      .waitFor();
    expect(await page.locator('main').textContent()).toContain('no-such-indicator');
    expect(await page.getByRole('button', { name: 'Choose indicators again' }).getAttribute('href')).toBe(
      `/check/?indicators=${HUNGRY}`,
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the guidance pages: search, areas of need, print, versions', () => {
  it('searches the guidance and marks the words found', async () => {
    const expected = searchIndicators(illustrativeFramework, 'county lines');
    await page.goto(`${live.portal.url}/guidance/`);
    await page.locator('#guidance-q').fill('county lines');
    await page.locator('#guidance-q').press('Enter');
    await page.waitForURL('**/guidance/?q=county+lines');
    const heading = page.locator('#results-heading');
    await heading.waitFor();
    expect(squash(await heading.textContent())).toBe(`${expected.length} indicators match “county lines”`);
    expect(await page.title()).toBe(`Search: county lines – Threshold guidance – ${SERVICE}`);
    expect(await page.locator('.app-results__item').count()).toBe(expected.length);
    const marks = (await page.locator('.app-results mark').allTextContents()).map((m) => m.toLowerCase());
    expect(marks).toContain('county');
    expect(marks).toContain('lines');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows every indicator by area of need, with its level', async () => {
    await page.goto(`${live.portal.url}/guidance/?view=domain`);
    await page.getByRole('heading', { level: 2, name: 'Areas of need' }).waitFor();
    for (const domain of illustrativeFramework.domains) {
      expect(await page.getByRole('heading', { level: 2, name: domain.name, exact: true }).count()).toBe(1);
    }
    expect(await page.locator('.app-indicators li').count()).toBe(illustrativeFramework.indicators.length);
    expect(await page.getByRole('link', { name: 'View by area of need' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints one level cleanly: every indicator showing, no navigation', async () => {
    const level3 = illustrativeFramework.levels.find((l) => l.level === 3);
    const indicators = illustrativeFramework.indicators.filter((i) => i.level === 3);
    await page.goto(`${live.portal.url}/guidance/`);
    await page.getByRole('link', { name: 'Print-friendly view of level 3' }).click();
    await page.waitForURL('**/guidance/?level=3&print=1');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect.poll(async () => squash(await h1.textContent())).toBe(`Level 3: ${level3?.name}`);
    // No details to open: every indicator is on the page.
    expect(await page.locator('details').count()).toBe(0);
    const item = (text: string) => page.locator('.app-indicators li', { hasText: text }).first();
    for (const i of indicators) expect(await item(i.text).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain(squash(level3?.response.doNow ?? 'missing'));
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-template__header').isVisible()).toBe(false);
    expect(await page.locator('.govuk-footer').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    expect(await item(indicators[0]?.text ?? 'missing').isVisible()).toBe(true);
  });

  it('lists the versions, and shows one with what changed', async () => {
    await page.goto(`${live.portal.url}/guidance/`);
    await page.getByRole('link', { name: 'Earlier versions and what changed' }).click();
    await page.waitForURL('**/guidance/versions/');
    const v1 = page.getByRole('link', { name: 'Version 1', exact: true });
    await v1.waitFor();
    expect(await page.locator('main').textContent()).toContain(
      'First version of the illustrative threshold guidance.',
    );
    expect(await axeViolations(page)).toEqual([]);

    await v1.click();
    await page.waitForURL('**/guidance/version/?v=1');
    await page.locator('.app-level').first().waitFor();
    expect(await page.title()).toBe(`Version 1 – Threshold guidance – ${SERVICE}`);
    expect(await page.locator('.app-level').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${live.portal.url}/guidance/version/?v=99`);
    await page.getByRole('heading', { level: 1, name: 'Version not found' }).waitFor();
  });
});

/**
 * axe cannot run where JavaScript is off, so it checks the same address with the page's own scripts
 * refused: the markup a person without JavaScript gets.
 */
async function axeWithoutPageScripts(url: string): Promise<string[]> {
  const scriptless = await live.browser.newContext();
  try {
    await scriptless.route('**/*.js', (route) => route.abort());
    const page = await scriptless.newPage();
    await page.goto(url);
    return await axeViolations(page);
  } finally {
    await scriptless.close();
  }
}

describe('the guidance and the checker without JavaScript', () => {
  let plain: BrowserContext;
  let nojs: Page;
  beforeEach(async () => {
    await plain?.close();
    plain = await live.browser.newContext({ javaScriptEnabled: false });
    nojs = await plain.newPage();
  });
  afterAll(async () => plain?.close());

  it('reads the guidance by level, searches it and opens one level, all from the server', async () => {
    await nojs.goto(`${live.portal.url}/guidance/`);
    expect(await nojs.locator('.app-level').count()).toBe(4);
    const hungry = indicator(HUNGRY);
    // A level's indicators open with the browser's own details element.
    await nojs
      .locator('.app-level')
      .nth(hungry.level - 1)
      .locator('summary')
      .first()
      .click();
    expect(await nojs.getByText(hungry.text).first().isVisible()).toBe(true);

    await nojs.getByLabel('Search the indicators').fill('bruise');
    await nojs.getByRole('button', { name: 'Search', exact: true }).click();
    await nojs.waitForURL('**/guidance/?q=bruise');
    const found = searchIndicators(illustrativeFramework, 'bruise');
    expect(squash(await nojs.locator('#results-heading').textContent())).toBe(
      `${found.length} ${found.length === 1 ? 'indicator matches' : 'indicators match'} “bruise”`,
    );
    // Printing needs a script, so its button is not offered.
    await nojs.goto(`${live.portal.url}/guidance/?level=3&print=1`);
    expect(await nojs.getByRole('heading', { level: 1 }).textContent()).toContain('Level 3');
    expect(await nojs.getByRole('button', { name: 'Print this page' }).count()).toBe(0);
  });

  it('walks the checker: search, tick, keep, search again, remove, then the level and what to do now', async () => {
    await nojs.goto(`${live.portal.url}/check/`);
    await nojs.getByLabel('Search for a worry').fill('attendance');
    await nojs.getByRole('button', { name: 'Search', exact: true }).click();
    await nojs.waitForURL('**/check/?q=attendance');
    const [first, second] = searchIndicators(illustrativeFramework, 'attendance');
    if (!first || !second) throw new Error('The seed guidance needs two "attendance" indicators');
    await nojs.locator(`#indicator-${first.id}`).check();
    await nojs.locator(`#indicator-${second.id}`).check();
    await nojs.getByRole('button', { name: 'Keep these choices and search again' }).click();
    await nojs.locator('#chosen-heading').waitFor();
    expect(squash(await nojs.locator('#chosen-heading').textContent())).toBe('Your chosen indicators (2)');

    // Searching again keeps them; a third tick goes straight to the answer with the other two.
    await nojs.getByLabel('Search for a worry').fill('hungry');
    await nojs.getByRole('button', { name: 'Search', exact: true }).click();
    await nojs.locator(`#indicator-${HUNGRY}`).check();
    await nojs.getByRole('button', { name: 'Keep these choices and search again' }).click();
    expect(squash(await nojs.locator('#chosen-heading').textContent())).toBe('Your chosen indicators (3)');
    expect(await axeWithoutPageScripts(nojs.url())).toEqual([]);
    await nojs.getByRole('button', { name: `Remove ${indicator(HUNGRY).text}` }).click();
    expect(squash(await nojs.locator('#chosen-heading').textContent())).toBe('Your chosen indicators (2)');

    await nojs.locator('.app-chosen').getByRole('button', { name: 'See the suggested level' }).click();
    await nojs.waitForURL('**/check/answer/**');
    expect(await axeWithoutPageScripts(nojs.url())).toEqual([]);
    const expected = checkIndicators(illustrativeFramework, [first.id, second.id]);
    if (expected.level === null) throw new Error('the seed should give a level');
    expect(squash(await nojs.getByRole('heading', { level: 1 }).textContent())).toBe(
      `Suggested level: ${levelLabel(expected.record)}`,
    );
    expect(await nojs.getByRole('heading', { name: 'What to do now' }).count()).toBe(1);
    expect(await readable(nojs.locator('main'))).toContain(squash(expected.record.response.doNow));
  });

  it('keeps a tick just made when the chosen list’s own button is pressed instead of the results’', async () => {
    const [first] = searchIndicators(illustrativeFramework, 'attendance');
    if (!first) throw new Error('The seed guidance needs an "attendance" indicator');
    await nojs.goto(`${live.portal.url}/check/?indicators=${first.id}&q=hungry`);
    await nojs.locator(`#indicator-${HUNGRY}`).check();
    await nojs.locator('.app-chosen').getByRole('button', { name: 'See the suggested level' }).click();
    await nojs.waitForURL('**/check/answer/**');
    const answer = new URL(nojs.url());
    expect(answer.searchParams.getAll('indicators').join(',').split(',').sort()).toEqual(
      [first.id, HUNGRY].sort(),
    );
    expect(await readable(nojs.locator('main'))).toContain(indicator(HUNGRY).text);
  });

  it('shows the call-999 interruption first for an indicator of immediate danger', async () => {
    await nojs.goto(`${live.portal.url}/check/?q=${encodeURIComponent('hit')}`);
    await nojs.locator(`#indicator-${HIT}`).check();
    // The results' own button sends the ticks to the answer without keeping them first.
    await nojs
      .locator('form')
      .filter({ has: nojs.locator(`#indicator-${HIT}`) })
      .getByRole('button', {
        name: 'See the suggested level',
      })
      .click();
    await nojs.waitForURL('**/check/answer/**');
    expect(await nojs.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Call 999 if a child is in immediate danger, then the Front Door now',
    );
    // And on the first step, the call-now panel is there as soon as the tick has been sent.
    await nojs.goto(`${live.portal.url}/check/?indicators=${HIT}&q=hit`);
    expect(squash(await nojs.locator('#call-now h2').textContent())).toBe(
      'Call 999 if a child is in immediate danger, then the Front Door now',
    );
  });
});
