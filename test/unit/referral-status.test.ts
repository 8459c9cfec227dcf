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
    expect(render(due, false)).toContain('Due in less than a minute');
    expect(render(due, true)).not.toMatch(/overdue/i);
    expect(render(justAfter, false)).toContain('Overdue by less than a minute');
    expect(render(justAfter, true)).toContain('Overdue');
  });
});
