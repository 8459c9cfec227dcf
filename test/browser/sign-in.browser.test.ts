/**
 * Signing in never leaves the portal: a crafted return address lands on the portal's own origin,
 * and the local runtime's redirects never name another host.
 */
import { request } from 'node:http';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { portalAndChromium } from '../support/browser-portal.ts';

const live = portalAndChromium();
let page: Page;
/** Every host other than the portal the browser tried to reach. */
let elsewhere: string[];

beforeEach(async () => {
  page = await live.freshPage();
  elsewhere = [];
  // Another host answers with a page of its own, so landing there is seen rather than a DNS failure.
  // A context's routes cover the pages it has already opened.
  await page.context().route(
    (url) => url.origin !== live.portal.url,
    (route) => {
      elsewhere.push(new URL(route.request().url()).host);
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Elsewhere</title><h1>Elsewhere</h1>',
      });
    },
  );
});

describe('the return address after signing in', () => {
  for (const returnTo of ['/..//evil.example/x', '/%2e%2e//evil.example/x', '/.//evil.example/x']) {
    it(`from /sign-in/?returnTo=${returnTo}, signing in lands on the portal`, async () => {
      await page.goto(`${live.portal.url}/sign-in/?returnTo=${returnTo}`);
      await page.getByRole('radio', { name: 'Amira Haddad' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL((url) => url.pathname !== '/sign-in/');
      await page.waitForLoadState('load');
      expect(new URL(page.url()).origin).toBe(live.portal.url);
      expect(elsewhere).toEqual([]);
      // Signed in, on the portal.
      expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeTruthy();
    });
  }
});

/** A raw GET, the path sent as it is: fetch() would tidy it, as a crafted client would not. */
function rawGet(path: string): Promise<{ status: number; location: string | undefined }> {
  const { port } = new URL(live.portal.url);
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
