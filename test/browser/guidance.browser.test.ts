/**
 * Journey 1's first step, as a school sees it: the published threshold guidance, without signing
 * in, by keyboard, with no accessibility violations axe can find.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { axeViolations, focused, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

describe('the threshold guidance, signed out', () => {
  it('shows the published version, its four levels and their indicators', async () => {
    const published = (await (await fetch(`${live.portal.url}/api/guidance`)).json()) as GuidanceVersion;
    const response = await page.goto(`${live.portal.url}/guidance/`);
    expect(response?.status()).toBe(200);

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain(illustrativeFramework.title);
    expect(await page.title()).toBe(`Threshold guidance – ${SERVICE}`);
    expect(await page.locator('.govuk-summary-list__row', { hasText: 'Version' }).textContent()).toContain(
      String(published.version),
    );
    if (published.effectiveFrom) {
      const [y, m, d] = published.effectiveFrom.split('-').map(Number) as [number, number, number];
      const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
        Date.UTC(y, m - 1, d),
      );
      expect(
        await page.locator('.govuk-summary-list__row', { hasText: 'In effect from' }).textContent(),
      ).toContain(expected);
    }
    // The notice that the seed guidance is illustrative.
    await expect
      .poll(() => page.locator('.govuk-warning-text').textContent())
      .toContain('Illustrative guidance');

    for (const level of illustrativeFramework.levels) {
      const section = page.locator(`#level-${level.level}`);
      const heading = section.getByRole('heading', { level: 2, name: level.name });
      expect((await heading.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
        `Level ${level.level}: ${level.name}`,
      );
      expect(await section.locator('.govuk-tag').first().getAttribute('class')).toContain(
        `govuk-tag--${level.colour}`,
      );
      expect(await section.textContent()).toContain(level.response.doNow);
    }

    // An indicator is on the page, inside its level's closed details, and shows when opened.
    const hungry = illustrativeFramework.indicators.find((i) => i.id === 'basic-care-often-hungry');
    expect(hungry?.level).toBe(2);
    const indicator = page.getByText(hungry?.text ?? '', { exact: true });
    expect(await indicator.count()).toBe(1);
    expect(await indicator.isVisible()).toBe(false);
    await page.locator('#level-2 summary').click();
    expect(await indicator.isVisible()).toBe(true);
    // Grouped under its domain and sub-domain.
    const details = page.locator('#level-2 details');
    expect(await details.getByRole('heading', { level: 3, name: 'Parenting capacity' }).count()).toBe(1);
    expect(await details.getByRole('heading', { level: 4, name: 'Basic care and food' }).count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
  });

  it('can be read and opened by keyboard alone', async () => {
    await page.goto(`${live.portal.url}/guidance/`);
    await page.locator('#level-1 h2').waitFor();

    // The first Tab reaches the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main-content');

    // The search box comes first in the content; then the contents list of levels.
    await tabTo(page, (el) => el.id === 'guidance-q', { max: 3 });
    const first = illustrativeFramework.levels[0];
    await tabTo(page, (el) => el.text === `Level 1: ${first?.name}`, { max: 10 });

    // Tab on to level 3's indicators and open them with Enter.
    await tabTo(page, (el) => el.tag === 'summary' && el.text.startsWith('Indicators at level 3'));
    await page.keyboard.press('Enter');
    const level3 = illustrativeFramework.indicators.find((i) => i.level === 3);
    expect(await page.getByText(level3?.text ?? '', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('#level-3 details').getAttribute('open')).not.toBeNull();
  });
});

describe('the home and not-found pages', () => {
  it('say what the portal is for and link to the guidance and sign-in', async () => {
    await page.goto(`${live.portal.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Read the threshold guidance' }).getAttribute('href')).toBe(
      '/guidance/',
    );
    expect(await page.getByRole('link', { name: 'Sign in to the portal' }).getAttribute('href')).toBe(
      '/sign-in/',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('body').getAttribute('class')).toContain('govuk-frontend-supported');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('answers an unknown address with the not-found page', async () => {
    const response = await page.goto(`${live.portal.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.title()).toBe(`Page not found – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the accessibility statement', () => {
  it('is linked from the footer of every kind of page, and reached and read by keyboard', async () => {
    // Built pages, a page that loads as you go and the pages the functions render on the server.
    for (const path of ['/', '/sign-in/', '/guidance/', '/check/', '/services/', '/no-such-page/']) {
      await page.goto(`${live.portal.url}${path}`);
      expect(
        await page.locator('footer a', { hasText: 'Accessibility statement' }).getAttribute('href'),
        path,
      ).toBe('/accessibility/');
    }
    await page.goto(`${live.portal.url}/`);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Accessibility statement', { max: 200 });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/accessibility/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Accessibility statement for the Northshire Safeguarding Partnership portal',
    );
    expect(await page.title()).toBe(`Accessibility statement – ${SERVICE}`);
    for (const heading of [
      'How accessible this website is',
      'Enforcement procedure',
      'Non-accessible content',
    ])
      expect(await page.getByRole('heading', { level: 2, name: heading }).count(), heading).toBe(1);
    expect(await page.locator('main').textContent()).toContain('partially compliant');
    expect(await axeViolations(page)).toEqual([]);
  });
});
