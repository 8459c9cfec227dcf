/**
 * The dashboard's action plan section: actions by RAG, the chair's challenges waiting for a response
 * (due dates, overdue marked), by theme and by owner agency (with how many are overdue), and the
 * overdue and escalated actions themselves.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { RAG_LABELS, RAG_RATINGS, THEME_LABELS } from '../../../../shared/board/labels.ts';
import type { ActionSummary } from '../../../../shared/board/schema.ts';
import { actionUrl, dueText } from '../../../board/views.ts';
import { BarChart, type BarRow } from '../../../platform/charts/bars.ts';
import { Legend, RAG_STYLES } from '../../../platform/charts/basics.ts';
import { FiguresTable, type TableColumn } from '../../../platform/charts/figures.ts';
import { AfterPaint, formatDate, percent, plural, Tag } from '../../../platform/ui.ts';
import type { Dashboard, RagCounts } from '../../api.ts';

/** The columns after the first of a table split by RAG. */
const RAG_COLUMNS: TableColumn[] = [
  { heading: 'Red', numeric: true },
  { heading: 'Amber', numeric: true },
  { heading: 'Green', numeric: true },
  { heading: 'Total', numeric: true },
];

const ragTotal = (c: RagCounts) => c.red + c.amber + c.green;
const ragCells = (c: RagCounts) => [c.red, c.amber, c.green, ragTotal(c)];
const ragWords = (c: RagCounts) => `${c.red} red, ${c.amber} amber, ${c.green} green`;
const ragSegments = (c: RagCounts) => RAG_RATINGS.map((rag) => ({ key: rag, value: c[rag] }));

/** Actions as links, each with a line about it; or what to say when there are none. */
function ActionList<T extends ActionSummary>(props: {
  actions: T[];
  none: string;
  about: (action: T) => string;
}): VNode {
  if (props.actions.length === 0) return html`<p class="govuk-body">${props.none}</p>`;
  return html`<ul class="govuk-list app-dashboard-list">
    ${props.actions.map(
      (a) => html`
        <li key=${a.id}>
          <a class="govuk-link" href=${actionUrl(a.id)}>${a.reference}: ${a.title}</a>
          <span class="app-dashboard-list__meta">
            ${props.about(a)}
          </span>
        </li>
      `,
    )}
  </ul>`;
}

