/**
 * The dashboard's threshold calibration: the indicators the Front Door most often decided at a
 * higher or lower level than the referrer's indicators suggested, under the newest guidance version
 * with figures (GET /api/stats/referrals/calibration). A hidden count is neither drawn nor guessed:
 * its bar is left out and it reads "not shown".
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { isSuppressed } from '../../../../shared/platform/small-numbers.ts';
import { directionText, everOverridden } from '../../../../shared/referrals/calibration.ts';
import type { Calibration } from '../../../../shared/referrals/calibration-schema.ts';
import { BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { HIDDEN_TEXT, Legend, type SeriesStyle } from '../../../platform/charts/basics.ts';
import { FiguresTable } from '../../../platform/charts/figures.ts';
import { countText, drawn, shareText } from './figures.ts';

const SHOWN = 10;

/** Higher in dark blue, lower in black with dots: told apart by more than colour. */
const SERIES: Record<'higher' | 'lower', SeriesStyle> = {
  higher: { label: 'Decided higher', fill: '#003078', text: '#ffffff' },
  lower: {
    label: 'Decided lower',
    fill: '#0b0c0c',
    pattern: 'dots',
    patternColour: '#b1b4b6',
    text: '#ffffff',
  },
};

export function CalibrationFigures(props: {
  figures: Calibration;
  indicatorName: (id: string) => string;
}): VNode {
  const { figures } = props;
  const rows = figures.indicators.filter(everOverridden).slice(0, SHOWN);
  if (figures.version === null || rows.length === 0)
    return html`<p class="govuk-body">No indicator has been overridden yet, so there is nothing to show.</p>`;
  const valueText = (r: (typeof rows)[number]) =>
    typeof r.overriddenPct === 'number'
      ? `${countText(r.overridden)} of ${countText(r.decided)} (${shareText(r.overriddenPct)})`
      : HIDDEN_TEXT;
  const chartRows: BarRow[] = rows.map((r) => {
    const higher = drawn(r.higher);
    const lower = drawn(r.lower);
    return {
      label: props.indicatorName(r.indicatorId),
      // Both or neither: one drawn alone would read as the whole override.
      segments:
        higher === null || lower === null
          ? []
          : [
              { key: 'higher', value: higher },
              { key: 'lower', value: lower },
            ],
      valueText: valueText(r),
    };
  });
  return html`
    <p class="govuk-body">
      Under version ${figures.version} of the guidance, the indicators most often chosen on referrals that the Front Door
      decided at a different level from the one the indicators suggested, and whether it set a higher or a lower one. The
      guidance editors see the same list when they draft the next version.
      ${rows.some((r) => isSuppressed(r.overridden)) ? ' ' + 'Where a count is not shown, the indicator is listed after those with counts shown, by name, not by how often: its place would otherwise tell its size.' : ''}
    </p>
    <${Legend} id="legend-calibration" series=${SERIES} />
    <${BarChart}
      id="chart-calibration"
      title=${`Threshold calibration: the ${rows.length} indicators most often overridden, version ${figures.version}`}
      desc=${rows.map((r) => `${props.indicatorName(r.indicatorId)}: ${valueText(r)}`).join('. ')}
      rows=${chartRows}
      series=${SERIES}
      labelShare=${0.45}
    />
    <${FiguresTable}
      what="threshold calibration"
      caption=${`The indicators most often overridden, version ${figures.version}`}
      columns=${[
        { heading: 'Indicator' },
        { heading: 'Decided with it', numeric: true },
        { heading: 'Higher', numeric: true },
        { heading: 'Lower', numeric: true },
        { heading: 'Overridden', numeric: true },
        { heading: 'Direction' },
      ]}
      rows=${rows.map((r) => [
        props.indicatorName(r.indicatorId),
        countText(r.decided),
        countText(r.higher),
        countText(r.lower),
        shareText(r.overriddenPct),
        directionText(r) ?? HIDDEN_TEXT,
      ])}
    />
  `;
}
