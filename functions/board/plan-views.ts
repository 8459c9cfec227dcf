import {
  RAG_RATINGS,
  SOURCE_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
  THEMES,
} from '../../shared/board/labels.ts';
import { computeRag, effectiveDueDate, needsEscalation } from '../../shared/board/rules.ts';
import type {
  Action,
  ActionSummary,
  ActionView,
  Challenge,
  OpenChallenge,
} from '../../shared/board/schema.ts';
import { toCsv } from '../../shared/platform/csv.ts';

/**
 * What the board reads of its plan, pure: each action with its RAG and escalation for a day, the
 * plan's summary rows, the CSV export and the dashboard's totals. Agency names come in as a map.
 */

/** The UK date today: RAG is a matter of dates, and the board works in UK time. */
export function ukToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** An action with its RAG and escalation worked out for `today` (they change as days pass, so they are not stored). */
export function viewOf(action: Action, today: string): ActionView {
  const rag = computeRag(
    {
      status: action.status,
      dueDate: action.dueDate,
      revisedDueDate: action.revisedDueDate,
      lastUpdateAt: action.lastUpdateAt,
      override: action.ragOverride,
      latestUpdate: action.latestUpdate && {
        ragBefore: action.latestUpdate.ragBefore,
        byUserId: action.latestUpdate.by.userId,
        verified: action.latestUpdate.verified && {
          byUserId: action.latestUpdate.verified.by.userId,
          byName: action.latestUpdate.verified.by.name,
        },
      },
      outcomeMeasure: action.outcomeMeasure,
    },
    today,
  );
  const due = effectiveDueDate(action);
  const escalation = needsEscalation(
    { ragHistory: action.ragHistory, effectiveDueDate: due, status: action.status },
    today,
  );
  return {
    ...action,
    rag: rag.rag,
    ragComputed: rag.computed,
    ragReason: rag.reason,
    escalate: escalation.escalate,
    escalationReasons: escalation.reasons,
    effectiveDueDate: due,
  };
}

export function summaryOf(view: ActionView): ActionSummary {
  return {
    id: view.id,
    reference: view.reference,
    title: view.title,
    theme: view.theme,
    sourceKind: view.source.kind,
    status: view.status,
    rag: view.rag,
    ragReason: view.ragReason,
    escalate: view.escalate,
    dueDate: view.dueDate,
    effectiveDueDate: view.effectiveDueDate,
    ownerAgencyId: view.ownerAgencyId,
    lead: view.lead,
    ...(view.lastUpdateAt ? { lastUpdateAt: view.lastUpdateAt } : {}),
    updatedAt: view.updatedAt,
  };
}

const CSV_HEADINGS = [
  'Reference',
  'Title',
  'Theme',
  'Source',
  'Owner agency',
  'Lead',
  'Contributing agencies',
  'Due',
  'Revised due',
  'Status',
  'RAG',
  'Why',
  'Escalated',
  'Last update',
];

/** The whole plan as a spreadsheet, one row an action, as it stands on `day`. */
export function actionPlanCsv(
  actions: readonly Action[],
  names: ReadonlyMap<string, string>,
  day: string,
): string {
  const rows = actions.map((a) => {
    const v = viewOf(a, day);
    return [
      v.reference,
      v.title,
      THEME_LABELS[v.theme],
      `${SOURCE_LABELS[v.source.kind]}: ${v.source.reference}${v.source.paragraph ? ` para ${v.source.paragraph}` : ''}`,
      names.get(v.ownerAgencyId) ?? v.ownerAgencyId,
      v.lead,
      v.contributingAgencyIds.map((x) => names.get(x) ?? x).join('; '),
      v.dueDate,
      v.revisedDueDate ?? '',
      STATUS_LABELS[v.status],
      v.rag.toUpperCase(),
      v.ragReason,
      v.escalate ? 'Yes' : 'No',
      v.lastUpdateAt?.slice(0, 10) ?? '',
    ];
  });
  return toCsv(CSV_HEADINGS, rows, { bom: true });
}

/**
 * The challenges waiting for a response, soonest due first, each with its action's reference and
 * title; overdue once its due day has passed (it is due by the end of that day).
 */
export function openChallengesOf(
  challenges: readonly Challenge[],
  actions: readonly Action[],
  day: string,
): OpenChallenge[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  return challenges.flatMap((c) => {
    const action = byId.get(c.actionId);
    if (!action || c.response) return [];
    const { reference, title, ownerAgencyId } = action;
    return [{ ...c, reference, title, ownerAgencyId, overdue: c.dueDate < day }];
  });
}

/** The dashboard's figures on `day`: by RAG, by theme and by owner, with what is overdue or escalated. */
export function dashboardOf(
  actions: readonly Action[],
  names: ReadonlyMap<string, string>,
  day: string,
  challenges: readonly Challenge[] = [],
) {
  const views = actions.map((a) => viewOf(a, day));
  const zero = () => ({ red: 0, amber: 0, green: 0 });
  const byRag = zero();
  const byTheme = new Map(THEMES.map((t) => [t, zero()]));
  const byOwner = new Map<string, ReturnType<typeof zero> & { overdue: number }>();
  for (const v of views) {
    byRag[v.rag]++;
    const theme = byTheme.get(v.theme);
    if (theme) theme[v.rag]++;
    const owner = byOwner.get(v.ownerAgencyId) ?? { ...zero(), overdue: 0 };
    owner[v.rag]++;
    if (v.status !== 'complete' && v.effectiveDueDate < day) owner.overdue++;
    byOwner.set(v.ownerAgencyId, owner);
  }
  const open = views.filter((v) => v.status !== 'complete');
  return {
    today: day,
    total: views.length,
    byRag,
    byTheme: [...byTheme]
      .filter(([, n]) => n.red + n.amber + n.green > 0)
      .map(([theme, n]) => ({ theme, ...n })),
    byOwner: [...byOwner].map(([agencyId, n]) => ({
      agencyId,
      agencyName: names.get(agencyId) ?? agencyId,
      ...n,
    })),
    overdue: open.filter((v) => v.effectiveDueDate < day).map(summaryOf),
    escalated: open
      .filter((v) => v.escalate)
      .map((v) => ({ ...summaryOf(v), escalationReasons: v.escalationReasons })),
    challenges: openChallengesOf(challenges, actions, day),
    rags: [...RAG_RATINGS],
  };
}
