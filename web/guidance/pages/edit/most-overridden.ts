/**
 * On a draft's overview: the ten indicators the front door most often decided at a different level
 * from the one the referrer's indicators suggested, with the direction, so the next version can fix
 * their wording or level. Read from GET /api/stats/referrals/calibration, the partnership's figures
 * (a guidance editor is given no agency's); small counts arrive hidden and read "not shown".
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Framework } from '../../../../shared/guidance/schema.ts';
import { type Count, isSuppressed, type Share } from '../../../../shared/platform/small-numbers.ts';
import { directionText, everOverridden } from '../../../../shared/referrals/calibration.ts';
import type { Calibration } from '../../../../shared/referrals/calibration-schema.ts';
import { apiGet } from '../../../platform/api.ts';
import { HIDDEN_TEXT } from '../../../platform/charts/basics.ts';
import { Table } from '../../../platform/table.ts';
import { percent } from '../../../platform/ui-basics.ts';

const SHOWN = 10;
const countText = (c: Count) => (isSuppressed(c) ? HIDDEN_TEXT : String(c));
const shareText = (s: Share) => (isSuppressed(s) ? HIDDEN_TEXT : percent(s));

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; figures: Calibration };

export function MostOverridden(props: { framework: Framework }): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    apiGet<Calibration>('/stats/referrals/calibration', controller.signal).then(
      (figures) => setState({ kind: 'loaded', figures }),
      () => !controller.signal.aborted && setState({ kind: 'failed' }),
    );
    return () => controller.abort();
  }, []);

  const heading = html`<h2 class="govuk-heading-l" id="most-overridden">Most overridden indicators</h2>`;
  if (state.kind === 'loading')
    return html`<section aria-labelledby="most-overridden">${heading}<p class="govuk-body" role="status">Loading the figures…</p></section>`;
  if (state.kind === 'failed')
    return html`<section aria-labelledby="most-overridden">${heading}<p class="govuk-body">The Front Door’s figures could not be loaded. Reload the page to try again.</p></section>`;

  const { figures } = state;
  const rows = figures.indicators.filter(everOverridden).slice(0, SHOWN);
  const textOf = (id: string) => props.framework.indicators.find((i) => i.id === id)?.text;
  return html`
    <section aria-labelledby="most-overridden" class="app-most-overridden">
      ${heading}
      <p class="govuk-body">
        ${
          figures.version === null
            ? 'No referral has been decided yet, so there is nothing to show.'
            : `From referrals decided under version ${figures.version} of the guidance: how often the Front Door set a higher or lower level than the one the referrer’s chosen indicators suggested. Look at these indicators’ wording and level first.`
        }
      </p>
      ${
        figures.version !== null && rows.length === 0
          ? html`<p class="govuk-body">No indicator has been overridden yet.</p>`
          : null
      }
      ${
        rows.length > 0
          ? html`<${Table}
              classes="govuk-table--small-text-until-tablet"
              caption=${`The ${rows.length === 1 ? 'indicator' : `${rows.length} indicators`} most often overridden`}
              captionSize="m"
              head=${[
                'Indicator',
                { text: 'Decided with it', classes: 'govuk-table__header--numeric' },
                { text: 'Overridden', classes: 'govuk-table__header--numeric' },
                { text: 'Higher', classes: 'govuk-table__header--numeric' },
                { text: 'Lower', classes: 'govuk-table__header--numeric' },
                'Direction',
              ]}
            >
              ${rows.map(
                (row) => html`
                  <tr class="govuk-table__row" key=${row.indicatorId}>
                    <th scope="row" class="govuk-table__header">
                      ${textOf(row.indicatorId) ?? html`${row.indicatorId} <span class="govuk-hint">(not in this draft)</span>`}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">${countText(row.decided)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">
                      ${countText(row.overridden)}${typeof row.overriddenPct === 'number' ? ` (${shareText(row.overriddenPct)})` : ''}
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">${countText(row.higher)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">${countText(row.lower)}</td>
                    <td class="govuk-table__cell">${directionText(row) ?? HIDDEN_TEXT}</td>
                  </tr>
                `,
              )}
            </${Table}>
            <p class="govuk-body-s">
              Counts below ${figures.smallNumbers.threshold}, and counts that would let one be worked out, are not shown.
              ${rows.some((r) => isSuppressed(r.overridden)) ? ' ' + 'Where a count is not shown, the indicator is listed after those with counts shown, by name, not by how often: its place would otherwise tell its size.' : ''}
            </p>`
          : null
      }
    </section>
  `;
}
