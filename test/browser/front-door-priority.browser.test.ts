/**
 * The front door's priorities, by keyboard: a school's referral of a child hurt at home is urgent,
 * so it leads Grace's queue (read on a phone's width) with its four-hour clock; Leon cannot decide it
 * while Grace reviews it; Grace, a manager, hands it to him; he decides, and is stopped from closing
 * a level 4 concern with advice. axe finds nothing on any page.
 */
import { describe, expect, it } from 'vitest';
import { readable, squash, tabTo } from '../support/browser.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import {
  arrive,
  byId,
  earlyHelpHarness,
  expectAxeClean,
  LONG,
  press,
  soon,
  typeInto,
} from './early-help-harness.ts';

const { url, api, signedInPage } = earlyHelpHarness();
const PHONE = { width: 390, height: 844 };

describe('an urgent referral leads the queue and is handed to a colleague', () => {
  it('Grace sees it first, hands it to Leon, and Leon decides it within what level 4 allows', async () => {
    const base = completeReferral();
    const draft = await api<{ id: string; version: number }>(
      'amira',
      'POST',
      '/referrals',
      completeReferral({
        child: { ...base.child, firstName: 'Rowan', lastName: 'Ashdown', dateOfBirth: '2016-09-21' },
        indicatorIds: ['safety-disclosed-hit-with-injury'],
        concerns: 'Rowan came in with a bruised cheek and said his stepdad hit him last night.',
        consent: { status: 'not_sought', notSoughtReason: 'child_in_immediate_danger' },
      }),
      { 'idempotency-key': `priority-browser-${Date.now()}` },
    );
    const sent = await api<{ id: string; reference: string; priority: string }>(
      'amira',
      'POST',
      `/referrals/${draft.id}/submit`,
      undefined,
      { 'if-match': `"${draft.version}"` },
    );
    expect(sent.priority).toBe('urgent');

    // On a phone's width, the urgent one is at the top, its clock running.
    const grace = await signedInPage('grace', PHONE);
    await grace.goto(url('/referrals/queue/'));
    await arrive(grace, '/referrals/queue/', 'Front Door queue');
    const first = grace.locator('tbody tr').first();
    await soon(() => readable(first)).toMatch(/^Urgent/);
    const row = grace.locator('tbody tr', { hasText: sent.reference });
    expect(await readable(row)).toMatch(/^Urgent Due in [1-4] hours?|^Urgent Due soon: in \d+ minutes/);
    expect(squash(await grace.locator('#queue-summary').textContent())).toContain(
      'Most urgent first, then soonest due',
    );
    // Every column's content is on screen, each named: nothing needs scrolling sideways.
    expect(await grace.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const cells = await first.locator('td').evaluateAll((tds) =>
      tds.map((td) => ({
        label: getComputedStyle(td, '::before').content,
        right: td.getBoundingClientRect().right,
      })),
    );
    expect(cells.map((c) => c.label)).toEqual(
      ['Priority', 'Decision due', 'Child and reference', 'From', 'Level', 'Status'].map((l) => `"${l}: "`),
    );
    expect(cells.every((c) => c.right <= PHONE.width)).toBe(true);
    await expectAxeClean(grace);

    // Opening it makes it hers; its page says how soon it must be decided.
    await tabTo(grace, (el) => el.tag === 'a' && el.text === 'Rowan Ashdown', LONG);
    await grace.keyboard.press('Enter');
    await arrive(grace, `/referrals/view/?id=${sent.id}`, /^Rowan Ashdown, EH-/);
    await soon(() => readable(grace.locator('main'))).toContain('Reviewed by Grace Obi');
    expect(await readable(grace.locator('main'))).toContain('Urgent The Front Door decides within 4 hours');

    // Leon may read it but not decide it while Grace reviews it.
    const leon = await signedInPage('leon');
    await leon.goto(url(`/referrals/view/?id=${sent.id}`));
    await arrive(leon, `/referrals/view/?id=${sent.id}`, /^Rowan Ashdown, EH-/);
    await soon(() => readable(leon.locator('#decided-by-reviewer'))).toBe(
      'Grace Obi is reviewing this referral: only they or a front-door manager can decide it.',
    );
    expect(await leon.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    expect(await leon.locator('#reassign-to').count()).toBe(0);

    // Grace hands it to Leon.
    await tabTo(grace, byId('reassign-to'), LONG);
    await grace.keyboard.type('Leon');
    expect(squash(await grace.locator('#reassign-to option:checked').textContent())).toBe('Leon Fairweather');
    await expectAxeClean(grace);
    await press(grace, 'Reassign');
    await soon(async () =>
      squash(await grace.locator('.govuk-notification-banner--success').textContent()),
    ).toContain('Referral reassigned');
    expect(await readable(grace.locator('main'))).toContain('Reviewed by Leon Fairweather');
    expect(await readable(grace.locator('main'))).toContain('Reassigned from Grace Obi to Leon Fairweather');

    // Leon decides: level 4 with advice is refused before it is sent, naming the outcomes that fit.
    await leon.reload();
    await arrive(leon, `/referrals/view/?id=${sent.id}`, /^Rowan Ashdown, EH-/);
    await press(leon, 'Record the decision');
    await arrive(leon, `/referrals/decide/?id=${sent.id}`, 'Record the decision');
    await tabTo(leon, byId('level'), LONG);
    for (let i = 0; i < 3; i++) await leon.keyboard.press('ArrowDown');
    expect(await leon.locator('input[name="levelOfNeed"]:checked').getAttribute('value')).toBe('4');
    await soon(() => readable(leon.locator('#outcome-hint'))).toMatch(/^At level 4: .*strategy discussion/i);
    await tabTo(leon, byId('outcome'), LONG);
    await leon.keyboard.press('ArrowDown');
    expect(await leon.locator('input[name="outcome"]:checked').getAttribute('value')).toBe(
      'advice_signposting',
    );
    await typeInto(leon, 'rationale', 'A disclosed injury: this needs a strategy discussion today.');
    await typeInto(leon, 'feedback', 'Thank you. A social worker is arranging a strategy discussion today.');
    await press(leon, 'Record the decision');
    const summary = leon.locator('.govuk-error-summary');
    await soon(() => readable(summary)).toMatch(/At level 4 the outcome must be one of/);
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#outcome');
    await expectAxeClean(leon);

    // From the summary's link back to the outcomes, and down to a strategy discussion.
    await tabTo(leon, (el) => el.tag === 'a' && el.text.startsWith('At level 4'), LONG);
    await leon.keyboard.press('Enter');
    await soon(() => leon.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      'outcome',
    );
    await tabTo(leon, (el) => el.name === 'outcome' && el.checked, LONG);
    for (let i = 0; i < 4; i++) await leon.keyboard.press('ArrowDown');
    expect(await leon.locator('input[name="outcome"]:checked').getAttribute('value')).toBe(
      'strategy_discussion',
    );
    await press(leon, 'Record the decision');
    await arrive(leon, `/referrals/view/?id=${sent.id}&done=decided`, /^Rowan Ashdown, EH-/);
    await soon(() => readable(leon.locator('#decision'))).toContain('Strategy discussion');
  });
});
