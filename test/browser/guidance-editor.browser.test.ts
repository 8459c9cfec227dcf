/**
 * Journey 7, "Change the guidance": Tom, a guidance editor, starts a draft, moves "Frequent shouting
 * or verbal aggression at home" from level 2 to level 3 and sees it in the comparison; he cannot
 * approve his own draft, so Femi, the second editor, approves it by keyboard; then Tom publishes it
 * with a change summary and an effective date (the publish form by keyboard alone). Then the public
 * guidance shows version 2 and its summary, and the checker answers level 3 for hungry + shouting.
 * Also: a stale save gets "Someone else changed this draft"; other roles cannot edit.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { illustrativeFramework } from '../../infra/seed/guidance-framework.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { axeViolations, focused, readable, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';
const SHOUTING = 'family-frequent-shouting';
const HUNGRY = 'basic-care-often-hungry';
const SUMMARY = 'Frequent shouting at home moves to level 3: partners told us it rarely stands alone.';

const shouting = illustrativeFramework.indicators.find((i) => i.id === SHOUTING);

const live = portalAndChromium();

/** Signs in on the sign-in page as a demo user, and comes back to `returnTo`. */
async function signIn(page: Page, name: string, returnTo: string): Promise<void> {
  await page.goto(`${live.portal.url}/sign-in/?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`**${returnTo}`);
}

let page: Page;

beforeEach(async () => {
  page = await live.freshPage();
});

describe('changing the guidance, as a guidance editor', () => {
  it('drafts, moves an indicator from level 2 to 3, compares; a second editor approves; publishes; the public sees version 2', async () => {
    expect(shouting?.level).toBe(2);

    // Signed out, the editor asks you to sign in.
    await page.goto(`${live.portal.url}/guidance/edit/`);
    await page.getByText('Sign in to edit it.', { exact: false }).waitFor();
    await signIn(page, 'Tom Ashworth', '/guidance/edit/');

    // The versions, and a way to start a draft.
    await page.getByRole('heading', { level: 1, name: 'Edit the threshold guidance' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.title()).toBe(`Edit the threshold guidance – ${SERVICE}`);
    expect(await readable(page.locator('tbody tr').first())).toContain('Version 1 Current');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start a new draft' }).click();

    // The draft: a copy of version 1, at revision 1.
    await page.waitForURL('**/guidance/edit/draft/?v=2');
    await page.getByText('Draft version 2 started').waitFor();
    expect(squash(await page.getByRole('heading', { level: 1 }).textContent())).toBe('Draft version 2');
    expect(await page.locator('#draft-revision').textContent()).toBe('1');
    expect(await page.locator('.app-indicator-table tbody tr').count()).toBe(
      illustrativeFramework.indicators.length,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Find the indicator and change its level.
    await page.locator('#find-q').fill('shouting');
    await page.locator('#find-q').press('Enter');
    await page.waitForURL('**/guidance/edit/draft/?v=2&q=shouting');
    await expect.poll(() => page.locator('.app-indicator-table tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: `Change ${shouting?.text}` }).click();
    await page.waitForURL(`**/guidance/edit/draft/?v=2&indicator=${SHOUTING}`);
    await page.getByRole('heading', { level: 1, name: 'Change an indicator' }).waitFor();
    expect(await page.locator('#indicator-text').inputValue()).toBe(shouting?.text);
    expect(await page.locator('#indicator-level').inputValue()).toBe('2');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#indicator-level').selectOption('3');
    await page.getByRole('button', { name: 'Save changes' }).click();

    // Saved: back on the draft, with the new revision.
    await page.waitForURL('**/guidance/edit/draft/?v=2');
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    expect(squash(await banner.textContent())).toContain('Saved. Draft version 2 is now at revision 2.');
    expect(squash(await banner.textContent())).toContain('It moved from level 2 to level 3.');
    expect(await page.locator('#draft-revision').textContent()).toBe('2');

    // The comparison with the current version shows the move.
    await page.getByRole('link', { name: 'Compare with the current version' }).click();
    await page.waitForURL('**/guidance/edit/compare/?v=2');
    const moved = page.locator('table.app-changes');
    await moved.waitFor();
    expect(squash(await moved.locator('caption').textContent())).toBe('Moved to another level (1)');
    const row = squash(await moved.locator('tbody tr').textContent());
    expect(row).toContain(shouting?.text);
    expect(row).toMatch(/Level 2.*Level 3/);
    expect(await page.locator('main').textContent()).toContain('1 indicator moved level');
    expect(await page.getByRole('link', { name: 'Publish version 2' }).count()).toBe(0);
    expect(squash(await page.locator('#publish-waits').textContent())).toContain(
      'Version 2 can be published once a second guidance editor has approved it.',
    );
    expect(await axeViolations(page)).toEqual([]);

    // Tom drafted it, so he is told a second editor must approve it, and is offered no approving or publishing.
    await page.getByRole('link', { name: 'Keep editing' }).click();
    await page.waitForURL('**/guidance/edit/draft/?v=2');
    expect(await page.locator('#draft-approval').textContent()).toBe(
      'Waiting for approval by a second editor',
    );
    expect(squash(await page.locator('#sign-off').textContent())).toContain(
      'You started or changed this draft, so a second guidance editor must approve it',
    );
    expect(await page.getByRole('button', { name: 'Approve this version' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Publish this version' }).count()).toBe(0);

    // Femi, the second editor, approves it by keyboard alone, in a session of her own.
    const femi = await live.signedInPage('femi');
    await femi.goto(`${live.portal.url}/guidance/edit/draft/?v=2`);
    await femi.locator('#draft-approval').waitFor();
    expect(await femi.locator('#draft-approval').textContent()).toBe(
      'Waiting for approval by a second editor',
    );
    expect(squash(await femi.locator('.govuk-warning-text').textContent())).toContain(
      'Approving means you have read this version and agree it can be published as it stands.',
    );
    expect(await axeViolations(femi)).toEqual([]);
    await tabTo(femi, (el) => el.tag === 'button' && el.text === 'Approve this version');
    await femi.keyboard.press('Enter');
    await femi.locator('.govuk-notification-banner--success', { hasText: 'Version 2 approved' }).waitFor();
    expect(await femi.locator('#draft-approval').textContent()).toMatch(/^Approved by Femi Adeyemi on \d/);
    expect(await femi.getByRole('button', { name: 'Approve this version' }).count()).toBe(0);
    expect(await axeViolations(femi)).toEqual([]);

    // Tom, on reloading, sees the approval and may publish.
    await page.reload();
    await page.locator('#draft-approval').waitFor();
    expect(await page.locator('#draft-approval').textContent()).toMatch(/^Approved by Femi Adeyemi on \d/);

    // Publish, by keyboard alone. An empty form first: the error summary takes focus.
    await page.getByRole('link', { name: 'Publish this version' }).click();
    await page.waitForURL('**/guidance/edit/publish/?v=2');
    await page.locator('#change-summary').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Publish version 2');
    await page.keyboard.press('Enter');
    const errors = page.locator('.govuk-error-summary');
    await errors.waitFor();
    await expect.poll(async () => (await focused(page)).classes).toContain('govuk-error-summary');
    expect(await errors.getByRole('link').allTextContents()).toEqual([
      'Enter a summary of what changed',
      'Enter the date it takes effect',
    ]);
    expect(await page.title()).toBe(`Error: Publish version 2 – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);
    // The first error's link moves focus to its field.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Enter a summary of what changed');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('change-summary');
    await page.keyboard.type(SUMMARY);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('effective-from-day');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('effective-from-year');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Publish version 2');
    await page.keyboard.press('Enter');

    // Confirmation.
    const panel = page.locator('.govuk-panel--confirmation');
    await panel.waitFor();
    expect(squash(await panel.locator('h1').textContent())).toBe('Version 2 published');
    expect(await readable(panel)).toContain('In effect from 1 September 2026');
    expect(await page.title()).toBe(`Version 2 published – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);

    // The public, signed out, in a fresh browser: the guidance is version 2, with its summary.
    const publicContext = await live.browser.newContext();
    try {
      const pub = await publicContext.newPage();
      await pub.goto(`${live.portal.url}/guidance/`);
      await pub.locator('#level-1').waitFor();
      expect(await readable(pub.locator('.govuk-summary-list__row', { hasText: 'Version' }))).toBe(
        'Version 2',
      );
      expect(await readable(pub.locator('.govuk-summary-list__row', { hasText: 'In effect from' }))).toBe(
        'In effect from 1 September 2026',
      );
      expect(squash(await pub.locator('.govuk-inset-text').textContent())).toContain(SUMMARY);
      // The indicator is now among level 3's.
      expect(await pub.locator('#level-3 details').textContent()).toContain(shouting?.text);
      expect(await pub.locator('#level-2 details').textContent()).not.toContain(shouting?.text);

      // What changed, for anyone.
      await pub.getByRole('link', { name: 'See exactly what changed in version 2' }).click();
      await pub.waitForURL('**/guidance/version/?v=2');
      await pub.locator('table.app-changes').waitFor();
      expect(await readable(pub.locator('.govuk-summary-list__row', { hasText: 'Approved' }))).toMatch(
        /^Approved \d{1,2} \w+ \d{4} by Femi Adeyemi, the second guidance editor$/,
      );
      expect(squash(await pub.locator('table.app-changes tbody').textContent())).toContain(shouting?.text);

      // The checker: hungry + shouting now answers level 3, against version 2.
      await pub.goto(`${live.portal.url}/check/`);
      await pub.locator('#search-q').fill('hungry');
      await pub.locator('#search-q').press('Enter');
      await pub.locator(`#indicator-${HUNGRY}`).check();
      await pub.locator('#search-q').fill('shouting');
      await pub.locator('#search-q').press('Enter');
      await pub.locator(`#indicator-${SHOUTING}`).check();
      await pub.getByRole('button', { name: 'See the suggested level' }).click();
      await pub.waitForURL(`**/check/answer/?indicators=${HUNGRY},${SHOUTING}`);
      const level3 = illustrativeFramework.levels.find((l) => l.level === 3);
      const h1 = pub.getByRole('heading', { level: 1 });
      await expect
        .poll(async () => squash(await h1.textContent()))
        .toBe(`Suggested level: Level 3: ${level3?.name}`);
      expect(await pub.locator('main').textContent()).toContain(
        'This answer uses version 2 of the threshold guidance, in effect from 1 September 2026.',
      );
    } finally {
      await publicContext.close();
    }
  });

  it('says "Someone else changed this draft" when the draft changed after it was opened', async () => {
    await signIn(page, 'Tom Ashworth', '/guidance/edit/');
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.waitForURL(/\/guidance\/edit\/draft\/\?v=\d+$/);
    const version = Number(new URL(page.url()).searchParams.get('v'));
    await page.goto(`${live.portal.url}/guidance/edit/draft/?v=${version}&indicator=${HUNGRY}`);
    await page.locator('#indicator-text').waitFor();

    // Meanwhile, someone else saves the draft.
    const token = await live.token('tom');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const draft = (await (
      await fetch(`${live.portal.url}/api/guidance/versions/${version}`, { headers })
    ).json()) as GuidanceVersion;
    const saved = await fetch(`${live.portal.url}/api/guidance/versions/${version}`, {
      method: 'PUT',
      headers: { ...headers, 'if-match': `"${draft.revision}"` },
      body: JSON.stringify({ framework: draft.framework, changeSummary: 'Someone else was here' }),
    });
    expect(saved.status).toBe(200);

    await page.locator('#indicator-text').fill('Child is often hungry.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.locator('.govuk-notification-banner', {
      hasText: 'Someone else changed this draft',
    });
    await conflict.waitFor();
    await expect.poll(async () => (await focused(page)).classes).toContain('govuk-notification-banner');
    expect(await conflict.getByRole('link', { name: 'Reload the draft' }).getAttribute('href')).toBe(
      page.url(),
    );
    expect(await axeViolations(page)).toEqual([]);

    // Reloading shows the draft as it is now; nothing was overwritten.
    await conflict.getByRole('link', { name: 'Reload the draft' }).click();
    await page.locator('#indicator-text').waitFor();
    expect(await page.locator('#indicator-text').inputValue()).not.toBe('Child is often hungry.');
  });

  it('adds and removes an indicator in a draft', async () => {
    await signIn(page, 'Tom Ashworth', '/guidance/edit/');
    await page.getByRole('table').waitFor();
    const draftLink = page.getByRole('link', { name: /^Continue editing draft version \d+$/ });
    if ((await draftLink.count()) > 0) await draftLink.click();
    else await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.getByRole('link', { name: 'Add an indicator' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an indicator' }).waitFor();

    // Nothing filled in: each field says what is missing.
    await page.getByRole('button', { name: 'Add indicator' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Enter what the indicator says',
      'Choose the level of need',
      'Choose the area of need',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    const text = 'Child regularly arrives at school too tired to learn because of late-night gaming.';
    await page.locator('#indicator-text').fill(text);
    await page.locator('#indicator-level').selectOption('2');
    await page.locator('#indicator-sub-domain').selectOption('guidance-boundaries');
    await page.locator('#indicator-search-words').fill('tired\ngaming\nsleep');
    await page.getByRole('button', { name: 'Add indicator' }).click();
    await page.locator('.govuk-notification-banner--success', { hasText: `Added: “${text}”` }).waitFor();

    await page.getByRole('link', { name: `Change ${text}` }).click();
    await page.getByRole('link', { name: 'Remove this indicator' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remove this indicator?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.locator('.govuk-notification-banner--success', { hasText: `Removed: “${text}”` }).waitFor();
    expect(await page.getByRole('link', { name: `Change ${text}` }).count()).toBe(0);
  });
});

describe('the editor, for anyone else', () => {
  it('tells a signed-in referrer they need to be a guidance editor', async () => {
    await signIn(page, 'Amira Haddad', '/guidance/edit/');
    await page.getByRole('heading', { level: 1, name: 'You need to be a guidance editor' }).waitFor();
    expect(await page.title()).toBe(`You need to be a guidance editor – ${SERVICE}`);
    expect(await page.getByRole('button', { name: 'Start a new draft' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
