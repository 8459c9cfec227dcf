/**
 * The services directory in the browser, against the seeded demo directory:
 *
 * - A practitioner finds a service by keyboard alone on /services/: health, a child of 8, near
 *   Brookfield (NS4), free, families can get in themselves. Each result says why it matches, nearest
 *   first; the service's page gives its levels, the needs it meets and how to get in touch.
 * - The same search without JavaScript gives the same results (the filters are a plain GET form).
 * - The search page fits a 390 px phone.
 * - Kofi (Harbour Family Support's directory editor) sees his entries with the one whose check is due
 *   flagged, confirms it, changes a field, meets an error, adds and publishes a new service that then
 *   appears in the public search, and cannot edit an entry the partnership keeps.
 *
 * axe finds nothing on any page visited.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../infra/seed/demo-services.ts';
import type { District } from '../../shared/services/districts.ts';
import { distanceKm, fitsSearch } from '../../shared/services/rules.ts';
import type { ServiceSearch } from '../../shared/services/schema.ts';
import { axeViolations, focused, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

const DISTRICT: District = 'NS4';
const SEARCH: ServiceSearch = {
  need: 'health',
  age: 8,
  district: DISTRICT,
  free: 'true',
  access: 'self-referral',
};
const SEARCH_QUERY = 'district=NS4&need=health&level=&age=8&free=true&access=self-referral&q=';

/** The seeded published services the search should find, nearest first (ties in any order). */
const EXPECTED = DEMO_SERVICES.filter((s) => s.status === 'published' && fitsSearch(s.fields, SEARCH)).map(
  (s) => ({ name: s.fields.name, km: distanceKm(s.fields, DISTRICT) }),
);

async function resultNames(on: Page): Promise<string[]> {
  return (await on.locator('.app-services-result h3').allTextContents()).map(squash);
}

/** Each result's distance in kilometres ("In your district" is 0). */
async function resultDistances(on: Page): Promise<number[]> {
  return (await on.locator('.app-services-result').allTextContents()).map((text) => {
    if (text.includes('In your district')) return 0;
    const km = /About (\d+(?:\.\d+)?) km away/.exec(text)?.[1];
    if (!km) throw new Error(`No distance in: ${squash(text)}`);
    return Number(km);
  });
}

/** Presses Tab until the focus is on the need checkbox with this value, then Space to tick it. */
async function tickNeed(on: Page, value: string): Promise<void> {
  await tabTo(on, (el) => el.name === 'need' && el.value === value, { max: 200 });
  await on.keyboard.press('Space');
  expect((await focused(on)).checked).toBe(true);
}

