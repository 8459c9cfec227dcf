/**
 * Journeys 5 and 6, "Run the board" and "Read the partnership": Tom, by keyboard alone, signs in,
 * opens "Joint commissioning of early help for exploitation" (amber in the demo data: due in 12 days,
 * its last update 60 days old), adds a progress update with evidence and a measure that moved toward its
 * target, and sees it turn green, sees the
 * change on the dashboard, downloads the CSV for the board papers and meets the new-action form's
 * errors. Then two members update one action at once: the second is told someone else changed it,
 * with what changed, and sends theirs again. The front door reads the plan but cannot change it.
 * axe finds nothing on any page.
 */
import { readFile } from 'node:fs/promises';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  chooseDemoUserByKeyboard,
  focused,
  readable,
  squash,
  tabTo,
} from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const SERVICE = 'Northshire Safeguarding Partnership portal';
const JOINT = 'Joint commissioning of early help for exploitation';

const live = portalAndChromium();

const newPage = (options: { viewport?: { width: number; height: number } } = {}): Promise<Page> =>
  live.newPage({ acceptDownloads: true, ...options });

/** A page already signed in as a demo user (for the parts of a test that are not about signing in). */
const signedInPage = (username: string, viewport?: { width: number; height: number }): Promise<Page> =>
  live.signedInPage(username, { acceptDownloads: true, ...(viewport ? { viewport } : {}) });