/** The chair's challenges still waiting for the owner agency, soonest due first. */
function OpenChallenges(props: {
  challenges: Dashboard['challenges'];
  owner: (id: string) => string;
}): VNode {
  const { challenges } = props;
  return html`
    <h3 class="govuk-heading-m" id="challenges">Challenges waiting for a response (${challenges.length})</h3>
    ${
      challenges.length === 0
        ? html`<p class="govuk-body">Every challenge from the independent chair has its response.</p>`
        : html`<ul class="govuk-list app-dashboard-list app-dashboard-challenges">
            ${challenges.map(
              (c) => html`
                <li key=${c.id}>
                  <a class="govuk-link" href=${`${actionUrl(c.actionId)}#challenges`}>${c.reference}: ${c.title}</a>
                  ${c.overdue ? html` <${Tag} text="Overdue" colour="red" classes="app-tag--inline" />` : null}
                  <span class="app-dashboard-list__meta">
                    ${props.owner(c.ownerAgencyId)} to respond by ${formatDate(c.dueDate)}${c.overdue ? ' (overdue)' : ''}. ${c.by.name}
                    asked on ${formatDate(c.at)}: “${c.text.length > 160 ? `${c.text.slice(0, 157)}…` : c.text}”
                  </span>
                </li>
              `,
            )}
          </ul>`
    }
  `;
}

export function PlanFigures(props: { dashboard: Dashboard }): VNode {
  const d = props.dashboard;
  if (d.total === 0) {
    return html`<p class="govuk-body">There are no actions in the plan yet. <a class="govuk-link" href="/board/">Go to the action plan</a></p>`;
  }
  const ragRows: BarRow[] = RAG_RATINGS.map((rag) => ({
    label: RAG_LABELS[rag],
    segments: [{ key: rag, value: d.byRag[rag] }],
    valueText: `${d.byRag[rag]} (${percent((100 * d.byRag[rag]) / d.total)})`,
  }));
  const themes = [...d.byTheme].sort(
    (a, b) =>
      b.red - a.red || b.amber - a.amber || THEME_LABELS[a.theme].localeCompare(THEME_LABELS[b.theme]),
  );
  const themeRows: BarRow[] = themes.map((t) => ({
    label: THEME_LABELS[t.theme],
    segments: ragSegments(t),
    valueText: String(ragTotal(t)),
  }));
  const owners = [...d.byOwner].sort(
    (a, b) => b.overdue - a.overdue || b.red - a.red || a.agencyName.localeCompare(b.agencyName),
  );
  const ownerRows: BarRow[] = owners.map((o) => ({
    label: o.agencyName,
    segments: ragSegments(o),
    valueText: `${ragTotal(o)}${o.overdue ? ` (${o.overdue} overdue)` : ''}`,
  }));
  const owner = (a: ActionSummary) =>
    owners.find((o) => o.agencyId === a.ownerAgencyId)?.agencyName ?? a.ownerAgencyId;

  return html`
    <h3 class="govuk-heading-m" id="by-rag">Actions by RAG</h3>
    <${BarChart}
      id="chart-rag"
      title="Actions by RAG rating"
      desc=${`${plural(d.total, 'action')}: ${ragWords(d.byRag)}.`}
      rows=${ragRows}
      series=${RAG_STYLES}
      labelShare=${0.25}
    />
    <${FiguresTable}
      what="actions by RAG"
      caption="Actions by RAG rating"
      columns=${[{ heading: 'RAG' }, { heading: 'Actions', numeric: true }, { heading: 'Share', numeric: true }]}
      rows=${RAG_RATINGS.map((rag) => [RAG_LABELS[rag], d.byRag[rag], percent((100 * d.byRag[rag]) / d.total)])}
      foot=${['Total', d.total, '100%']}
    />

    <${OpenChallenges}
      challenges=${d.challenges ?? []}
      owner=${(id: string) => owners.find((o) => o.agencyId === id)?.agencyName ?? id}
    />

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="by-theme">Actions by theme</h3>
      <${Legend} id="legend-theme" series=${RAG_STYLES} />
      <${BarChart}
        id="chart-theme"
        title="Actions by theme, split by RAG rating"
        desc=${themes.map((t) => `${THEME_LABELS[t.theme]}: ${ragWords(t)}`).join('. ')}
        rows=${themeRows}
        series=${RAG_STYLES}
      />
      <${FiguresTable}
        what="actions by theme"
        caption="Actions by theme and RAG rating"
        columns=${[{ heading: 'Theme' }, ...RAG_COLUMNS]}
        rows=${themes.map((t) => [THEME_LABELS[t.theme], ...ragCells(t)])}
      />
    </${AfterPaint}>

    <${AfterPaint}>
      <h3 class="govuk-heading-m" id="by-owner">Actions by owner agency</h3>
      <p class="govuk-body">Agencies with overdue actions first. After each bar: how many actions the agency owns, and how many of them are overdue.</p>
      <${Legend} id="legend-owner" series=${RAG_STYLES} />
      <${BarChart}
        id="chart-owner"
        title="Actions by owner agency, split by RAG rating, with overdue actions"
        desc=${owners.map((o) => `${o.agencyName}: ${ragWords(o)}; ${o.overdue} overdue`).join('. ')}
        rows=${ownerRows}
        series=${RAG_STYLES}
      />
      <${FiguresTable}
        what="actions by owner agency"
        caption="Actions by owner agency and RAG rating"
        columns=${[{ heading: 'Owner agency' }, ...RAG_COLUMNS, { heading: 'Overdue', numeric: true }]}
        rows=${owners.map((o) => [o.agencyName, ...ragCells(o), o.overdue])}
      />
    </${AfterPaint}>

    <${AfterPaint}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h3 class="govuk-heading-m" id="overdue">Overdue actions (${d.overdue.length})</h3>
          <${ActionList}
            actions=${d.overdue}
            none="No action is overdue."
            about=${(a: ActionSummary) => `${owner(a)}. Due ${dueText(a)}. ${a.ragReason}.`}
          />
        </div>
        <div class="govuk-grid-column-one-half">
          <h3 class="govuk-heading-m" id="escalated">Escalated to the executive group (${d.escalated.length})</h3>
          <${ActionList}
            actions=${d.escalated}
            none="No action is escalated."
            about=${(a: Dashboard['escalated'][number]) => `${owner(a)}. ${a.escalationReasons.join('; ')}.`}
          />
        </div>
      </div>
    </${AfterPaint}>
  `;
}
