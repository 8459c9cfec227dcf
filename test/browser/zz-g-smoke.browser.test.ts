import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_ARGS, squash } from '../support/browser.ts';
import { startTestPortal } from '../support/portal.ts';

let portal: Awaited<ReturnType<typeof startTestPortal>>;
let browser: Browser;
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
async function tom(): Promise<Page> {
  const r = await fetch(`${portal.url}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tom' }) });
  const { token } = (await r.json()) as { token: string };
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript((t) => sessionStorage.setItem('portal.session', JSON.stringify({ token: t, expiresAt: Date.now() + 3_600_000 })), token);
  return page;
}
const summary = async (p: Page) => squash(await p.locator('.govuk-error-summary').innerText());
const banner = async (p: Page) => squash(await p.locator('.govuk-notification-banner').first().innerText());

it('smoke', async () => {
  const p = await tom();
  await p.goto(`${portal.url}/board/`);
  await p.selectOption('#filter-rag', 'red');
  console.log('COUNT', squash(await p.locator('#plan-count').innerText()), p.url());
  await p.getByRole('link', { name: 'Clear filters' }).first().click();
  console.log('COUNT2', squash(await p.locator('#plan-count').innerText()), p.url());
  const href = await p.locator('.app-board-table a').first().getAttribute('href');
  const base = `${portal.url}${href}`;
  await p.goto(base);
  await p.getByRole('link', { name: /Change\s+lead/ }).click();
  await p.getByRole('button', { name: 'Save the details' }).click();
  console.log('DETAILS-NOCHANGE', await summary(p));
  await p.fill('#lead', 'Head of Smoke');
  await p.getByRole('button', { name: 'Save the details' }).click();
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('DETAILS', await banner(p), (await p.locator('dl').innerText()).includes('Head of Smoke'));
  await p.getByRole('link', { name: /Revise\s+due date/ }).click();
  await p.getByRole('button', { name: 'Revise the due date' }).click();
  console.log('DUE-EMPTY', await summary(p));
  await p.fill('#due-day', '31'); await p.fill('#due-month', '3'); await p.fill('#due-year', '2030');
  await p.fill('#reason', 'Smoke testing the revision');
  await p.getByRole('button', { name: 'Revise the due date' }).click();
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('DUE', await banner(p));
  await p.getByRole('link', { name: /Override\s+rag/i }).click();
  await p.getByRole('button', { name: 'Override the RAG' }).click();
  console.log('RAG-EMPTY', await summary(p));
  await p.check('#rag');
  await p.fill('#justification', 'The board knows better today');
  await p.getByRole('button', { name: 'Override the RAG' }).click();
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('RAG', await banner(p));
  await p.getByRole('link', { name: /Change override/i }).click();
  await p.getByRole('button', { name: 'Clear the override' }).click();
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('RAG-CLEAR', await banner(p));
  await p.getByRole('link', { name: 'Close the action' }).click();
  await p.getByRole('button', { name: 'Close the action' }).click();
  console.log('CLOSE-EMPTY', await summary(p));
  await p.fill('#close-evidence-title', 'Audit report');
  await p.fill('#close-evidence-url', 'not a url');
  await p.getByRole('button', { name: 'Close the action' }).click();
  console.log('CLOSE-URL', await summary(p));
  await p.fill('#close-evidence-url', 'https://example.org/r');
  await p.fill('#signoff-name', 'Helen Marsh'); await p.fill('#signoff-role', 'Independent chair');
  await p.getByRole('button', { name: 'Close the action' }).click();
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('CLOSE', await banner(p), squash(await p.locator('.govuk-inset-text').first().innerText()));
  await p.goto(`${portal.url}/board/new/`);
  await p.getByRole('button', { name: 'Add the action' }).click();
  console.log('NEW-EMPTY', await summary(p));
  await p.fill('#title', 'Smoke action'); await p.fill('#description', 'Something');
  await p.check('#source-kind'); await p.fill('#source-reference', 'Board paper');
  await p.selectOption('#theme', 'neglect');
  const owner = await p.locator('#owner option').nth(1).getAttribute('value');
  await p.selectOption('#owner', owner ?? '');
  await p.fill('#lead', 'Someone');
  await p.fill('#baseline', '3');
  await p.fill('#due-day', '1'); await p.fill('#due-month', '1'); await p.fill('#due-year', '2020');
  await p.getByRole('button', { name: 'Add the action' }).click();
  console.log('NEW-ERR', await summary(p));
  await p.fill('#measure', 'Measured'); await p.fill('#due-year', '2031');
  await p.getByRole('button', { name: 'Add the action' }).click();
  await p.waitForURL(/board\/action/);
  await p.waitForSelector('.govuk-notification-banner--success');
  console.log('NEW', await banner(p), squash(await p.locator('h1').innerText()));
  expect(true).toBe(true);
}, 120_000);
