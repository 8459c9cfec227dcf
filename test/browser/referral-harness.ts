/**
 * What the referral journey's browser tests share: moving the focus with Tab alone (working out the
 * presses from the page's focus order, one stop per radio group), arriving on a page once it has
 * loaded, signing in by keyboard, axe on every page, and, against the file's own portal and
 * Chromium, fresh and signed-in sessions and the API as the demo users.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, squash } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

export const SERVICE = 'Northshire Safeguarding Partnership portal';
export const HUNGRY = 'basic-care-often-hungry';
export const SHOUTING = 'family-frequent-shouting';
/** The order of the demo users on the local sign-in page. */
export const SIGN_IN_ORDER = ['amira', 'dan', 'priya', 'nadia', 'joe', 'grace'];

/** Every page visited must be axe-clean: the URL goes in the message so a failure says where. */
export async function expectAxeClean(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, page.url()).toEqual([]);
}

/** What to move the focus to: every given property must match. */
export interface Target {
  id?: string;
  /** The element's text starts with this (or is exactly it, with `exact`). */
  text?: string;
  exact?: boolean;
  /** The element's text also contains this. */
  contains?: string;
  href?: string;
  hrefPrefix?: string;
  /** Only inside this element (a CSS selector). */
  within?: string;
}

/**
 * How many presses of Tab (positive) or Shift+Tab (negative) reach the target from the focused
 * element, in the page's sequential focus order (one stop per radio group); null if it is not there.
 */
function tabDistance(target: Target): number | null {
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const matches = (el: Element) =>
    (!target.id || el.id === target.id) &&
    (!target.text || (target.exact ? text(el) === target.text : text(el).startsWith(target.text))) &&
    (!target.contains || text(el).includes(target.contains)) &&
    (!target.href || el.getAttribute('href') === target.href) &&
    (!target.hrefPrefix || (el.getAttribute('href') ?? '').startsWith(target.hrefPrefix)) &&
    (!target.within || el.closest(target.within) !== null);
  const order: HTMLElement[] = [];
  const groups = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, [tabindex]',
  )) {
    if (el.tabIndex < 0 || el.getClientRects().length === 0) continue;
    if ((el as HTMLButtonElement).disabled || (el as HTMLInputElement).type === 'hidden') continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      if (groups.has(el.name)) continue;
      groups.add(el.name);
      const group = [
        ...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${el.name}"]`),
      ];
      order.push(group.find((r) => r.checked) ?? el);
      continue;
    }
    order.push(el);
  }
  const to = order.findIndex(matches);
  if (to < 0) return null;
  const from = order.indexOf(document.activeElement as HTMLElement);
  return from < 0 && to === 0 ? 1 : to - from;
}

export interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string;
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: el?.getAttribute('href') ?? '',
    };
  });
}

/**
 * Moves the focus to the target with Tab or Shift+Tab alone, as a keyboard user would: works out
 * how many presses it takes, presses them, and checks where the focus landed.
 */
export async function tabTo(page: Page, target: Target): Promise<Focused> {
  await page.waitForFunction(tabDistance, target);
  for (let attempt = 0; attempt < 4; attempt++) {
    const distance = await page.evaluate(tabDistance, target);
    if (distance === null) break;
    if (distance === 0) return focused(page);
    const key = distance > 0 ? 'Tab' : 'Shift+Tab';
    for (let i = 0; i < Math.abs(distance); i++) await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)} on ${page.url()}`);
}

export const byId = (id: string): Target => ({ id });
export const button = (text: string): Target => ({ text, within: 'main' });

/** Tabs to a text field and types into it. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, byId(id));
  await page.keyboard.type(text);
}

/** `expect.poll` with room for a slow, busy machine (its default gives up after a second). */
export const soon = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Waits for a page whose h1 (or panel title) reads `text`, once it has finished loading. */
export async function arrive(page: Page, path: string | RegExp, text: string | RegExp): Promise<void> {
  await page.waitForURL(typeof path === 'string' ? `**${path}` : path);
  await page.waitForFunction(
    () =>
      document.querySelector('#app') !== null &&
      ![...document.querySelectorAll('main [role="status"]')].some((el) =>
        /^(Loading|Taking you|Signing)/.test((el.textContent ?? '').trim()),
      ),
  );
  await soon(async () => squash(await h1(page).first().textContent())).toMatch(text);
}

/** Signs in on the local sign-in page by keyboard: the radios, then Continue. */
export async function signInByKeyboard(page: Page, username: string): Promise<void> {
  await arrive(page, /\/sign-in\//, 'Who do you want to sign in as?');
  await expectAxeClean(page);
  await tabTo(page, byId('username'));
  const steps = SIGN_IN_ORDER.indexOf(username);
  if (steps < 0) throw new Error(`Add ${username} to SIGN_IN_ORDER`);
  if (steps === 0) await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  expect(await page.locator('input[name="username"]:checked').getAttribute('value')).toBe(username);
  await tabTo(page, button('Continue'));
  await page.keyboard.press('Enter');
}

/** Starts the portal and Chromium for the file's tests, and gives the moves that need them. */
export function referralJourneyHarness() {
  const live = portalAndChromium();

  /** A fresh browser session (nobody signed in), as a new sitting would be. */
  async function newSession(viewport = { width: 1024, height: 800 }): Promise<Page> {
    const page = await live.newPage({ viewport });
    page.on('pageerror', (error) => {
      throw error;
    });
    return page;
  }

  async function api<T>(username: string, method: string, path: string, body?: unknown, headers = {}) {
    const response = await live.fetchAs(username, `/api${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** How many of an agency's open referrals (by its name) lie beyond the queue's first page of 100. */
  async function moreOf(agencyName: string): Promise<number> {
    const agencies = await api<{ items: { id: string; name: string }[] }>(
      'grace',
      'GET',
      '/agencies?limit=200',
    );
    const id = agencies.body.items.find((a) => a.name === agencyName)?.id;
    let beyond = 0;
    let cursor: string | null = null;
    let page = 0;
    do {
      const query: string = `/referrals?view=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const listed = await api<{ items: { agencyId: string }[]; nextCursor: string | null }>(
        'grace',
        'GET',
        query,
      );
      if (page > 0) beyond += listed.body.items.filter((r) => r.agencyId === id).length;
      cursor = listed.body.nextCursor;
      page += 1;
    } while (cursor);
    return beyond;
  }

  /** A session already signed in (for the tests that are not about signing in). */
  async function signedInSession(username: string, viewport?: { width: number; height: number }) {
    const page = await newSession(viewport);
    const jwt = await live.token(username);
    await page.context().addInitScript((t) => {
      if (!sessionStorage.getItem('portal.session'))
        sessionStorage.setItem(
          'portal.session',
          JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 }),
        );
    }, jwt);
    return page;
  }

  return { live, newSession, api, moreOf, signedInSession };
}
