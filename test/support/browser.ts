/**
 * What every browser test needs: Debian's Chromium launched with the flags that work headless here, and axe run with
 * the WCAG 2.2 AA rules.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** axe's findings on the page as it is now, one line each (an empty list is a pass). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** What has the keyboard focus: enough to recognise a link, a button, a field or a radio. */
export interface Focused {
  tag: string;
  id: string;
  /** The element's text, spaces collapsed. */
  text: string;
  name: string;
  value: string;
  checked: boolean;
  classes: string;
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      name: el?.getAttribute('name') ?? '',
      value: el?.value ?? '',
      checked: el?.checked ?? false,
      classes: typeof el?.className === 'string' ? el.className : '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
export async function tabTo(
  page: Page,
  matches: (el: Focused) => boolean,
  options: { back?: boolean; max?: number } = {},
): Promise<Focused> {
  const max = options.max ?? 120;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const el = await focused(page);
    if (matches(el)) return el;
  }
  throw new Error(`${max} presses of Tab never reached the element`);
}

/**
 * On the local sign-in page, chooses a demo user as a keyboard user would: Tab to the radios, the
 * arrow keys (at most `maxPresses`) until `username` is checked, then Tab to Continue and press Enter.
 */
export async function chooseDemoUserByKeyboard(page: Page, username: string, maxPresses = 15): Promise<void> {
  await tabTo(page, (el) => el.name === 'username');
  for (let i = 0; i < maxPresses && (await focused(page)).value !== username; i++)
    await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toMatchObject({ value: username, checked: true });
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Continue');
  await page.keyboard.press('Enter');
}

/** Text with its runs of white space collapsed, as a person reads it. */
export const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The rendered text of everything a locator matches, collapsed. */
export const readable = async (locator: Locator) => squash((await locator.allInnerTexts()).join(' '));
