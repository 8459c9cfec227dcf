/**
 * The board's chair reads the unmet need on the dashboard: what the front door found no service for,
 * by quarter and need, as a chart with its figures, and beside it the plan's joint-commissioning
 * actions, the one that cites unmet need marked so. Reached by keyboard from the page's contents; axe
 * finds nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ReferralStats } from '../../shared/referrals/stats.ts';
import { countText, quarterLabel } from '../../web/dashboard/pages/dashboard/figures.ts';
import { readable, squash, tabTo } from '../support/browser.ts';
import { earlyHelpHarness, expectAxeClean, LONG, soon } from './early-help-harness.ts';

const { url, api, signedInPage } = earlyHelpHarness();

describe('unmet need on the dashboard', () => {
  it('shows the needs no service fitted by quarter, beside the joint-commissioning actions', async () => {
    // The demo's front door recorded some: the figures the page must draw, as the API gives them.
    const { unmetNeed } = await api<ReferralStats>('helen', 'GET', '/stats/referrals');
    expect(unmetNeed.length).toBeGreaterThan(0);

    const page = await signedInPage('helen', { width: 820, height: 1180 });
    await page.goto(url('/dashboard/'));
    await page.locator('#chart-unmet-need-title').waitFor({ state: 'attached' });
    await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Unmet need:'), LONG);
    await page.keyboard.press('Enter');
    await soon(() => page.evaluate(() => window.location.hash)).toBe('#unmet-need');

    const section = page.locator('section[aria-labelledby="unmet-need"]');
    const chart = page.locator('svg[aria-labelledby="chart-unmet-need-title"]');
    expect(await chart.getAttribute('role')).toBe('img');
    // The chart says each quarter and each need's count in words, hidden ones as "not shown".
    const desc = squash(await page.locator('#chart-unmet-need-desc').textContent());
    for (const q of unmetNeed) {
      expect(desc).toContain(`${quarterLabel(q.quarter)} (${countText(q.total)} in all):`);
      for (const n of Object.values(q.byNeed)) expect(desc).toContain(countText(n));
    }
    const words = await readable(section);
    expect(words).toContain('Needs no service fitted, by area, age and reason');

    // The joint-commissioning action that cites the unmet need.
    const actions = page.locator('#commissioning-actions li');
    const cited = actions.filter({ hasText: 'Cites unmet need' });
    expect(await cited.count()).toBeGreaterThan(0);
    expect(await readable(cited.first())).toContain(
      'BA-001: Joint commissioning of early help for exploitation',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await expectAxeClean(page);
  });
});