describe('the action plan and the dashboard, as the business manager, by keyboard alone', () => {
  it('updates an action, sees it turn green on the plan and the dashboard, downloads the CSV and meets the form errors', async () => {
    const page = await newPage();

    // Signed out, the plan asks you to sign in and brings you back.
    await page.goto(`${live.portal.url}/board/`);
    await page.getByText('Sign in to see it.').waitFor();
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Sign in');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sign-in/?returnTo=%2Fboard%2F');
    await page.getByRole('radio', { name: 'Tom Ashworth' }).waitFor();
    await chooseDemoUserByKeyboard(page, 'tom', 12);

    // The plan: every action, with its RAG and why; the board's navigation shows.
    await page.waitForURL('**/board/');
    const table = page.locator('table.app-board-table');
    await table.waitFor();
    await expect.poll(() => page.title()).toBe(`Action plan – ${SERVICE}`);
    expect(await page.locator('tbody tr').count()).toBe(10);
    expect(
      await page.getByRole('link', { name: 'Action plan', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByRole('link', { name: 'Dashboard', exact: true }).isVisible()).toBe(true);
    const jointRow = page.locator('tbody tr', { hasText: JOINT });
    expect(await readable(jointRow)).toMatch(
      /BA-001 .*Joint commissioning .*Northshire County Council .*Amber Due in 12 days and no update for 60 days/,
    );
    expect(await axeViolations(page)).toEqual([]);

    // Filtering by RAG, in the page: choosing with the arrow keys changes nothing until Apply.
    await tabTo(page, (el) => el.id === 'filter-rag');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(page.url()).not.toContain('rag=');
    expect(await page.locator('tbody tr').count()).toBe(10);
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Apply filters');
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.url()).toContain('rag=amber');
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(squash(await page.locator('#plan-count').textContent())).toBe(
      'Showing 2 of 10 actions: RAG amber',
    );

    // Opening the action.
    await tabTo(page, (el) => el.tag === 'a' && el.text === JOINT);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/board/action/?id=*');
    const rag = page.locator('.app-board-rag');
    await rag.waitFor();
    await expect.poll(() => page.title()).toBe(`BA-001: ${JOINT} – ${SERVICE}`);
    expect(await readable(rag)).toContain('RAG: Amber In progress Due in 12 days and no update for 60 days');
    expect(await axeViolations(page)).toEqual([]);

    // Adding a progress update with evidence.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Add a progress update');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Add a progress update' }).waitFor();
    // Focus moves to the heading once the page has painted, which can be just after it appears.
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    // Sending it empty: the error summary takes focus and names the field.
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await page.keyboard.press('Enter');
    await page.locator('.govuk-error-summary').waitFor();
    await expect.poll(() => page.title()).toBe(`Error: Add a progress update – BA-001 – ${SERVICE}`);
    expect(await page.locator('#narrative-error').textContent()).toContain(
      'Describe the progress made since the last update',
    );
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(
      page,
      (el) => el.tag === 'a' && el.text === 'Describe the progress made since the last update',
    );
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('narrative');
    await page.keyboard.type('Joint commissioning panel agreed the specification; tender opens next month.');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('evidence-title');
    await page.keyboard.type('Commissioning panel minutes');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('evidence-url');
    await page.keyboard.type('https://example.org/panel-minutes');
    // The outcome measure has moved: a better RAG needs that (or a second member's verification).
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('measure-current');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('52%');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await page.keyboard.press('Enter');

    // Back on the action: it is green now, and the update is there with its evidence.
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    expect(await readable(banner)).toContain(
      'Progress update added The RAG is now green (it was amber): On track: due in 12 days; the outcome measure has moved toward its target (baseline 40%, now 52%, target 75%).',
    );
    expect(await readable(rag)).toContain('RAG: Green In progress On track: due in 12 days');
    const newest = page.locator('.app-board-update').first();
    expect(await readable(newest)).toContain('By Tom Ashworth. Status then: In progress. RAG then: Green');
    expect(
      await newest
        .getByRole('link', { name: 'Commissioning panel minutes (opens in new tab)' })
        .getAttribute('href'),
    ).toBe('https://example.org/panel-minutes');
    expect(await page.locator('#updates').textContent()).toBe('Progress updates (2)');
    expect(await axeViolations(page)).toEqual([]);

    // The dashboard shows it: one amber fewer, one green more.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Dashboard', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard/');
    const ragChart = page.locator('#chart-rag-desc');
    await ragChart.waitFor({ state: 'attached' });
    await expect.poll(() => page.title()).toBe(`Partnership dashboard – ${SERVICE}`);
    expect(await ragChart.textContent()).toBe('10 actions: 2 red, 1 amber, 7 green.');
    // The page draws its blocks a frame apart; the outcomes are the last.
    await page.locator('#outcomes').waitFor();
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(6);
    // Every chart is followed by its figures as a table; open the first by keyboard. (The early-help
    // section's charts, below, have theirs too: its own test counts them.)
    expect(
      await page
        .locator('section[aria-labelledby="plan"], section[aria-labelledby="referrals"]')
        .locator('.app-chart-details')
        .count(),
    ).toBe(7);
    await tabTo(page, (el) => el.tag === 'summary' && el.text.startsWith('Show the figures as a table'));
    await page.keyboard.press('Enter');
    const ragTable = page.locator('.app-chart-details').first().locator('table');
    expect(await ragTable.isVisible()).toBe(true);
    expect(await readable(ragTable.locator('tbody'))).toBe('Red 2 20% Amber 1 10% Green 7 70%');
    const themeTable = page.locator('.app-chart-details').nth(1).locator('tbody');
    expect(squash(await themeTable.locator('tr', { hasText: 'Joint commissioning' }).textContent())).toBe(
      'Joint commissioning0011',
    );
    // Small numbers: the demo's agencies send a handful of referrals a month, so most of their counts
    // are below 5. Each reads "not shown", in the tables and the charts' descriptions, never 0; the
    // page says why, once.
    expect(squash(await page.locator('#small-numbers').textContent())).toContain(
      'Counts of fewer than 5 are not shown, so that no child can be identified',
    );
    const volumes = page.locator('.app-chart-details', { hasText: 'referrals by agency and month' });
    const brookfield = await volumes
      .locator('tbody tr', { hasText: 'Brookfield Primary' })
      .locator('td')
      .allTextContents();
    expect(brookfield).toContain('not shown');
    expect(brookfield).not.toContain('1');
    expect(await page.locator('[id^="chart-volumes-"][id$="-title"]').first().textContent()).toMatch(
      /: not shown/,
    );
    // Threshold consistency, by agency and quarter: the police's agreement, each quarter, is a
    // percentage of 5 or more referrals, or not shown.
    const policeRows = page.locator('.app-chart-details table tbody tr', { hasText: 'Northshire Police,' });
    const police = await policeRows.locator('td:nth-of-type(3)').allTextContents();
    expect(police.length).toBeGreaterThanOrEqual(2);
    for (const cell of police) expect(cell).toMatch(/^(\d+%|not shown|–)$/);
    expect(police).toContain('not shown');
    expect(await axeViolations(page)).toEqual([]);

    // The CSV for the board papers, from the plan.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Action plan', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/board/');
    await table.waitFor();
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Download CSV for board papers');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^action-plan-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? 'missing', 'utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith('BA-001,'));
    expect(line).toContain(`BA-001,${JOINT},Joint commissioning,`);
    expect(line).toContain(
      ',In progress,GREEN,"On track: due in 12 days; the outcome measure has moved toward its target (baseline 40%, now 52%, target 75%)",No,',
    );
    await page.getByText(/^Downloaded action-plan-/).waitFor();

    // The printed plan: the table without the buttons and filters.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-board-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.app-board-filters').isVisible()).toBe(false);
    expect(await page.locator('.govuk-template__header').isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    expect(await page.getByText(/^Printed on /).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Adding an action: sent empty, the form says what is missing.
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Add an action', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/board/new/');
    await page.locator('#reference').waitFor();
    expect(await page.locator('#reference').inputValue()).toBe('BA-011');
    await tabTo(page, (el) => el.tag === 'button' && el.text === 'Add the action');
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => page.title()).toBe(`Error: Add an action – ${SERVICE}`);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(
      true,
    );
    const errors = await summary.locator('li').allTextContents();
    expect(errors).toEqual([
      'Enter a title',
      'Describe the action',
      'Choose where the action comes from',
      'Enter the document the action comes from',
      'Choose a theme',
      'Choose the agency that owns the action',
      'Enter who leads the action',
      'Enter the due date',
    ]);
    expect(await page.locator('#due-error').textContent()).toContain('Enter the due date');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'Choose a theme');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('theme');
  });
});

