import { html } from 'htm/preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DueTime } from '../../web/referrals/status.ts';

describe('the queue’s due time at the exact due instant', () => {
  const due = new Date('2026-04-07T16:00:00.000Z');
  const justAfter = new Date('2026-04-07T16:00:00.001Z');

  it('the queue shows no "Overdue" tag at the due instant, and one just after', () => {
    const render = (now: Date, showTime: boolean) =>
      renderToString(
        html`<${DueTime} dueAt=${due.toISOString()} status="submitted" now=${now} showTime=${showTime} />`,
      );
    expect(render(due, false)).not.toMatch(/overdue/i);
    expect(render(due, false)).toContain('Due soon: in less than a minute');
    expect(render(due, true)).not.toMatch(/overdue/i);
    expect(render(justAfter, false)).toContain('Overdue by less than a minute');
    expect(render(justAfter, true)).toContain('Overdue');
  });
});

describe('the queue’s timer, red, amber and green', () => {
  const due = new Date('2026-03-02T13:00:00.000Z');
  const render = (minutesBefore: number, priority: string, showTime = false) =>
    renderToString(
      html`<${DueTime} dueAt=${due.toISOString()} status="in_review" now=${new Date(due.getTime() - minutesBefore * 60_000)} priority=${priority} showTime=${showTime} />`,
    );

  it('is green before the priority’s window, amber inside it, with the words saying so', () => {
    expect(render(61, 'urgent')).toMatch(/govuk-tag--green[^>]*>Due in 1 hour/);
    expect(render(60, 'urgent')).toMatch(/govuk-tag--yellow[^>]*>Due soon: in 1 hour/);
    // A standard referral turns amber eight hours out; an urgent one only in its last hour.
    expect(render(300, 'standard')).toContain('Due soon');
    expect(render(300, 'urgent')).not.toContain('Due soon');
    expect(render(30, 'urgent', true)).toMatch(/Due soon.*Due by/);
  });

  it('is red once past due', () => {
    expect(render(-5, 'standard')).toMatch(/govuk-tag--red[^>]*>Overdue by 5 minutes/);
  });
});
