/**
 * What the early-help browser test works with: the real portal and Chromium, pages already signed in
 * as demo users, the API as them (for the steps that are other journeys'), and the keyboard moves its
 * pages take (Tab to a field or a button, type a date into a GOV.UK date input).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, type Focused, squash, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/** Starts the portal and Chromium for the file's tests (test/support/browser-portal.ts), and stops them after. */
export function earlyHelpHarness() {
  const live = portalAndChromium();
  const url = (path: string) => `${live.portal.url}${path}`;

  async function api<T>(username: string, method: string, path: string, body?: unknown, headers = {}) {
    const response = await live.fetchAs(username, `/api${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
    return (await response.json()) as T;
  }

  /** A page already signed in as a demo user (signing in by keyboard is the sign-in test's). */
  async function signedInPage(username: string, viewport = { width: 1024, height: 800 }): Promise<Page> {
    const page = await live.signedInPage(username, { viewport });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  /** A referral about `child` from `as`, sent to the front door: making one is the referral journey's. */
  async function sentReferral(
    as: string,
    child: { firstName: string; lastName: string; dateOfBirth: string },
    parent: string,
  ): Promise<{ id: string; version: number }> {
    const draft = await api<{ id: string; version: number }>(
      as,
      'POST',
      '/referrals',
      completeReferral({
        child: { ...completeReferral().child, ...child },
        consent: { status: 'given', byWhom: parent, date: ukToday() },
      }),
      { 'idempotency-key': `eh-browser-${child.firstName}-${Date.now()}` },
    );
    return api(as, 'POST', `/referrals/${draft.id}/submit`, undefined, { 'if-match': `"${draft.version}"` });
  }

  return { url, api, signedInPage, sentReferral };
}

/** `expect.poll` with room for a slow, busy machine. */
export const soon = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });

export async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

/** Waits for the page at `path` (a glob) to have loaded, its h1 reading `heading`. */
export async function arrive(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.waitForURL(`**${path}`);
  await soon(async () => squash(await page.getByRole('heading', { level: 1 }).first().textContent())).toMatch(
    heading,
  );
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('main [role="status"]')].some((el) =>
        /^Loading/.test((el.textContent ?? '').trim()),
      ),
  );
}

/** The episode's pages are long: a form of two outcomes is a hundred stops or more. */
export const LONG = { max: 400 };
export const link = (text: string) => (el: Focused) => el.tag === 'a' && el.text === text;
export const byId = (id: string) => (el: Focused) => el.id === id;

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, byId(id), LONG);
  await page.keyboard.type(text);
}

/** Tabs to a button (or a link that looks like one) and presses Enter. */
export async function press(page: Page, text: string): Promise<void> {
  await tabTo(page, (el) => (el.tag === 'button' || el.tag === 'a') && el.text === text, LONG);
  await page.keyboard.press('Enter');
}

/** Types a date into a GOV.UK date input's day, month and year, replacing what is there. */
export async function typeDate(page: Page, id: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await tabTo(page, byId(`${id}-day`), LONG);
  for (const [i, part] of [String(Number(day)), String(Number(month)), year ?? ''].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(part);
  }
}

export const ukToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** The UK date `days` calendar days from today. */
export function inDays(days: number): string {
  const date = new Date(`${ukToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
