/**
 * The dashboard's referrals section: volumes by agency and month, threshold consistency, and the
 * decisions of a chosen quarter (the choice is kept in the address).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { quarterOf } from '../../../../shared/referrals/consistency.ts';
import type { AgencyName } from '../../../platform/agencies.ts';
import { HIDDEN_MARK } from '../../../platform/charts/basics.ts';
import { AfterPaint, Select } from '../../../platform/ui.ts';
import type { ReferralStats } from '../../api.ts';
import { Consistency } from './consistency.ts';
import { Outcomes, Timeliness } from './decisions.ts';
import { quarterLabel } from './figures.ts';
import { Volumes } from './volumes.ts';

export function Referrals(props: { stats: ReferralStats; agencies: AgencyName[]; today: string }): VNode {
  const { stats, agencies } = props;
  const quarters = useMemo(() => [...new Set(stats.quarters.map((q) => q.quarter))].sort(), [stats]);
  const current = quarterOf(props.today);
  const initial = new URLSearchParams(window.location.search).get('quarter');
  const [quarter, setQuarter] = useState(
    initial && quarters.includes(initial)
      ? initial
      : quarters.includes(current)
        ? current
        : (quarters.at(-1) ?? current),
  );
  const index = quarters.indexOf(quarter);
  const previous = index > 0 ? (quarters[index - 1] ?? null) : null;
  const choose = (q: string) => {
    setQuarter(q);
    window.history.replaceState(null, '', q === current ? '/dashboard/' : `/dashboard/?quarter=${q}`);
  };
  return html`
    <p class="govuk-body" id="small-numbers">
      Counts of fewer than ${stats.smallNumbers.threshold} are not shown, so that no child can be identified, and nor are
      other counts that would let one be worked out from a total. In the charts they are marked ${HIDDEN_MARK}.
    </p>
    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="volumes">Referrals by agency and month</h3>
      <${Volumes} stats=${stats} agencies=${agencies} />
    </${AfterPaint}>

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="consistency">Threshold consistency by agency</h3>
      <${Consistency} stats=${stats} agencies=${agencies} quarters=${quarters} />
    </${AfterPaint}>

    <${AfterPaint}>
      <div class="app-dashboard-quarter">
        <h3 class="govuk-heading-m" id="quarter-figures">Decisions ${quarter === current ? 'this quarter' : `in ${quarterLabel(quarter)}`}</h3>
        ${
          quarters.length > 1
            ? html`<${Select}
                id="quarter"
                name="quarter"
                label="Show the decisions of"
                value=${quarter}
                options=${[...quarters].reverse().map((q) => ({ value: q, text: `${quarterLabel(q)}${q === current ? ' (this quarter)' : ''}` }))}
                onChange=${choose}
              />`
            : null
        }
      </div>
      <h4 class="govuk-heading-s" id="on-time">Decisions on time</h4>
      <${Timeliness} stats=${stats} agencies=${agencies} quarter=${quarter} previous=${previous} />
      <h4 class="govuk-heading-s" id="outcomes">Outcomes</h4>
      <${Outcomes} stats=${stats} quarter=${quarter} />
    </${AfterPaint}>
  `;
}
