/**
 * A referrer whose agency the system owner deactivates, while she is signed in, is told on her next
 * page what happened and what to do, and the header no longer says she is signed in.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/directory/schema.ts';
import { axeViolations, readable } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';

// Standing is not remembered here, so the page meets the deactivation at once rather than
// within the bound (the bound itself is proved in test/api/access-lifecycle.api.test.ts).
const live = portalAndChromium({ standingMaxAgeMs: 0 });
let page: Page;

beforeAll(async () => {
  page = await live.newPage();
});

const asSam = (path: string, init: RequestInit = {}) => live.fetchAs('sam', path, init);

describe('a signed-in referrer whose agency is deactivated', () => {
  it('is told her agency no longer has access, and what to do, instead of an error', async () => {
    await page.goto(`${live.portal.url}/sign-in/?returnTo=%2Freferrals%2F`);
    await page.getByRole('radio', { name: 'Nadia Rahman' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/referrals/');
    await page.getByRole('heading', { level: 1, name: 'Your referrals' }).waitFor();
    // The header fills in from /api/me on its own time, which may be after the page's heading.
    await expect
      .poll(() => page.locator('#app-account').textContent(), { timeout: 15_000 })
      .toContain('Signed in as Nadia Rahman');

    // Meanwhile the system owner deactivates Northshire Academy.
    const academy = (await (await asSam('/api/agencies/northshire-academy')).json()) as Agency;
    const changed = await asSam('/api/agencies/northshire-academy', {
      method: 'PATCH',
      headers: { 'if-match': `"${academy.version}"` },
      body: JSON.stringify({ active: false }),
    });
    expect(changed.status).toBe(200);

    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Your agency no longer has access to the portal' })
      .waitFor();
    const main = await readable(page.locator('#app'));
    expect(main).toContain('Ask your safeguarding lead, or contact the partnership.');
    expect(main).toContain('Nothing your agency sent has been deleted');
    expect(main).not.toContain('Sorry, there is a problem with the service');
    expect(await page.title()).toBe(`Your agency no longer has access to the portal – ${SERVICE}`);
    const account = await readable(page.locator('#app-account'));
    expect(account).not.toContain('Signed in as');
    expect(account).toContain('Sign out');
    expect(await axeViolations(page)).toEqual([]);

    // The way out still works.
    await page.locator('#app-account').getByRole('link', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();

    // Signing in again is refused, and the sign-in page says why rather than "try again".
    await page.goto(`${live.portal.url}/sign-in/`);
    await page.getByRole('radio', { name: 'Nadia Rahman' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const banner = page.locator('.govuk-notification-banner__heading');
    await banner.waitFor();
    expect(await readable(banner)).not.toContain('Try again');
    expect(await readable(banner)).toMatch(/agency/i);
    expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });
});
