/**
 * The system owner's audit pages, by keyboard alone: Sam reads the trail of a referral he cannot
 * open himself and sees who opened it and why; then answers a subject access request about Maisie
 * Fairbrook (the demo's police referral), sees her records and everyone who saw them, and downloads
 * the report. axe finds nothing on either page; nothing searched for reaches the address.
 */
import { readFile } from 'node:fs/promises';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../infra/seed/demo-data.ts';
import { axeViolations, chooseDemoUserByKeyboard, focused, readable, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';

const live = portalAndChromium();
let page: Page;
let maisieReferral: string;

beforeAll(async () => {
  // The demo's police referral about Maisie (a Scan, in a test only), opened by the front door.
  const { Items = [] } = await live.portal.db.send(
    new ScanCommand({
      TableName: live.portal.tables.referrals,
      FilterExpression: 'begins_with(pk, :p) AND sk = :sk AND child.firstName = :f',
      ExpressionAttributeValues: { ':p': 'REFERRAL#', ':sk': 'REFERRAL', ':f': 'Maisie' },
    }),
  );
  const found = Items.find((i) => i.agencyId === 'northshire-police');
  if (!found) throw new Error('the demo has no police referral about Maisie');
  maisieReferral = String(found.id);
  const grace = DEMO_USERS.find((u) => u.username === 'grace');
  if (!grace) throw new Error('no grace');
  const token = await live.portal.issuer.sign(grace);
  const read = await fetch(`${live.portal.url}/api/referrals/${maisieReferral}`, {
    headers: { authorization: `Bearer ${token}`, 'x-access-reason': 'Checking an earlier referral' },
  });
  expect(read.status).toBe(200);
  page = await live.newPage({ acceptDownloads: true });
});

async function signInAsSam(returnTo: string): Promise<void> {
  await page.goto(`${live.portal.url}/sign-in/?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('radio', { name: 'Sam Patel' }).waitFor();
  await chooseDemoUserByKeyboard(page, 'sam');
}

describe('the audit trail, as the system owner', () => {
  it('shows who opened a referral Sam cannot read, then answers a subject access request and downloads it', async () => {
    await signInAsSam('/');
    await page.waitForURL(`${live.portal.url}/`);
    // The admin's navigation has the audit trail.
    const nav = page.getByRole('link', { name: 'Audit trail' });
    await nav.waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Audit trail');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/audit/');
    await page.getByRole('heading', { level: 2, name: 'Find a record’s trail' }).waitFor();
    expect(await page.title()).toBe(`Audit trail – ${SERVICE}`);
    expect(await axeViolations(page)).toEqual([]);

    // Sam cannot open the referral itself.
    const own = await page.evaluate(async (id) => {
      const token = (JSON.parse(sessionStorage.getItem('portal.session') ?? '{}') as { token?: string })
        .token;
      return (await fetch(`/api/referrals/${id}`, { headers: { authorization: `Bearer ${token}` } })).status;
    }, maisieReferral);
    expect(own).toBe(403);

    // The record's trail: Grace opened it, and said why.
    await tabTo(page, (el) => el.id === 'reason');
    await page.keyboard.type('Complaint ref C-7');
    await tabTo(page, (el) => el.id === 'record-id');
    await page.keyboard.type(maisieReferral);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: `Referral ${maisieReferral}` });
    await heading.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const opened = page
      .locator('tbody tr', { hasText: 'Opened the referral' })
      .filter({ hasText: 'Grace Obi' });
    await opened.first().waitFor();
    expect(await readable(opened.first())).toContain('Checking an earlier referral');
    expect(await readable(opened.first())).toContain("Northshire Children's Front Door");
    expect(page.url()).toBe(`${live.portal.url}/audit/`);
    expect(await axeViolations(page)).toEqual([]);

    // Everything Grace did, from her row.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'See everything Grace Obi did');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /^Everything Grace Obi did$/ }).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);

    // The subject access request page, from the link on this one.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Search by the child’s name and date of birth', {
      back: true,
      max: 400,
    });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/audit/subject-access/');
    await page.getByRole('heading', { level: 1, name: 'Subject access request' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Without a reason, the error summary says so and takes focus.
    await tabTo(page, (el) => el.id === 'first-name');
    await page.keyboard.type('maisie');
    await tabTo(page, (el) => el.id === 'last-name');
    await page.keyboard.type('FAIRBROOK');
    await tabTo(page, (el) => el.id === 'dob-day');
    await page.keyboard.type('14');
    await tabTo(page, (el) => el.id === 'dob-month');
    await page.keyboard.type('5');
    await tabTo(page, (el) => el.id === 'dob-year');
    await page.keyboard.type('2018');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Search the audit trail');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').waitFor();
    // GOV.UK Frontend moves focus once the summary has been drawn: a moment after it appears.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')))
      .toBe(true);
    await expect.poll(() => page.title()).toBe(`Error: Subject access request – ${SERVICE}`);
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Enter why you are searching'));
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('reason');
    await page.keyboard.type('SAR ref 2026-041');
    await page.keyboard.press('Enter');

    // Her records, each with everyone who saw it.
    const found = page.getByRole('heading', { level: 2, name: /records? found$/ });
    await found.waitFor();
    expect(await found.textContent()).not.toContain('No records');
    const record = page.getByRole('heading', { level: 3, name: `Referral ${maisieReferral}` });
    await record.waitFor();
    const section = page.locator('section', { has: record });
    expect(await readable(section)).toContain('Grace Obi');
    expect(await readable(section)).toContain('Opened the referral');
    expect(await readable(section)).toContain('Read the audit trail');
    // Nothing about her in the address.
    expect(page.url()).toBe(`${live.portal.url}/audit/subject-access/`);
    expect(await axeViolations(page)).toEqual([]);

    // The report, as a file.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Download the report (CSV)', {
      back: true,
      max: 400,
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toContain('Subject access report');
    expect(text).toContain('Reason for the search,SAR ref 2026-041');
    expect(text).toContain(`referral,${maisieReferral},`);
    await page.getByText(/^Downloaded subject-access-/).waitFor();
  });
});
