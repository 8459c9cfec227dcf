/**
 * The guidance's specific routes as a school reads them, signed out: the routes page lists the five
 * with their contacts (axe clean), and the checker, walked by keyboard alone, says that an allegation
 * against a member of staff also needs the LADO route and links to it; the same without JavaScript.
 * In the editor, a draft shows its routes and keeps them when an indicator they name is removed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import { searchIndicators } from '../../shared/guidance/check.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { axeViolations, focused, readable, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';
const ALLEGATION = 'safety-allegation-against-adult-working-with-children';
const routes = illustrativeFramework.routes ?? [];

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

describe('the specific routes page', () => {
  it('is linked from the guidance’s contents and lists the five, each with its contact and timescale', async () => {
    await page.goto(`${live.portal.url}/guidance/`);
    await page.getByRole('link', { name: 'Specific routes' }).first().click();
    await page.waitForURL('**/guidance/?view=routes');
    expect(await page.title()).toBe(`Specific routes – Threshold guidance – ${SERVICE}`);
    expect(squash(await page.locator('#specific-routes').textContent())).toBe('Specific routes');

    expect(routes).toHaveLength(5);
    for (const route of routes) {
      const section = page.locator(`#route-${route.id}`);
      expect(squash(await section.getByRole('heading', { level: 2 }).textContent())).toBe(route.title);
      const text = await readable(section);
      expect(text).toContain(squash(route.timescale));
      expect(text).toContain(route.contact.name);
      // Who to contact is a summary list whose number and address a phone can follow.
      const contact = section.locator('.app-route__contact');
      expect(
        await contact.getByRole('link', { name: route.contact.phone, exact: true }).getAttribute('href'),
      ).toBe(`tel:${route.contact.phone.replace(/\s/g, '')}`);
      if (route.contact.email)
        expect(await contact.getByRole('link', { name: route.contact.email }).getAttribute('href')).toBe(
          `mailto:${route.contact.email}`,
        );
      // The timescale is GOV.UK warning text.
      expect(await section.locator('.govuk-warning-text').textContent()).toContain(route.timescale);
    }
    const names = squash(await page.locator('main').textContent());
    for (const words of ['LADO', 'FGM', 'Prevent', 'Private fostering', 'Operation Encompass'])
      expect(names).toContain(words);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is found by the guidance search', async () => {
    await page.goto(`${live.portal.url}/guidance/`);
    await page.getByLabel('Search the indicators').fill('Operation Encompass');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/guidance/?q=Operation+Encompass');
    const link = page.locator('.app-results a[href$="#route-operation-encompass"]');
    expect(await link.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the checker with an allegation against a member of staff', () => {
  it('shows the LADO route in the answer and links to it, by keyboard alone', async () => {
    const [first] = searchIndicators(illustrativeFramework, 'LADO');
    expect(first?.id).toBe(ALLEGATION);

    await page.goto(`${live.portal.url}/check/`);
    await page.locator('#search-q').waitFor();
    await tabTo(page, (el) => el.id === 'search-q');
    await page.keyboard.type('LADO');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('results-heading');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe(`indicator-${ALLEGATION}`);
    await page.keyboard.press('Space');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'See the suggested level');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/check/answer/?indicators=${ALLEGATION}`);

    const answer = page.locator('#answer-routes');
    expect(squash(await answer.getByRole('heading', { level: 2 }).textContent())).toBe(
      'This also needs a specific route',
    );
    const text = await readable(answer);
    expect(text).toContain('Allegations against people who work with children (LADO)');
    expect(text).toContain('Tell the LADO within one working day');
    expect(text).toContain('Instead of a referral to the Front Door');
    // The route comes before what the level says to do.
    const main = await readable(page.locator('main'));
    expect(main.indexOf('This also needs a specific route')).toBeLessThan(main.indexOf('What to do now'));
    expect(await axeViolations(page)).toEqual([]);

    // Its link opens the route's own section.
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Allegations against people who work'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/guidance/?view=routes#route-allegations-lado');
    await expect.poll(() => page.locator('#route-allegations-lado h2').isVisible()).toBe(true);
  });
});

describe('without JavaScript', () => {
  let plain: BrowserContext;
  let nojs: Page;
  beforeEach(async () => {
    await plain?.close();
    plain = await live.browser.newContext({ javaScriptEnabled: false });
    nojs = await plain.newPage();
  });
  afterAll(async () => plain?.close());

  it('the plain form gives the same answer with the LADO route', async () => {
    await nojs.goto(`${live.portal.url}/check/?q=LADO`);
    await nojs.locator(`#indicator-${ALLEGATION}`).check();
    await nojs.locator('#indicator-choices').getByRole('button', { name: 'See the suggested level' }).click();
    await nojs.waitForURL('**/check/answer/**');
    const text = await readable(nojs.locator('#answer-routes'));
    expect(text).toContain('This also needs a specific route');
    expect(text).toContain('Tell the LADO within one working day');
    expect(
      await nojs
        .getByRole('link', { name: 'Allegations against people who work with children (LADO)' })
        .getAttribute('href'),
    ).toBe('/guidance/?view=routes#route-allegations-lado');

    await nojs.goto(`${live.portal.url}/guidance/?view=routes`);
    expect(await nojs.locator('.app-route').count()).toBe(5);
  });
});

describe('the guidance editor', () => {
  it('shows the draft’s routes, and removing an indicator a route names keeps the route', async () => {
    const started = await live.fetchAs('tom', '/api/guidance/versions', { method: 'POST', body: '{}' });
    expect(started.status).toBe(201);
    const draft = (await started.json()) as GuidanceVersion;
    const editor = await live.signedInPage('tom');

    await editor.goto(
      `${live.portal.url}/guidance/edit/draft/?v=${draft.version}&remove=community-extremist-views`,
    );
    await editor.getByRole('heading', { level: 1, name: 'Remove this indicator?' }).waitFor();
    expect(await readable(editor.locator('main'))).toContain(
      'It will also no longer bring up the specific route Prevent: a child being drawn into terrorism or extremism in the checker.',
    );
    await editor.getByRole('button', { name: 'Yes, remove it' }).click();
    await editor.locator('.govuk-notification-banner--success', { hasText: 'Removed:' }).waitFor();

    // The overview lists the five routes, each still there.
    expect(await editor.locator('#draft-routes ~ .govuk-summary-card').count()).toBe(5);
    const prevent = editor.locator('.govuk-summary-card', { hasText: 'Prevent: a child being drawn' });
    expect(
      await prevent.locator('.govuk-summary-list__row', { hasText: 'Brought up by' }).locator('li').count(),
    ).toBe(1);
    expect(await axeViolations(editor)).toEqual([]);

    const saved = (await (
      await live.fetchAs('tom', `/api/guidance/versions/${draft.version}`)
    ).json()) as GuidanceVersion;
    expect(saved.framework.routes?.map((r) => r.id)).toEqual(routes.map((r) => r.id));
    expect(saved.framework.routes?.find((r) => r.id === 'prevent')?.indicatorIds).toEqual([
      'community-radicalisation-serious',
    ]);
  });
});
