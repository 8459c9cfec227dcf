import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LocalPortal, LocalPortalOptions } from '../../infra/local/portal.ts';
import { CHROMIUM_ARGS } from './browser.ts';
import { startTestPortal } from './portal.ts';

/** What a browser test file works with: the portal and Chromium, and the ways its tests open pages. */
export interface PortalAndChromium {
  /** The running portal (from the file's beforeAll on). */
  readonly portal: LocalPortal;
  readonly browser: Browser;
  /** A demo user's token from the local sign-in. */
  token(username: string): Promise<string>;
  /** A request to the portal as a demo user, with a JSON content type. */
  fetchAs(username: string, path: string, init?: RequestInit): Promise<Response>;
  /** A page in a browser session of its own, closed after the file's tests. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A page in a new session, closing the one the last call opened: one clean page per test. */
  freshPage(options?: BrowserContextOptions): Promise<Page>;
  /** A page in a session of its own, already signed in as a demo user (for tests not about signing in). */
  signedInPage(username: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts the portal (startTestPortal) and Debian's Chromium before the file's tests, side by side, and
 * stops both after them. Called once, at the top of a browser test file.
 */
export function portalAndChromium(
  options: Pick<LocalPortalOptions, 'standingMaxAgeMs'> = {},
): PortalAndChromium {
  let portal: LocalPortal | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let fresh: BrowserContext | undefined;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([
      startTestPortal(options),
      chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    ]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await portal?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('The portal and Chromium start in beforeAll: use them in a test');
    return value;
  };

  async function token(username: string): Promise<string> {
    const response = await fetch(`${started(portal).url}/auth/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  async function fetchAs(username: string, path: string, init: RequestInit = {}): Promise<Response> {
    const jwt = await token(username);
    return fetch(`${started(portal).url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', ...init.headers },
    });
  }

  async function newPage(contextOptions: BrowserContextOptions = {}): Promise<Page> {
    const context = await started(browser).newContext(contextOptions);
    contexts.push(context);
    return context.newPage();
  }

  async function freshPage(contextOptions: BrowserContextOptions = {}): Promise<Page> {
    await fresh?.close();
    fresh = await started(browser).newContext(contextOptions);
    return fresh.newPage();
  }

  async function signedInPage(username: string, contextOptions: BrowserContextOptions = {}): Promise<Page> {
    const jwt = await token(username);
    const page = await newPage(contextOptions);
    // The front end keeps its session in sessionStorage: set before the page's own scripts run.
    await page.addInitScript((t) => {
      sessionStorage.setItem(
        'portal.session',
        JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 }),
      );
    }, jwt);
    return page;
  }

  return {
    get portal() {
      return started(portal);
    },
    get browser() {
      return started(browser);
    },
    token,
    fetchAs,
    newPage,
    freshPage,
    signedInPage,
  };
}
