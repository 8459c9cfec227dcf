/**
 * Journey 8's "adds a new academy trust as an agency": Sam signs in by keyboard alone, adds,
 * renames and deactivates an agency, and meets the error summary and the "someone else changed
 * this" message; a referrer sees the directory but cannot change it.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/directory/schema.ts';
import { axeViolations, chooseDemoUserByKeyboard, focused, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';

const live = portalAndChromium();
let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

/** The agency's row in the directory table. */
const row = (name: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name }) });

describe('the agency directory, as the system owner', () => {
  it('signs in, adds, renames and deactivates an agency by keyboard alone', async () => {
    // Signed out, the directory asks you to sign in and brings you back.
    await page.goto(`${live.portal.url}/agencies/`);
    await page.getByText('Sign in to see it.').waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Sign in' && el.id === '' && el.name === '');
    const signInHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    // The header's "Sign in" and the page's button go to the same place; either is fine.
    expect(signInHref).toBe('/sign-in/?returnTo=%2Fagencies%2F');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in/?returnTo=%2Fagencies%2F');

    // The sign-in page: radios of demo users, chosen with the arrow keys.
    await page.getByRole('radio', { name: 'Sam Patel' }).waitFor();
    expect(await page.title()).toBe(`Sign in – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);
    await chooseDemoUserByKeyboard(page, 'sam');

    // Back on the directory, signed in.
    await page.waitForURL('**/agencies/');
    await page.getByRole('table').waitFor();
    // The header fills in from /api/me on its own time, which may be after the table.
    await expect
      .poll(() => page.locator('#app-account').textContent(), { timeout: 15_000 })
      .toContain('Signed in as Sam Patel (Northshire County Council)');
    expect(await row('Brookfield Primary School').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Add an agency' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Adding with no name: the error summary names the field and takes focus; its link goes to the field.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add agency');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Enter the agency name');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    expect(await page.title()).toBe(`Error: Partner agencies – ${SERVICE}`);
    expect(await page.locator('#agency-name-error').textContent()).toContain('Enter the agency name');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Enter the agency name');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('agency-name');

    // Adding Oakfield Academy Trust, a school.
    await page.keyboard.type('Oakfield Academy Trust');
    await tabTo(page, (el) => el.name === 'kind');
    for (let i = 0; i < 10 && (await focused(page)).value !== 'school'; i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ value: 'school', checked: true });
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add agency');
    await page.keyboard.press('Enter');
    await page.getByText('Oakfield Academy Trust has been added to the directory.').waitFor();
    await row('Oakfield Academy Trust').waitFor();
    expect(await row('Oakfield Academy Trust').textContent()).toContain('School or setting');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    expect(await page.title()).toBe(`Partner agencies – ${SERVICE}`);

    // Renaming it.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Change Oakfield Academy Trust');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Oakfield Academy Trust' }).waitFor();
    expect(page.url()).toContain('/agencies/?edit=');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.id === 'rename-name');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Oakfield Academy Trust (North)');
    await page.keyboard.press('Enter');
    await page.getByText('Oakfield Academy Trust is now called Oakfield Academy Trust (North).').waitFor();
    await row('Oakfield Academy Trust (North)').waitFor();

    // Deactivating it: it stays in the directory, marked deactivated.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Change Oakfield Academy Trust (North)');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Oakfield Academy Trust (North)' }).waitFor();
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Deactivate agency');
    await page.keyboard.press('Enter');
    await page
      .getByText('Oakfield Academy Trust (North) has been deactivated. Nothing was deleted.')
      .waitFor();
    expect(await row('Oakfield Academy Trust (North)').textContent()).toContain('Deactivated');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says so, and shows the current record, when someone else changed the agency first', async () => {
    await page.goto(`${live.portal.url}/sign-in/?returnTo=%2Fagencies%2F`);
    await page.getByRole('radio', { name: 'Sam Patel' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Change Harbour Family Support' }).click();
    await page.getByRole('heading', { level: 1, name: 'Harbour Family Support' }).waitFor();

    // Meanwhile, another admin renames it.
    const session = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('portal.session'))) ?? '{}',
    ) as {
      token: string;
    };
    const headers = { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' };
    const list = (await (await fetch(`${live.portal.url}/api/agencies?limit=100`, { headers })).json()) as {
      items: Agency[];
    };
    const harbour = list.items.find((a) => a.name === 'Harbour Family Support');
    const changed = await fetch(`${live.portal.url}/api/agencies/${harbour?.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': `"${harbour?.version}"` },
      body: JSON.stringify({ name: 'Harbour Family Support CIC' }),
    });
    expect(changed.status).toBe(200);

    await page.getByLabel('New name').fill('Harbour Families');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Someone else changed this agency while you were looking at it.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Harbour Family Support CIC');
    expect(await page.getByLabel('New name').inputValue()).toBe('Harbour Family Support CIC');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('an agency’s safeguarding mailbox, as the system owner', () => {
  it('sets it by keyboard, is told when it is not an address, and removes it', async () => {
    await page.goto(`${live.portal.url}/sign-in/?returnTo=%2Fagencies%2F`);
    await page.getByRole('radio', { name: 'Sam Patel' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Change Brookfield Primary School' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brookfield Primary School' }).waitFor();
    const mailboxRow = page.locator('.govuk-summary-list__row', { hasText: 'Safeguarding mailbox' });
    expect(await mailboxRow.textContent()).toContain('Not set');

    // Not an address: the summary names the problem and its link goes to the box.
    await tabTo(page, (el) => el.id === 'mailbox-email');
    await page.keyboard.type('safeguarding at brookfield');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Enter an email address, like safeguarding@school.example.org',
    );
    expect(await page.locator('#mailbox-email-error').textContent()).toContain('Enter an email address');
    await expect.poll(() => page.title()).toBe(`Error: Change Brookfield Primary School – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Enter an email address'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('mailbox-email');

    // A team address: saved, said, and shown on the agency.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('safeguarding@brookfield.example.org');
    await page.keyboard.press('Enter');
    await page
      .getByText(
        'Brookfield Primary School’s notifications will be emailed to safeguarding@brookfield.example.org.',
      )
      .waitFor();
    await page.getByRole('link', { name: 'Change Brookfield Primary School' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brookfield Primary School' }).waitFor();
    expect(await mailboxRow.textContent()).toContain('safeguarding@brookfield.example.org');
    expect(await page.getByLabel('Email address').inputValue()).toBe('safeguarding@brookfield.example.org');

    // Emptied and saved: removed, and the notifications stay in the portal.
    await page.getByLabel('Email address').fill('');
    await page.getByRole('button', { name: 'Save mailbox' }).click();
    await page
      .getByText('Brookfield Primary School no longer has a safeguarding mailbox.', { exact: false })
      .waitFor();
    await page.getByRole('link', { name: 'Change Brookfield Primary School' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brookfield Primary School' }).waitFor();
    expect(await mailboxRow.textContent()).toContain('Not set');
  });
});

describe('the agency directory, as a referrer', () => {
  it('lists the agencies, marks their own, and offers no changes', async () => {
    await page.goto(`${live.portal.url}/sign-in/?returnTo=%2Fagencies%2F`);
    await page.getByRole('radio', { name: 'Amira Haddad' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/agencies/');
    await page.getByRole('table').waitFor();

    expect(await row('Northshire Police').count()).toBe(1);
    expect(await row('Brookfield Primary School').textContent()).toContain('(your agency)');
    expect(await page.getByRole('heading', { name: 'Add an agency' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    expect(await page.locator('input').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Signing out forgets the token.
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();
  });
});
