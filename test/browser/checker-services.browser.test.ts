/**
 * The checker's answer names local services: a school's designated safeguarding lead, signed out,
 * gets level 2 for a child who is often hungry, and the answer lists the demo directory's published
 * services that meet basic care at level 2; choosing the family's postcode district puts the nearest
 * first, by keyboard alone and again without JavaScript. axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../infra/seed/demo-services.ts';
import { SERVICES_LISTED } from '../../shared/guidance/checker-services.ts';
import { axeViolations, focused, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const HUNGRY = 'basic-care-often-hungry';
const DISTRICT = 'NS5';

/** The demo entries the answer may list: published, meeting basic care, at level 2. */
const MATCHING = DEMO_SERVICES.filter(
  (s) => s.status === 'published' && s.fields.needs.includes('basic-care') && s.fields.levels.includes(2),
).map((s) => s.fields.name);

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

async function listedNames(on: Page): Promise<string[]> {
  return (await on.locator('#services-list h3').allTextContents()).map(squash);
}

/** The kilometres each listed service gives, in order ("In the family's district" is 0). */
async function listedDistances(on: Page): Promise<number[]> {
  const facts = await on.locator('#services-list > li').allTextContents();
  return facts.map((text) => {
    if (text.includes('In the family’s district')) return 0;
    const km = /About (\d+(?:\.\d+)?) km away/.exec(text)?.[1];
    if (!km) throw new Error(`No distance in: ${squash(text)}`);
    return Number(km);
  });
}

describe("the checker's answer names local services", () => {
  it('lists the services meeting the need at level 2, then the nearest first for the district, by keyboard', async () => {
    expect(MATCHING.length).toBeGreaterThan(1);
    await page.goto(`${live.portal.url}/check/answer/?indicators=${HUNGRY}`);
    const heading = page.getByRole('heading', { level: 2, name: 'Local services that can help' });
    await heading.waitFor();
    const anywhere = await listedNames(page);
    expect(anywhere.length).toBe(Math.min(SERVICES_LISTED, MATCHING.length));
    for (const name of anywhere) expect(MATCHING).toContain(name);
    // Each says how to get in and why it matches; all are demo entries, marked so.
    const first = page.locator('#services-list > li').first();
    expect(squash(await first.textContent())).toMatch(/How to get in.*Why it matches.*Basic care/);
    expect(await page.locator('#services-list .govuk-tag', { hasText: 'Illustrative' }).count()).toBe(
      anywhere.length,
    );
    expect(await page.getByRole('link', { name: 'Find more services' }).getAttribute('href')).toBe(
      '/services/?need=basic-care&level=2',
    );
    expect(await axeViolations(page)).toEqual([]);

    // Tab to the district, choose it by typing, Tab to the button and press Enter.
    await tabTo(page, (el) => el.id === 'district');
    await page.keyboard.type(DISTRICT);
    await tabTo(page, (el) => el.text === 'Show services near the family');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/check/answer/?indicators=${HUNGRY}&district=${DISTRICT}`);
    expect(await page.locator('#district').inputValue()).toBe(DISTRICT);
    const distances = await listedDistances(page);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(squash(await page.locator('#services-list').locator('..').textContent())).toContain('nearest NS5');
    expect(await axeViolations(page)).toEqual([]);

    // The first service's name opens its entry.
    const [nearest] = await listedNames(page);
    await tabTo(page, (el) => el.tag === 'a' && el.text === nearest);
    expect((await focused(page)).text).toBe(nearest);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services/service/**');
    expect(squash(await page.getByRole('heading', { level: 1 }).textContent())).toContain(nearest ?? '');
    // She reads how to refer, in the entry's own words.
    const entry = DEMO_SERVICES.find((s) => s.fields.name === nearest);
    const main = squash(await page.locator('main').textContent());
    expect(main).toContain('How to refer');
    expect(main).toContain(squash(entry?.fields.contact.howToRefer ?? 'missing'));
  });

  it('works without JavaScript: the district form is a plain GET that keeps the chosen indicators', async () => {
    const plain = await live.browser.newContext({ javaScriptEnabled: false });
    try {
      const nojs = await plain.newPage();
      await nojs.goto(`${live.portal.url}/check/answer/?indicators=${HUNGRY}`);
      expect((await listedNames(nojs)).length).toBeGreaterThan(0);
      await nojs.getByLabel('Postcode district (optional)').selectOption(DISTRICT);
      await nojs.getByRole('button', { name: 'Show services near the family' }).click();
      await nojs.waitForURL(`**/check/answer/?indicators=${HUNGRY}&district=${DISTRICT}`);
      const distances = await listedDistances(nojs);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const name of await listedNames(nojs)) expect(MATCHING).toContain(name);
    } finally {
      await plain.close();
    }
  });
});
