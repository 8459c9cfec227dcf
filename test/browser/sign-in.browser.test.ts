/**
 * Signing in never leaves the portal: a crafted return address lands on the portal's own origin,
 * and the local runtime's redirects never name another host.
 */
import { request } from 'node:http';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../support/browser.ts';
import { startTestPortal } from '../support/portal.ts';

let portal: Awaited<ReturnType<typeof startTestPortal>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every host other than the portal the browser tried to reach. */
let elsewhere: string[];

beforeAll(async () => {
  [portal, browser] = await Promise.all([
    startTestPortal(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  elsewhere = [];
  // Another host answers with a page of its own, so landing there is seen rather than a DNS failure.
  await context.route(
    (url) => url.origin !== portal.url,
    (route) => {
      elsewhere.push(new URL(route.request().url()).host);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Elsewhere</title><h1>Elsewhere</h1>',
      });
    },
  );
  page = await context.newPage();
});

describe('the return address after signing in', () => {
  for (const returnTo of ['/..//evil.example/x', '/%2e%2e//evil.example/x', '/.//evil.example/x']) {
    it(`from /sign-in/?returnTo=${returnTo}, signing in lands on the portal`, async () => {
      await page.goto(`${portal.url}/sign-in/?returnTo=${returnTo}`);
      await page.getByRole('radio', { name: 'Amira Haddad' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((url) => url.pathname !== '/sign-in/');
      await page.waitForLoadState('load');
      expect(new URL(page.url()).origin).toBe(portal.url);
      expect(elsewhere).toEqual([]);
      // Signed in, on the portal.
      expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeTruthy();
    });
  }
});

/** A raw GET, the path sent as it is: fetch() would tidy it, as a crafted client would not. */
function rawGet(path: string): Promise<{ status: number; location: string | undefined }> {
  const { port } = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local runtime’s redirects', () => {
  it.each(['//referrals', '///referrals'])(
    'GET %s goes to /referrals/, not to a host called "referrals"',
    async (path) => {
      expect(await rawGet(path)).toEqual({ status: 301, location: '/referrals/' });
    },
  );
});
