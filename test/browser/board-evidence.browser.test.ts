/**
 * A RAG that needs evidence, and the chair's challenge, by keyboard alone: Tom adds a progress update
 * to "Care leavers’ housing pathway" (amber in the demo data: its last update did not move its
 * measure and no one verified it) without moving the measure: it stays amber and says why, and he is
 * offered no verification of his own update. Helen, the independent chair, challenges the action; it
 * shows on the action and on the dashboard with its due date, beside her older, overdue challenge.
 * Tom, of the partnership, responds to that one, and it leaves the dashboard's list. axe finds
 * nothing on any page.
 */
import { describe, expect, it } from 'vitest';
import { challengeDueDate } from '../../shared/board/challenges.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import { formatDate } from '../../shared/views/govuk-components.ts';
import { axeViolations, focused, readable, tabTo } from '../support/browser.ts';
import { portalAndChromium } from '../support/browser-portal.ts';

const CARE = 'Care leavers’ housing pathway agreed with district councils';
const THRESHOLDS = 'Every partner uses the threshold checker before referring';
const STAYS =
  'Stays amber: the outcome measure has not moved toward its target (baseline 78%, now 78%, target 90%) and no second board member has verified the update';

const live = portalAndChromium();

describe('a RAG that needs evidence, and the chair’s challenge', () => {
  it('keeps an unevidenced update amber and says why; the chair’s challenge shows with its due date until answered', async () => {
    const tom = await live.signedInPage('tom');
    await tom.goto(`${live.portal.url}/board/`);
    await tom.locator('table.app-board-table').waitFor();
    await tabTo(tom, (el) => el.tag === 'a' && el.text === CARE);
    await tom.keyboard.press('Enter');
    const rag = tom.locator('.app-board-rag');
    await rag.waitFor();
    expect(await readable(rag)).toContain(`RAG: Amber In progress ${STAYS}`);
    // His own updates offer him no verification.
    expect(await tom.getByRole('link', { name: /^Verify this update/ }).count()).toBe(0);
    expect(await axeViolations(tom)).toEqual([]);

    // An update that leaves the measure where it was.
    await tabTo(tom, (el) => el.tag === 'a' && el.text === 'Add a progress update');
    await tom.keyboard.press('Enter');
    await tom.getByRole('heading', { level: 1, name: 'Add a progress update' }).waitFor();
    await tabTo(tom, (el) => el.id === 'narrative');
    await tom.keyboard.type('Two district councils have replied; the third meets us next week.');
    await tabTo(tom, (el) => el.id === 'measure-current');
    expect(await tom.locator('#measure-current').inputValue()).toBe('78%');
    expect(await axeViolations(tom)).toEqual([]);
    await tabTo(tom, (el) => el.tag === 'button' && el.text === 'Add progress update');
    await tom.keyboard.press('Enter');
    const banner = tom.locator('.govuk-notification-banner--success');
    await banner.waitFor();
    expect(await readable(banner)).toContain(`Progress update added The RAG is still amber: ${STAYS}.`);
    expect(await readable(rag)).toContain(`RAG: Amber In progress ${STAYS}`);
    expect(await readable(tom.locator('.app-board-update').first())).toContain(
      'Not verified by a second board member.',
    );
    expect(await tom.getByRole('link', { name: /^Verify this update/ }).count()).toBe(0);
    const actionUrl = tom.url();

    // Helen, the chair, may verify Tom's updates, and challenges the action.
    const helen = await live.signedInPage('helen');
    await helen.goto(actionUrl);
    await helen.locator('.app-board-rag').waitFor();
    expect(await helen.getByRole('link', { name: /^Verify this update/ }).count()).toBe(2);
    await tabTo(helen, (el) => el.tag === 'a' && el.text === 'Challenge the action');
    await helen.keyboard.press('Enter');
    await helen.getByRole('heading', { level: 1, name: 'Challenge the action' }).waitFor();
    await expect.poll(async () => (await focused(helen)).tag).toBe('h1');
    // Sent empty: the error summary names the field.
    await tabTo(helen, (el) => el.tag === 'button' && el.text === 'Record the challenge');
    await helen.keyboard.press('Enter');
    await helen.locator('.govuk-error-summary').waitFor();
    expect(await helen.locator('#text-error').textContent()).toContain('Enter the challenge');
    expect(await axeViolations(helen)).toEqual([]);
    await tabTo(helen, (el) => el.tag === 'a' && el.text === 'Enter the challenge');
    await helen.keyboard.press('Enter');
    expect((await focused(helen)).id).toBe('text');
    await helen.keyboard.type(
      'Replies are not outcomes. How many care leavers moved into suitable homes this quarter?',
    );
    await tabTo(helen, (el) => el.tag === 'button' && el.text === 'Record the challenge');
    await helen.keyboard.press('Enter');
    await helen.locator('.govuk-notification-banner--success').waitFor();
    const due = formatDate(challengeDueDate(ukDateOf(new Date())));
    const recorded = helen.locator('.app-board-challenge').first();
    expect(await readable(recorded)).toContain('Waiting for a response');
    expect(await readable(recorded)).toContain(`Northshire County Council's response is due by ${due}.`);
    expect(await axeViolations(helen)).toEqual([]);

    // The dashboard lists it, beside the older one on the threshold checker, which is overdue.
    await tabTo(helen, (el) => el.tag === 'a' && el.text === 'Dashboard', { back: true });
    await helen.keyboard.press('Enter');
    await helen.waitForURL('**/dashboard/');
    const heading = helen.locator('#challenges');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Challenges waiting for a response (2)');
    const list = helen.locator('.app-dashboard-challenges li');
    expect(await readable(list.filter({ hasText: CARE }))).toContain(
      `Northshire County Council to respond by ${due}.`,
    );
    expect(await readable(list.filter({ hasText: THRESHOLDS }))).toMatch(/Overdue .*\(overdue\)/);
    expect(await axeViolations(helen)).toEqual([]);

    // Tom, a board member of the partnership that owns it, answers the overdue one.
    await tom.goto(`${live.portal.url}/dashboard/`);
    await tom.locator('#challenges').waitFor();
    await tabTo(tom, (el) => el.tag === 'a' && el.text.startsWith('BA-002: '));
    await tom.keyboard.press('Enter');
    await tom.locator('.app-board-challenge').first().waitFor();
    await tabTo(tom, (el) => el.tag === 'a' && el.text.startsWith('Respond to the challenge'));
    await tom.keyboard.press('Enter');
    await tom.getByRole('heading', { level: 1, name: 'Respond to the challenge' }).waitFor();
    await tabTo(tom, (el) => el.id === 'text');
    await tom.keyboard.type(
      'Matched levels rose from 61% to 72% after the briefings; the audit goes to the next board.',
    );
    await tabTo(tom, (el) => el.tag === 'button' && el.text === 'Send the response');
    await tom.keyboard.press('Enter');
    await tom.locator('.govuk-notification-banner--success').waitFor();
    expect(await readable(tom.locator('.app-board-challenge').first())).toContain('Responded');
    expect(await axeViolations(tom)).toEqual([]);

    await helen.reload();
    await helen.locator('#challenges').waitFor();
    expect(await helen.locator('#challenges').textContent()).toBe('Challenges waiting for a response (1)');
    expect(await helen.locator('.app-dashboard-challenges li', { hasText: THRESHOLDS }).count()).toBe(0);
  });
});
