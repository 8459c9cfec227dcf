/**
 * On a referrer's list: how often the Front Door decided the level their agency's referrals
 * suggested, quarter by quarter, in plain sentences (GET /api/stats/referrals/agreement/mine). Only
 * the agency's own figures, and the partnership's share beside them; small counts arrive hidden.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isSuppressed } from '../../../../shared/platform/small-numbers.ts';
import type { OwnAgreement } from '../../../../shared/referrals/calibration-schema.ts';
import { apiGet } from '../../../platform/api.ts';
import { percent } from '../../../platform/ui-basics.ts';

type Quarter = OwnAgreement['quarters'][number];
type Agreement = Quarter['agreement'];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-Q2" → "April to June 2026": months in full, as GOV.UK style writes them. */
function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const first = (Number(q) - 1) * 3;
  return `${MONTHS[first] ?? '?'} to ${MONTHS[first + 2] ?? '?'} ${year}`;
}

/** "4 of 6 (67%)", or why it is not given. */
function agreementWords(a: Agreement): string | null {
  if (a.n === 0) return null;
  if (isSuppressed(a.agreementPct) || isSuppressed(a.agreed) || isSuppressed(a.n) || a.agreementPct === null)
    return 'too few referrals to show (fewer than 5, or a count that would let one be worked out)';
  return `${a.agreed} of ${a.n} (${percent(a.agreementPct)})`;
}

function QuarterSentence(props: { q: Quarter }): VNode {
  const { q } = props;
  const suggested = agreementWords(q.agreement);
  const own = agreementWords(q.referrerAgreement);
  const partnership = q.partnershipAgreementPct;
  return html`
    <li>
      <strong>${quarterLabel(q.quarter)}:</strong>
      ${suggested ? ` the level your referrals’ indicators suggested was the level decided for ${suggested}.` : ' no decided referrals had indicators chosen.'}
      ${own ? ` The level your referrers thought was the level decided for ${own}.` : ''}
      ${typeof partnership === 'number' ? ` Across the partnership: ${percent(partnership)}.` : ''}
    </li>
  `;
}

export function OwnAgreementSection(): VNode | null {
  const [figures, setFigures] = useState<OwnAgreement | null | 'failed'>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiGet<OwnAgreement>('/stats/referrals/agreement/mine', controller.signal).then(setFigures, () => {
      if (!controller.signal.aborted) setFigures('failed');
    });
    return () => controller.abort();
  }, []);
  if (figures === null) return null;
  return html`
    <section aria-labelledby="own-agreement">
      <h2 class="govuk-heading-m" id="own-agreement">How often the Front Door agreed with your agency’s level</h2>
      ${
        figures === 'failed'
          ? html`<p class="govuk-body">These figures could not be loaded. Reload the page to try again.</p>`
          : figures.quarters.length === 0
            ? html`<p class="govuk-body">None of your agency’s referrals has been decided this year or last, so there is nothing to show yet.</p>`
            : html`
              <p class="govuk-body">Your agency’s referrals only, by the quarter they were decided. Other agencies’ figures are not shown.</p>
              <ul class="govuk-list govuk-list--spaced" id="own-agreement-quarters">
                ${figures.quarters.map((q) => html`<${QuarterSentence} key=${q.quarter} q=${q} />`)}
              </ul>
            `
      }
    </section>
  `;
}
