/**
 * Threshold calibration in the browser, on the demo data: Tom, a guidance editor, starts a draft and
 * sees on its overview the indicators the front door most often overrode, with the direction and how
 * often, as the API gives them; Helen sees the same list charted on the partnership dashboard; Amira
 * sees her school's own agreement by quarter on her list. Axe finds nothing on any of them.
 */
import { describe, expect, it } from 'vitest';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import { everOverridden } from '../../shared/referrals/calibration.ts';
import type { Calibration, OwnAgreement } from '../../shared/referrals/calibration-schema.ts';
import { readable } from '../support/browser.ts';
import { earlyHelpHarness, expectAxeClean, soon } from './early-help-harness.ts';

const { url, api, signedInPage } = earlyHelpHarness();

describe('threshold calibration', () => {
  it('shows a guidance editor the most-overridden indicators on a new draft', async () => {
    const figures = await api<Calibration>('tom', 'GET', '/stats/referrals/calibration');
    const expected = figures.indicators.filter(everOverridden).slice(0, 10);
    expect(expected.length).toBeGreaterThan(0);
    const current = await api<GuidanceVersion>('tom', 'GET', '/guidance');
    const text = (id: string) => current.framework.indicators.find((i) => i.id === id)?.text ?? id;

    const draft = await api<GuidanceVersion>('tom', 'POST', '/guidance/versions', {});
    const page = await signedInPage('tom');
    await page.goto(url(`/guidance/edit/draft/?v=${draft.version}`));
    const section = page.locator('section[aria-labelledby="most-overridden"]');
    const rows = section.locator('tbody tr');
    await soon(() => rows.count()).toBe(expected.length);
    expect(await readable(section)).toContain(`decided under version ${figures.version} of the guidance`);
    for (const [i, row] of expected.entries())
      expect(await readable(rows.nth(i))).toContain(text(row.indicatorId));
    await expectAxeClean(page);
  });

  it('charts the most-overridden indicators on the partnership dashboard', async () => {
    const page = await signedInPage('helen', { width: 1024, height: 900 });
    await page.goto(url('/dashboard/'));
    await page.locator('#chart-calibration-title').waitFor({ state: 'attached' });
    const section = page.locator('section[aria-labelledby="calibration"]');
    expect(await readable(section)).toContain('Decided higher');
    expect(await page.locator('#chart-calibration-title').textContent()).toContain('most often overridden');
    await expectAxeClean(page);
  });

  it('shows a referrer its own agency’s agreement by quarter', async () => {
    const mine = await api<OwnAgreement>('amira', 'GET', '/stats/referrals/agreement/mine');
    const page = await signedInPage('amira');
    await page.goto(url('/referrals/'));
    const section = page.locator('section[aria-labelledby="own-agreement"]');
    await section.waitFor();
    if (mine.quarters.length > 0)
      await soon(() => section.locator('#own-agreement-quarters li').count()).toBe(mine.quarters.length);
    expect(await readable(section)).not.toMatch(/Northshire Police|Northshire Academy/);
    await expectAxeClean(page);
  });
});
