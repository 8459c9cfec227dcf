/**
 * The dashboard's unmet need: each time the front door found no service in the directory to fit a
 * family's need, by quarter and need (a chart with its figures), by area, age band and reason (a
 * table), and beside them the plan's joint-commissioning actions, marked where one cites unmet need
 * as its source. Counts arrive suppressed from the API; one not shown reads "not shown".
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { ActionSummary } from '../../../../shared/board/schema.ts';
import type { UnmetNeedQuarter } from '../../../../shared/referrals/stats.ts';
import { NONE_FITTED_LABELS, type NoneFittedReason } from '../../../../shared/services/labels.ts';
import { districtName } from '../../../../shared/views/services/facts.ts';
import { actionUrl, RagTag } from '../../../board/views.ts';
import type { BarRow } from '../../../platform/charts/bars.ts';
import { FiguresTable } from '../../../platform/charts/figures.ts';
import { Tag } from '../../../platform/ui.ts';
import { Charted, countBar } from './charted.ts';
import { countText, quarterLabel } from './figures.ts';

const areaText = (area: string) =>
  area === 'outside' ? 'Outside the county' : area === 'unknown' ? 'No postcode' : districtName(area);
const bandText = (band: string) =>
  band === 'unknown' ? 'Unborn or age not known' : `Aged ${band.replace('-', ' to ')}`;
const reasonText = (reason: string) => NONE_FITTED_LABELS[reason as NoneFittedReason] ?? reason;

/** "NS1 Northshire town centre: 5; Outside the county: not shown" */
const listed = (counts: UnmetNeedQuarter['byArea'], words: (key: string) => string) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${words(key)}: ${countText(n)}`)
    .join('; ');

function Figures(props: { quarters: UnmetNeedQuarter[]; needName: (id: string) => string }): VNode {
  const { quarters, needName } = props;
  const rows: BarRow[] = quarters.flatMap((q): BarRow[] => [
    { kind: 'heading', label: `${quarterLabel(q.quarter)} (${countText(q.total)} in all)` },
    ...Object.entries(q.byNeed)
      .sort(([a], [b]) => needName(a).localeCompare(needName(b)))
      .map(([need, n]) => countBar(needName(need), n)),
  ]);
  return html`
    <${Charted}
      id="chart-unmet-need"
      title="Needs no service fitted, by quarter"
      what="needs no service fitted"
      rows=${rows}
      labelShare=${0.4}
      columns=${[{ heading: 'Quarter and need' }, { heading: 'Decisions', numeric: true }]}
      table=${quarters.flatMap((q) =>
        Object.entries(q.byNeed).map(([need, n]) => [
          `${quarterLabel(q.quarter)}: ${needName(need)}`,
          countText(n),
        ]),
      )}
    />
    <${FiguresTable}
      what="unmet need by area, age and reason"
      caption="Needs no service fitted, by area, age and reason"
      columns=${[{ heading: 'Quarter' }, { heading: 'By area' }, { heading: 'By age' }, { heading: 'Why none fitted' }]}
      rows=${quarters.map((q) => [
        quarterLabel(q.quarter),
        listed(q.byArea, areaText),
        listed(q.byAgeBand, bandText),
        listed(q.byReason, reasonText),
      ])}
      open=${true}
    />
  `;
}

function CommissioningActions(props: { actions: ActionSummary[] | null }): VNode {
  const { actions } = props;
  if (actions === null) return html`<p class="govuk-body">The plan’s actions could not be read just now.</p>`;
  const joint = actions.filter((a) => a.theme === 'joint-commissioning');
  return html`
    <h3 class="govuk-heading-m">The plan’s joint-commissioning actions</h3>
    ${
      joint.length
        ? html`<ul class="govuk-list govuk-list--spaced" id="commissioning-actions">
            ${joint.map(
              (a) => html`<li key=${a.id}>
                <a class="govuk-link" href=${actionUrl(a.id)}>${a.reference}: ${a.title}</a>
                <${RagTag} rag=${a.rag} classes="app-tag--inline" />
                ${a.sourceKind === 'unmet_need' ? html`<${Tag} text="Cites unmet need" colour="purple" classes="app-tag--inline" />` : null}
              </li>`,
            )}
          </ul>`
        : html`<p class="govuk-body">The plan has no joint-commissioning action yet.</p>`
    }
    <p class="govuk-body">
      A board member can <a class="govuk-link" href="/board/new/">add an action</a> whose source is the unmet need
      recorded at the front door.
    </p>
  `;
}

export function UnmetNeed(props: {
  quarters: UnmetNeedQuarter[];
  actions: ActionSummary[] | null;
  needName: (id: string) => string;
}): VNode {
  const quarters = [...props.quarters].sort((a, b) => a.quarter.localeCompare(b.quarter));
  return html`
    <p class="govuk-body">
      Each time the front door signposts a family and no service in the directory fits, it records the need and why.
      These are those needs by quarter, for the board to commission against.
    </p>
    ${
      quarters.length
        ? html`<${Figures} quarters=${quarters} needName=${props.needName} />`
        : html`<p class="govuk-body">The front door has recorded no unmet need this year.</p>`
    }
    <${CommissioningActions} actions=${props.actions} />
  `;
}