describe('two board members updating one action at once', () => {
  it('tells the second that someone else changed it, says what changed, and lets them send theirs again', async () => {
    const [tom, helen] = await Promise.all([signedInPage('tom'), signedInPage('helen')]);
    const open = async (page: Page) => {
      await page.goto(`${live.portal.url}/board/?rag=green`);
      await tabTo(
        page,
        (el) => el.tag === 'a' && el.text === 'Every partner uses the threshold checker before referring',
      );
      await page.keyboard.press('Enter');
      await page.locator('.app-board-rag').waitFor();
      await tabTo(page, (el) => el.tag === 'a' && el.text === 'Add a progress update');
      await page.keyboard.press('Enter');
      await page.locator('#narrative').waitFor();
      await tabTo(page, (el) => el.id === 'narrative');
    };
    await Promise.all([open(tom), open(helen)]);

    // Tom sends his first.
    await tom.keyboard.type('Health visitors briefed on the checker.');
    await tabTo(tom, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await tom.keyboard.press('Enter');
    await tom.locator('.govuk-notification-banner--success').waitFor();

    // Helen, who opened the same version, sends hers: refused, with what changed, nothing lost.
    await helen.keyboard.type('Schools’ designated leads shown the checker at the forum.');
    await tabTo(helen, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await helen.keyboard.press('Enter');
    const conflict = helen.locator('.app-board-conflict');
    await conflict.waitFor();
    const said = await readable(conflict);
    expect(said).toContain('Someone else changed this action while you were editing');
    expect(said).toContain('Your progress update was not saved.');
    expect(said).toMatch(
      /Tom Ashworth added a progress update at .*: “Health visitors briefed on the checker\.”/,
    );
    expect(await helen.evaluate(() => document.activeElement?.classList.contains('app-board-conflict'))).toBe(
      true,
    );
    expect(await readable(helen.locator('.app-board-now'))).toContain('Latest update, ');
    expect(await helen.locator('#narrative').inputValue()).toBe(
      'Schools’ designated leads shown the checker at the forum.',
    );
    expect(await axeViolations(helen)).toEqual([]);

    // She sends it again, on top of Tom's: both updates are kept.
    await tabTo(helen, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await helen.keyboard.press('Enter');
    await helen.locator('.govuk-notification-banner--success').waitFor();
    const updates = await helen.locator('.app-board-update').allTextContents();
    expect(updates.map(squash).slice(0, 2)).toEqual([
      expect.stringContaining('By Helen Marsh'),
      expect.stringContaining('By Tom Ashworth'),
    ]);
    expect(await helen.locator('#updates').textContent()).toBe('Progress updates (3)');
  });
});

describe('the front door and the board chair', () => {
  it('lets the front door read the plan and the dashboard but not change them', async () => {
    const page = await signedInPage('grace');
    await page.goto(`${live.portal.url}/board/`);
    await page.locator('table.app-board-table').waitFor();
    expect(await page.getByRole('link', { name: 'Add an action' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Domestic abuse notifications to schools within 24 hours' }).click();
    await page.locator('.app-board-rag').waitFor();
    expect(await page.getByRole('button', { name: 'Add a progress update' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Change/ }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(
      'Only safeguarding partnership board members can change it.',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('draws the dashboard for a tablet: charts that fit, each with its figures', async () => {
    const page = await signedInPage('helen', { width: 820, height: 1180 });
    await page.goto(`${live.portal.url}/dashboard/`);
    await page.locator('#chart-consistency-title').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    const charts = page.locator('.app-chart__svg');
    for (const svg of await charts.all()) {
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(760);
    }
    const svg = page.locator('svg[aria-labelledby="chart-consistency-title"]');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await page.locator('#chart-consistency-desc').textContent()).toMatch(/^All agencies: /);
  });

  it('loads the dashboard on a phone without the page jumping: the header keeps its place as the charts fill in below', async () => {
    const page = await signedInPage('helen', { width: 412, height: 823 });
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: { value: number; moved: string[] }[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          sources: { node?: Element }[];
        }[]) {
          w.shifts.push({ value: entry.value, moved: entry.sources.map((s) => s.node?.className ?? '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${live.portal.url}/dashboard/`);
    // The last block the page draws, a frame after the others.
    await page.locator('#outcomes').waitFor();
    await expect.poll(() => page.getByText(/^Signed in as Helen Marsh/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts);
    expect(shifts).toEqual([]);
  });
});

describe('the early-help figures on the dashboard', () => {
  /** Adds to the early-help counters, as episodes' changes do (the API tests walk the episodes themselves). */
  async function addCounters(sk: string, counts: Record<string, number>): Promise<void> {
    const names = Object.keys(counts);
    await live.portal.db.send(
      new UpdateCommand({
        TableName: live.portal.tables['early-help'],
        Key: { pk: 'STATS', sk },
        UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:c${i}`, counts[n]])),
      }),
    );
  }

  it('draws them for the chair on a tablet as charts, each with its figures, the police’s 2 not shown, reached by keyboard', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    await addCounters(`Q#${quarter}#AGENCY#harbour-family-support`, {
      started_l2: 3,
      started_l3: 9,
      reReferred: 2,
      allocated: 10,
      allocatedOnTime: 8,
      assessed: 7,
      assessedOnTime: 5,
      planned: 6,
      plannedOnTime: 6,
      reviewed: 8,
      reviewedOnTime: 7,
      closed_outcomes_met: 6,
      closed_stepped_down: 5,
      closed_stepped_up: 1,
    });
    await addCounters(`Q#${quarter}#AGENCY#northshire-community-health`, {
      started_l3: 6,
      allocated: 6,
      allocatedOnTime: 3,
      closed_outcomes_met: 5,
    });
    await addCounters('OPEN#AGENCY#harbour-family-support', { l2: 4, l3: 12 });
    await addCounters('OPEN#AGENCY#northshire-police', { l3: 2 });

    const page = await signedInPage('helen', { width: 820, height: 1180 });
    await page.goto(`${live.portal.url}/dashboard/`);
    const section = page.locator('section[aria-labelledby="early-help"]');
    await section.locator('#chart-eh-closures-title').waitFor({ state: 'attached' });
    expect(await section.locator('h2').textContent()).toBe('Early help');
    // Five charts, each an image with its title and description, each followed by its figures.
    const charts = section.locator('svg[role="img"]');
    expect(await charts.count()).toBe(5);
    for (const svg of await charts.all()) {
      expect((await svg.boundingBox())?.width ?? 0).toBeLessThanOrEqual(760);
      expect(await svg.locator('desc').textContent()).not.toBe('');
    }
    expect(await section.locator('.app-chart-details').count()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    expect(await page.locator('#chart-eh-on-time-desc').textContent()).toMatch(
      /^Lead practitioner allocated: .+Early Help Assessment completed: /,
    );

    // From "On this page" to the section, then its first figures, by keyboard alone.
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Early help:'));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard/#early-help');
    await tabTo(page, (el) => el.tag === 'summary' && el.text.includes('early-help episodes open now'));
    await page.keyboard.press('Enter');
    const open = section.locator('.app-chart-details').first().locator('table');
    expect(await open.isVisible()).toBe(true);
    const police = await open
      .locator('tbody tr', { hasText: 'Northshire Police' })
      .locator('td')
      .allTextContents();
    expect(police).toContain('not shown');
    expect(police).not.toContain('2');
    expect(await page.locator('#chart-eh-open-desc').textContent()).toMatch(/Northshire Police: not shown/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
