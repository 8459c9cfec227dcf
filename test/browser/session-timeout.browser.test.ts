/**
 * A sign-in that ends mid-page loses nothing. Amira signs in by keyboard and writes her concerns;
 * two minutes before her sign-in ends a dialog warns her, and "Stay signed in" keeps her where she
 * was. Left alone, the sign-in ends: she is sent to sign in again and comes back to what she typed.
 * When the API refuses a save because the sign-in has ended, the error summary links to signing
 * in, the header stops saying she is signed in, and her answers come back after signing in again.
 * The page's clock is Playwright's, moved on by the test; the child is made up.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, readable, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';
import { arrive, expectAxeClean, soon } from './early-help-harness.ts';

const live = portalAndChromium();
const url = (path: string) => `${live.portal.url}${path}`;

/** A draft of Amira's, with its child named, that the test writes the concerns of. */
async function amirasDraft(firstName: string): Promise<string> {
  const response = await live.fetchAs('amira', '/api/referrals', {
    method: 'POST',
    headers: { 'idempotency-key': `timeout-${firstName}-${Date.now()}` },
    body: JSON.stringify({ child: { firstName, lastName: 'Quillfeather', dateOfBirth: '2016-05-09' } }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function concernsOf(id: string): Promise<string | undefined> {
  const response = await live.fetchAs('amira', `/api/referrals/${id}`);
  return ((await response.json()) as { concerns?: string }).concerns;
}

/** Signs in on the sign-in page by keyboard and waits to be back on the concerns page. */
async function signInAsAmira(page: Page, id: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /Who do you want to sign in as/ }).waitFor();
  // Amira is the first choice: Tab reaches her radio unticked, and Space ticks it.
  await tabTo(page, (el) => el.name === 'username');
  expect((await focused(page)).value).toBe('amira');
  await page.keyboard.press('Space');
  expect(await focused(page)).toMatchObject({ value: 'amira', checked: true });
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Continue');
  await page.keyboard.press('Enter');
  await arrive(page, `/referrals/draft/concerns/?id=${id}`, 'What are you worried about?');
}

const account = (page: Page) => readable(page.locator('#app-account'));
const keptCopies = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('portal.kept.')).length);

describe('the sign-in ends mid-page, and nothing typed is lost', () => {
  it('warns two minutes before; Stay signed in keeps the page; left alone, signing in again brings the answers back', async () => {
    const id = await amirasDraft('Marigold');
    const concerns = url(`/referrals/draft/concerns/?id=${id}`);
    const page = await live.newPage({ viewport: { width: 1024, height: 800 } });
    await page.clock.install();
    await page.goto(
      url(`/sign-in/?returnTo=${encodeURIComponent(new URL(concerns).pathname + new URL(concerns).search)}`),
    );
    await signInAsAmira(page, id);
    await tabTo(page, (el) => el.id === 'concerns');
    await page.keyboard.type('Marigold has come to school with bruises on both arms twice this week.');

    // An hour's sign-in, 58½ minutes on: the warning, with the time left, and the focus in it.
    await page.clock.fastForward('58:30');
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await dialog.waitFor();
    expect(await readable(dialog)).toContain('we will sign you out in 1 minute 30 seconds');
    expect(await readable(dialog)).toContain('Anything you have typed on this page will be kept');
    expect((await focused(page)).id).toBe('timeout-heading');
    await expectAxeClean(page);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Stay signed in', { max: 5 });
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Back where she was, with what she typed, still signed in.
    await soon(async () => (await focused(page)).id).toBe('concerns');
    expect(await page.locator('#concerns').inputValue()).toContain('bruises on both arms');
    expect(await account(page)).toContain('Signed in as Amira Haddad');

    // The renewed sign-in runs its hour; left alone, it ends and the page goes to sign in again.
    await page.keyboard.type(' She said her uncle grabbed her.');
    await page.clock.fastForward('01:01:00');
    await page.waitForURL('**/sign-in/?timedOut=1&returnTo=*');
    const banner = page.locator('.govuk-notification-banner');
    expect(squash(await banner.textContent())).toContain('You were signed out to keep the information safe');
    expect(squash(await banner.textContent())).toContain(
      'What you had typed on the page you were on is kept',
    );
    await expectAxeClean(page);
    await signInAsAmira(page, id);
    await soon(() => page.locator('#concerns').inputValue()).toBe(
      'Marigold has come to school with bruises on both arms twice this week. She said her uncle grabbed her.',
    );
    expect(await keptCopies(page)).toBe(0);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save and continue');
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/draft/strengths/?id=${id}`, 'Strengths and needs');
    expect(await concernsOf(id)).toContain('She said her uncle grabbed her.');
  });

  it('a save refused because the sign-in ended links to signing in, and the answers come back', async () => {
    const id = await amirasDraft('Wren');
    const page = await live.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(url(`/sign-in/?returnTo=${encodeURIComponent(`/referrals/draft/concerns/?id=${id}`)}`));
    await signInAsAmira(page, id);
    await tabTo(page, (el) => el.id === 'concerns');
    await page.keyboard.type('Wren has been collected late every day this week and says she is hungry.');

    // Elsewhere, the sign-in ends (its token is no longer accepted); the page does not know yet.
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('portal.session') ?? '{}') as { token: string };
      sessionStorage.setItem('portal.session', JSON.stringify({ ...session, token: `${session.token}x` }));
    });
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save and continue');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const signIn = summary.getByRole('link', {
      name: 'Your sign-in has ended. Sign in again: what you typed on this page is kept.',
    });
    expect(await signIn.getAttribute('href')).toBe(
      `/sign-in/?returnTo=${encodeURIComponent(`/referrals/draft/concerns/?id=${id}`)}`,
    );
    // The header no longer says she is signed in.
    await soon(() => account(page)).toBe('Sign in');
    expect(new URL(page.url()).pathname).toBe('/referrals/draft/concerns/');
    await expectAxeClean(page);

    // The summary has the focus: its link is the next stop.
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Your sign-in has ended'), { max: 5 });
    await page.keyboard.press('Enter');
    await signInAsAmira(page, id);
    await soon(() => page.locator('#concerns').inputValue()).toBe(
      'Wren has been collected late every day this week and says she is hungry.',
    );
    expect(await account(page)).toContain('Signed in as Amira Haddad');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Save and continue');
    await page.keyboard.press('Enter');
    await arrive(page, `/referrals/draft/strengths/?id=${id}`, 'Strengths and needs');
    expect(await concernsOf(id)).toBe(
      'Wren has been collected late every day this week and says she is hungry.',
    );
  });
});