describe('finding a service', () => {
  it('by keyboard alone: filters, results saying why each matches, nearest first, and the service', async () => {
    expect(EXPECTED.length).toBeGreaterThan(1);
    await page.goto(`${live.portal.url}/services/`);
    await page.getByRole('heading', { level: 1, name: 'Find a service' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The district first (typing picks it from the list), then the need, the age, free and the way in.
    await tabTo(page, (el) => el.id === 'district');
    await page.keyboard.type(DISTRICT);
    expect(await page.locator('#district').inputValue()).toBe(DISTRICT);
    await tickNeed(page, 'health');
    await tabTo(page, (el) => el.id === 'age', { max: 200 });
    await page.keyboard.type('8');
    await tabTo(page, (el) => el.id === 'free');
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.id === 'access');
    await page.keyboard.type('Families');
    expect(await page.locator('#access').inputValue()).toBe('self-referral');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Find services');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/services/?${SEARCH_QUERY}`);

    await page.getByRole('heading', { level: 2, name: 'Services nearest NS4 Brookfield first' }).waitFor();
    const names = await resultNames(page);
    expect([...names].sort()).toEqual(EXPECTED.map((e) => e.name).sort());
    const distances = await resultDistances(page);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances).toEqual(names.map((n) => EXPECTED.find((e) => e.name === n)?.km));
    // Each result says, filter by filter, why it matches.
    for (const result of await page.locator('.app-services-result').all()) {
      const why = squash(
        await result.locator('.govuk-summary-list__row', { hasText: 'Why it matches' }).textContent(),
      );
      expect(why).toMatch(
        /Meets: Health.*Ages \d+ to \d+.*Covers NS4.*Free.*Families can contact it themselves/,
      );
    }
    // The form keeps what was chosen.
    expect(await page.locator('#age').inputValue()).toBe('8');
    expect(await page.locator('#free').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The nearest opens by its name.
    const nearest = names[0] ?? '';
    await tabTo(page, (el) => el.tag === 'a' && el.text === nearest, { max: 250 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services/service/?id=*');
    await page.getByRole('heading', { level: 1, name: nearest }).waitFor();
    const facts = page.locator('.app-services-facts');
    const fact = async (key: string) =>
      squash(
        await facts
          .locator('.govuk-summary-list__row')
          .filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) })
          .locator('dd')
          .textContent(),
      );
    const seeded = DEMO_SERVICES.find((s) => s.fields.name === nearest)?.fields;
    expect(seeded).toBeDefined();
    expect(await fact('Levels of need')).toMatch(/Levels? [1-3]/);
    for (const level of seeded?.levels ?? []) expect(await fact('Levels of need')).toContain(String(level));
    expect(await fact('Needs it meets')).toContain('Health');
    const contact = await fact('Contact');
    if (seeded?.contact.phone) expect(contact).toContain(seeded.contact.phone);
    if (seeded?.contact.email) expect(contact).toContain(seeded.contact.email);
    expect(await fact('How to refer')).toContain(squash(seeded?.contact.howToRefer ?? '').slice(0, 40));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('without JavaScript: the same filters give the same results, in the same order', async () => {
    const withScript = await live.newPage();
    await withScript.goto(`${live.portal.url}/services/?${SEARCH_QUERY}`);
    const expected = await resultNames(withScript);
    expect(expected.length).toBe(EXPECTED.length);

    const plain = await live.browser.newContext({ javaScriptEnabled: false });
    try {
      const nojs = await plain.newPage();
      await nojs.goto(`${live.portal.url}/services/`);
      await nojs.getByLabel('Postcode district').selectOption(DISTRICT);
      await nojs.getByRole('checkbox', { name: 'Health', exact: true }).check();
      await nojs.getByLabel('Child’s age (optional)').fill('8');
      await nojs.getByLabel('Free services only').check();
      await nojs.getByLabel('How families get in').selectOption('self-referral');
      await nojs.getByRole('button', { name: 'Find services' }).click();
      await nojs.waitForURL(`**/services/?${SEARCH_QUERY}`);
      expect(await resultNames(nojs)).toEqual(expected);
      // The service's page is the server's too.
      await nojs.getByRole('link', { name: expected[0] ?? '' }).click();
      await nojs.getByRole('heading', { level: 1, name: expected[0] ?? '' }).waitFor();
      expect(squash(await nojs.locator('.app-services-facts').textContent())).toContain('How to refer');
    } finally {
      await plain.close();
    }
  });

  it('fits a 390 px phone, with results, without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${live.portal.url}/services/?${SEARCH_QUERY}`);
    await page.getByRole('heading', { level: 2, name: 'Services nearest NS4 Brookfield first' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await resultNames(page)).toHaveLength(EXPECTED.length);
    expect(await axeViolations(page)).toEqual([]);
  });
});

const DUE = 'Safe Space children’s recovery groups';
const NEW_NAME = 'Dads Together walk and talk';

/** The text of the banner that took the focus, as the answer to pressing a button. */
async function focusedText(on: Page): Promise<string> {
  await on.waitForFunction(() => document.activeElement?.classList.contains('govuk-notification-banner'));
  return (await focused(on)).text;
}

/** Replaces an input's text by keyboard: Tab to it, select what is there, type. */
async function retype(on: Page, id: string, text: string): Promise<void> {
  await tabTo(on, (el) => el.id === id, { max: 250 });
  await on.keyboard.press('ControlOrMeta+A');
  if (text) await on.keyboard.type(text);
  else await on.keyboard.press('Backspace');
}

async function pressButton(on: Page, text: string): Promise<void> {
  await tabTo(on, (el) => el.tag === 'button' && el.text === text, { max: 250 });
  await on.keyboard.press('Enter');
}

describe('a directory editor keeping their entries', () => {
  it('Kofi confirms the entry whose check is due, changes it, meets an error, and publishes a new service', async () => {
    const page = await live.signedInPage('kofi');
    await page.goto(`${live.portal.url}/services/mine/`);
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    const banner = page.locator('.govuk-notification-banner');
    expect(squash(await banner.textContent())).toContain(`1 entry needs checking`);
    expect(squash(await banner.textContent())).toContain(DUE);
    // Only Harbour Family Support's entries, the one due flagged in the table.
    const rows = page.locator('tbody .govuk-table__row');
    const seeded = DEMO_SERVICES.filter((s) => s.fields.provider.agencyId === 'harbour-family-support');
    expect(await rows.count()).toBe(seeded.length);
    expect(squash(await rows.filter({ hasText: DUE }).textContent())).toContain('Check due');
    const dueTag = page.locator('.govuk-tag', { hasText: /^Check due$/ });
    expect(await rows.filter({ has: dueTag }).count()).toBe(1);
    expect(squash(await rows.filter({ has: dueTag }).textContent())).toContain(DUE);
    expect(await page.getByRole('link', { name: 'Your services' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The banner's link opens it; he confirms it is still right.
    await tabTo(page, (el) => el.tag === 'a' && el.text === DUE);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services/edit/?id=*');
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.getByRole('heading', { level: 1, name: DUE }).waitFor();
    expect(squash(await page.locator('.govuk-warning-text').textContent())).toContain('Its check is due');
    expect(await axeViolations(page)).toEqual([]);
    await pressButton(page, 'Confirm it is still right');
    expect(await focusedText(page)).toContain('Thank you: the entry is confirmed as still right');
    expect(await page.locator('.govuk-warning-text').count()).toBe(0);
    expect(squash(await page.locator('.govuk-summary-list').first().textContent())).toContain(
      'by Kofi Mensah',
    );

    // He changes the opening times, and the public entry shows them.
    const times = 'Wednesdays, 4pm to 6pm, in term time';
    await retype(page, 'opening-times', times);
    await pressButton(page, 'Save changes');
    expect(await focusedText(page)).toContain('Your changes were saved');
    const publicPage = await live.newPage();
    await publicPage.goto(`${live.portal.url}/services/service/?id=${id}`);
    expect(squash(await publicPage.locator('.app-services-facts').textContent())).toContain(times);

    // An empty name is refused: the error summary takes the focus and links to the input.
    await retype(page, 'name', '');
    await pressButton(page, 'Save changes');
    const summary = page.locator('.govuk-error-summary');
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    expect(squash(await summary.textContent())).toContain('Enter the service’s name');
    expect(await summary.getByRole('link', { name: 'Enter the service’s name' }).getAttribute('href')).toBe(
      '#name',
    );
    expect(squash(await page.locator('#name-error').textContent())).toContain('Enter the service’s name');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await axeViolations(page)).toEqual([]);

    // Nothing is due now.
    await page.goto(`${live.portal.url}/services/mine/`);
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    expect(await page.locator('.govuk-notification-banner').count()).toBe(0);

    // A new service: saved as a draft, then published, and the public search finds it.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Add a service');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services/new/');
    await page.getByRole('heading', { level: 1, name: 'Add a service' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Harbour Family Support' }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Service name').fill(NEW_NAME);
    await page
      .getByLabel('What it offers')
      .fill('A weekly walk for dads and father figures, with a coffee after.');
    await page.getByRole('checkbox', { name: 'Health', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Level 1' }).check();
    await page.getByRole('checkbox', { name: 'Level 2' }).check();
    await page.locator('#age-from').fill('0');
    await page.locator('#age-to').fill('18');
    await page.getByRole('radio', { name: 'Some postcode districts' }).check();
    await page.getByRole('checkbox', { name: 'NS6 Harbourside' }).check();
    await page.getByLabel('Where it is delivered from').selectOption('NS6');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: 'Families can contact it themselves' }).check();
    await page
      .getByLabel('How to refer or get in touch')
      .fill('Turn up, or phone to ask about the route first.');
    await page.getByLabel('Phone (optional)').fill('01632 960 555');
    await page.getByLabel('Opening times').fill('Saturdays, 10am');
    await pressButton(page, 'Save as draft');
    await page.waitForURL('**/services/edit/?id=*');
    expect(await focusedText(page)).toContain('Service saved as a draft');
    expect(squash(await page.locator('.govuk-summary-list').first().textContent())).toContain('Draft');
    expect(await axeViolations(page)).toEqual([]);
    await pressButton(page, 'Publish');
    expect(await focusedText(page)).toContain('Service published');
    expect(squash(await page.locator('.govuk-summary-list').first().textContent())).toContain('Published');

    await publicPage.goto(`${live.portal.url}/services/?district=NS6&need=health&q=walk`);
    expect(await resultNames(publicPage)).toContain(NEW_NAME);
  });

  it('Kofi cannot edit an entry the partnership keeps: the page says there is none of his there', async () => {
    const search = await fetch(`${live.portal.url}/api/services?q=Hidden+Harm`);
    const found = (await search.json()) as { items: { service: { id: string; fields: { name: string } } }[] };
    const theirs = found.items.find((m) => m.service.fields.name === 'Hidden Harm family support');
    expect(theirs).toBeDefined();
    const page = await live.signedInPage('kofi');
    await page.goto(`${live.portal.url}/services/edit/?id=${theirs?.service.id}`);
    await page.getByRole('heading', { level: 1, name: 'Service not found' }).waitFor();
    expect(squash(await page.locator('main').textContent())).toContain(
      'There is no service at this address that you keep',
    );
    expect(await page.locator('form').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says plainly when someone else changed the entry first, keeping what was typed', async () => {
    const page = await live.signedInPage('kofi');
    const mine = (await (await live.fetchAs('kofi', '/api/services/mine?limit=100')).json()) as {
      items: { id: string; version: number; fields: Record<string, unknown> & { name: string } }[];
    };
    const entry = mine.items.find((s) => s.fields.name === 'Calmer Homes parenting course');
    if (!entry) throw new Error('The seeded Calmer Homes entry is not Kofi’s');
    await page.goto(`${live.portal.url}/services/edit/?id=${entry.id}`);
    await page.getByRole('heading', { level: 1, name: entry.fields.name }).waitFor();
    // Meanwhile, in another tab, the summary is changed.
    const other = await live.fetchAs('kofi', `/api/services/${entry.id}`, {
      method: 'PUT',
      headers: { 'if-match': `"${entry.version}"` },
      body: JSON.stringify({ ...entry.fields, summary: 'A ten-week course for parents, changed elsewhere.' }),
    });
    expect(other.status).toBe(200);
    await retype(page, 'opening-times', 'Tuesday evenings');
    await pressButton(page, 'Save changes');
    expect(await focusedText(page)).toContain('Someone else changed this service while you were editing');
    expect(squash(await page.locator('.govuk-notification-banner').textContent())).toContain(
      'Its summary was changed',
    );
    expect(await page.locator('#opening-times').inputValue()).toBe('Tuesday evenings');
    expect(await axeViolations(page)).toEqual([]);
    // Sent again, it is saved over the new version.
    await pressButton(page, 'Save changes');
    expect(await focusedText(page)).toContain('Your changes were saved');
  });
});
